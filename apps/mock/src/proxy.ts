import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  checkRequestParameters,
  errorResponse,
  OptionError,
  parseTarget,
  routeOf,
} from '@insightiq/profiles-sandbox';
import {
  type ContractIssue,
  type ContractValidator,
  pointerPattern,
} from '@insightiq/profiles-spec/validate';

/** What the proxy saw, for its summary on exit. */
export interface ProxyReport {
  /** Requests forwarded upstream. */
  forwarded: number;
  /** Answers of `GET /v1/profiles[/{id}]` checked against the contract. */
  checked: number;
  /** Checked answers with at least one violation. */
  violating: number;
  /** Requests whose parameters broke the contract (forwarded all the same: the answer tells how the API takes them). */
  invalidRequests: number;
  /** Violations by JSON pointer with array indexes as `*`, most frequent first. */
  byPointer: { pointer: string; message: string; count: number }[];
}

/** Headers that belong to one connection, not to the message (RFC 9110 §7.6.1), and `host`. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
  'content-length',
]);

/** Checks `--upstream`: an http(s) URL without credentials, query or fragment. */
export function parseUpstream(value: string | undefined): URL {
  if (!value)
    throw new OptionError('upstream', 'is required in proxy mode, such as https://api.sandbox.insightiq.ai');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OptionError(
      'upstream',
      `must be an absolute http(s) URL (got ${JSON.stringify(value.slice(0, 200))})`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new OptionError('upstream', `must be an http(s) URL (got ${url.protocol})`);
  if (url.username || url.password)
    throw new OptionError(
      'upstream',
      'must not carry credentials: clients send their own, and the proxy passes them on',
    );
  if (url.search || url.hash) throw new OptionError('upstream', 'must not have a query or fragment');
  return url;
}

/**
 * The drift monitor: forwards every request to `upstream` unchanged (credentials included, never
 * logged), answers with the upstream's answer unchanged, and checks each answer of the contract's
 * operations against it: each violation is logged with its JSON pointer and counted in an
 * `x-contract-violations` header.
 */
export function createProxy(upstream: URL, contract: ContractValidator, log: (line: string) => void) {
  const report: ProxyReport = { forwarded: 0, checked: 0, violating: 0, invalidRequests: 0, byPointer: [] };
  const counts = new Map<string, { pointer: string; message: string; count: number }>();
  const base = upstream.href.replace(/\/+$/, '');

  async function handle(req: IncomingMessage, res: ServerResponse, extraHeaders: Record<string, string>) {
    const target = req.url ?? '/';
    const { pathname, search } = parseTarget(target);
    const headers = new Headers();
    for (const [name, values] of Object.entries(req.headersDistinct)) {
      if (!HOP_BY_HOP.has(name)) for (const value of values ?? []) headers.append(name, value);
    }
    const method = req.method ?? 'GET';
    const route = method === 'GET' ? routeOf(pathname) : undefined;
    if (route) {
      const { issues } = checkRequestParameters(contract, route.operationId, search, route.rawId);
      if (issues.length > 0) report.invalidRequests++;
      for (const i of issues)
        log(
          `request breaks the contract: ${method} ${pathname}${search}: ${i.in} parameter ${i.name} ${i.rule}`,
        );
    }
    const hasBody = method !== 'GET' && method !== 'HEAD';
    let answer: Response;
    try {
      answer = await fetch(base + pathname + search, {
        method,
        headers,
        redirect: 'manual',
        ...(hasBody && { body: req as unknown as ReadableStream, duplex: 'half' }),
      } as RequestInit);
      report.forwarded++;
    } catch (error) {
      const requestId = randomUUID();
      const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
      const why = cause?.code ?? cause?.message ?? (error as Error).message;
      const { status, body } = errorResponse(
        'badGateway',
        `The proxy could not reach its upstream ${upstream.host}: ${why}.`,
        requestId,
      );
      log(`proxy: ${method} ${pathname} failed upstream: ${why}`);
      res.writeHead(status, { ...extraHeaders, 'content-type': 'application/json', 'request-id': requestId });
      return void res.end(body);
    }

    const text = method === 'HEAD' ? '' : await answer.text();
    const out: Record<string, string> = { ...extraHeaders };
    answer.headers.forEach((value, name) => {
      // fetch has decoded the body: its length and encoding are this answer's, not the upstream's.
      if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') out[name] = value;
    });
    if (route) {
      const issues = check(route.operationId, answer, text);
      report.checked++;
      if (issues.length > 0) report.violating++;
      out['x-contract-violations'] = String(issues.length);
      const requestId = answer.headers.get('request-id') ?? 'none';
      for (const issue of issues) {
        log(
          `contract violation: ${method} ${pathname}${search} -> ${answer.status} (request-id ${requestId}): ${issue.path} ${issue.message}`,
        );
        const key = `${pointerPattern(issue.path)}\u0000${issue.message}`;
        const seen = counts.get(key) ?? {
          pointer: pointerPattern(issue.path),
          message: issue.message,
          count: 0,
        };
        seen.count++;
        counts.set(key, seen);
      }
    }
    if (method !== 'HEAD') out['content-length'] = String(Buffer.byteLength(text));
    res.writeHead(answer.status, out);
    res.end(text);
  }

  function check(operationId: string, answer: Response, text: string): ContractIssue[] {
    let body: unknown;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        return [{ path: '/body', message: `is not JSON (${text.slice(0, 60).replace(/\s+/g, ' ')}…)` }];
      }
    }
    return contract.validateResponse({ operationId, status: answer.status, headers: answer.headers, body });
  }

  return {
    handle,
    /** What the proxy has seen so far. */
    report(): ProxyReport {
      return { ...report, byPointer: [...counts.values()].sort((a, b) => b.count - a.count) };
    },
  };
}

/** The summary printed when the proxy stops. */
export function formatReport(r: ProxyReport): string {
  const lines = [
    `proxy summary: ${r.forwarded} requests forwarded, ${r.checked} answers checked against the contract, ${r.violating} broke it; ${r.invalidRequests} requests broke it`,
  ];
  for (const v of r.byPointer) lines.push(`  ${v.count} x ${v.pointer} ${v.message}`);
  return lines.join('\n');
}
