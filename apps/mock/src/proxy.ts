import type { IncomingMessage } from 'node:http';
import { OptionError } from '@insightiq/profiles-sandbox';
import {
  type Answer,
  errorAnswer,
  parseTarget,
  readRequestParameters,
  routeOf,
} from '@insightiq/profiles-sandbox/internal';
import { type ContractValidator, ViolationGroups } from '@insightiq/profiles-spec/validate';

/** The contract's operation a request path is, and the raw id in it. */
type Route = NonNullable<ReturnType<typeof routeOf>>;

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
  /**
   * Violations grouped by JSON pointer (array indexes as `*`) and rule, most frequent first: how many
   * violations (`count`) in how many answers (`answers`).
   */
  byPointer: { pointer: string; message: string; count: number; answers: number }[];
}

/** The drift monitor of `createProxy`. */
export interface ContractProxy {
  /** Forwards a request and resolves to the upstream's answer, checked (or the API's 502 error answer). */
  handle(req: IncomingMessage): Promise<Answer>;
  /** What the proxy has seen so far. */
  report(): ProxyReport;
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

/** The proxy's checks: it logs and counts the requests and answers that break the contract. */
function createMonitor(contract: ContractValidator, log: (line: string) => void) {
  const counts = { forwarded: 0, checked: 0, violating: 0, invalidRequests: 0 };
  const groups = new ViolationGroups();
  return {
    counts,
    /** Logs each parameter of a request (`GET /v1/profiles?limit=0`) that breaks its rule. */
    checkRequest(request: string, operation: Route, search: string): void {
      const { issues } = readRequestParameters(operation.operationId, search, operation.rawId);
      if (issues.length > 0) counts.invalidRequests++;
      for (const i of issues)
        log(`request breaks the contract: ${request}: ${i.in} parameter ${i.name} ${i.rule}`);
    },
    /** Checks an answer with the contract's one checker: logs and groups each violation, and returns how many. */
    checkAnswer(request: string, operation: Route, answer: Response, text: string): number {
      const { status, headers } = answer;
      const violations = contract.validateResponse({
        operationId: operation.operationId,
        status,
        headers,
        text,
      });
      const answerKey = String(++counts.checked);
      if (violations.length > 0) counts.violating++;
      const requestId = headers.get('request-id') ?? 'none';
      for (const violation of violations) {
        const { pointer, message } = violation;
        log(`contract violation: ${request} -> ${status} (request-id ${requestId}): ${pointer} ${message}`);
        groups.add(violation, answerKey);
      }
      return violations.length;
    },
    report(): ProxyReport {
      const byPointer = groups
        .list()
        .map(({ pointer, message, count, answers }) => ({ pointer, message, count, answers }));
      return { ...counts, byPointer };
    },
  };
}

/**
 * The drift monitor: forwards every request to `upstream` unchanged (credentials included, never
 * logged), answers with the upstream's answer unchanged, and checks each answer of the contract's
 * operations against it: each violation is logged with its JSON pointer and counted in an
 * `x-contract-violations` header. An upstream it cannot reach gets the API's 502 error answer.
 */
export function createProxy(
  upstream: URL,
  contract: ContractValidator,
  log: (line: string) => void,
): ContractProxy {
  const monitor = createMonitor(contract, log);
  const base = upstream.href.replace(/\/+$/, '');

  async function handle(req: IncomingMessage): Promise<Answer> {
    const method = req.method ?? 'GET';
    const { pathname, search } = parseTarget(req.url ?? '/');
    const request = `${method} ${pathname}${search}`;
    const operation = method === 'GET' ? routeOf(pathname) : undefined;
    if (operation) monitor.checkRequest(request, operation, search);
    let answer: Response;
    try {
      answer = await forward(base + pathname + search, method, req);
      monitor.counts.forwarded++;
    } catch (error) {
      const why = failureOf(error);
      log(`proxy: ${method} ${pathname} failed upstream: ${why}`);
      return errorAnswer('badGateway', `The proxy could not reach its upstream ${upstream.host}: ${why}.`);
    }
    const text = method === 'HEAD' ? '' : await answer.text();
    const headers = messageHeaders(answer.headers);
    if (operation)
      headers['x-contract-violations'] = String(monitor.checkAnswer(request, operation, answer, text));
    if (method !== 'HEAD') headers['content-length'] = String(Buffer.byteLength(text));
    return { status: answer.status, headers, body: text };
  }

  return { handle, report: monitor.report };
}

/** Why fetch failed, in a word where it has one (`ECONNREFUSED`). */
function failureOf(error: unknown): string {
  const { cause, message } = error as Error & { cause?: { code?: string; message?: string } };
  return cause?.code ?? cause?.message ?? message;
}

/** An upstream answer's headers but those of one connection and its encoding (fetch has decoded the body). */
function messageHeaders(upstream: Headers): Record<string, string> {
  const headers: Record<string, string> = {};
  upstream.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') headers[name] = value;
  });
  return headers;
}

/** Sends a request upstream as it came: its method, its headers but those of one connection, its body. */
function forward(url: string, method: string, req: IncomingMessage): Promise<Response> {
  const headers = new Headers();
  for (const [name, values] of Object.entries(req.headersDistinct)) {
    if (!HOP_BY_HOP.has(name)) for (const value of values ?? []) headers.append(name, value);
  }
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return fetch(url, {
    method,
    headers,
    redirect: 'manual',
    ...(hasBody && { body: req as unknown as ReadableStream, duplex: 'half' }),
  } as RequestInit);
}

/** The summary printed when the proxy stops. */
export function formatReport(r: ProxyReport): string {
  const lines = [
    `proxy summary: ${r.forwarded} requests forwarded, ${r.checked} answers checked against the contract, ${r.violating} broke it; ${r.invalidRequests} requests broke it`,
  ];
  for (const v of r.byPointer)
    lines.push(
      `  ${v.count} x ${v.pointer} ${v.message} (in ${v.answers} answer${v.answers === 1 ? '' : 's'})`,
    );
  return lines.join('\n');
}
