import { openapi } from '@insightiq/profiles-spec';
import { type ParameterIssue, parameterRules, readParameters } from '@insightiq/profiles-spec/parameters';

/** The operations of the Profiles API. */
export type OperationId = 'listProfiles' | 'getProfile';

/** The rules of each operation's parameters, read once from the contract. */
const RULES = parameterRules(openapi);

const OPERATIONS = [
  { operationId: 'listProfiles', pattern: /^\/v1\/profiles\/?$/ },
  { operationId: 'getProfile', pattern: /^\/v1\/profiles\/([^/]*)\/?$/ },
] as const;

/**
 * The path and query of a request target, without the cost of a full URL parse. An absolute-form
 * target (`http://host/v1/profiles`, RFC 9112 §3.2.2) is read as its path.
 */
export function parseTarget(rawTarget: string): { pathname: string; search: string } {
  const target = /^https?:\/\//i.test(rawTarget)
    ? rawTarget.replace(/^https?:\/\/[^/?#]*/i, '') || '/'
    : rawTarget;
  const q = target.indexOf('?');
  let pathname = q === -1 ? target : target.slice(0, q);
  if (!pathname.startsWith('/')) pathname = `/${pathname}`;
  if (pathname.includes('/.') || pathname.includes('//'))
    pathname = new URL(`http://mock${pathname}`).pathname;
  return { pathname, search: q === -1 ? '' : target.slice(q) };
}

/** The operation a path is (`/v1/profiles`, `/v1/profiles/{id}`, a trailing slash allowed), with the raw id. */
export function routeOf(
  pathname: string,
): { operationId: OperationId; rawId: string | undefined } | undefined {
  for (const op of OPERATIONS) {
    const m = op.pattern.exec(pathname);
    if (m) return { operationId: op.operationId, rawId: m[1] };
  }
  return undefined;
}

/** A request's parameters, read with the contract's one checker. */
export interface RequestParameters {
  values: Record<string, unknown>;
  issues: ParameterIssue[];
  /** The path's id, percent-decoded where it decodes. */
  id: string | undefined;
  /** Query parameters the operation does not take, percent-encoded and short (as a header can carry them). */
  unknown: string[];
}

/** The query and the path's id of a request, read as the contract reads them. */
export function readRequestParameters(
  operationId: OperationId,
  search: string,
  rawId: string | undefined,
): RequestParameters {
  let id = rawId;
  try {
    id = rawId === undefined ? undefined : decodeURIComponent(rawId);
  } catch {}
  const rules = RULES[operationId] ?? [];
  const query = new URLSearchParams(search);
  const { values, issues } = readParameters(rules, { query, path: { id } });
  const known = rules.map((r) => r.name);
  const unknown = [...new Set(query.keys())]
    .filter((name) => !known.includes(name))
    .map((name) => encodeURIComponent(name).slice(0, 100));
  return { values, issues, id, unknown };
}
