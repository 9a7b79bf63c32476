import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { parameterRules } from '@insightiq/profiles-spec';
import { createContractValidator } from '@insightiq/profiles-spec/validate';
import { checkBasicAuth, parseCredentials } from './auth.js';
import { BoundedCache } from './bounded-cache.js';
import { corsHeaders, preflightHeaders } from './cors.js';
import { Dataset, loadProfilesFile, prng, sandboxProfiles } from './dataset.js';
import { clientErrorAnswer, type ErrorKind, sendError } from './errors.js';
import { type Fault, parseFault } from './faults.js';
import { type Prism, startPrism } from './prism.js';

const require = createRequire(import.meta.url);

/** How the mock answers: `sandbox` (the API's semantics over a dataset), or Prism's `examples` / `dynamic`. */
export type MockMode = 'sandbox' | 'examples' | 'dynamic';

/** Options of `startMock`. */
export interface MockOptions {
  /** Port to listen on; 0 picks a free one. Default 4010. */
  port?: number;
  /** Address to listen on. Default 127.0.0.1. */
  host?: string;
  /** Default `sandbox`. */
  mode?: MockMode;
  /** How many generated profiles follow the reference sample's ten in sandbox mode. Default 1000. */
  profiles?: number;
  /** Seed of the generated dataset (and of `--fail-rate`). Default `insightiq`. */
  seed?: string;
  /** A JSON file of the user's own profiles, served instead of the generated dataset. */
  data?: string;
  /** `CLIENT_ID:CLIENT_SECRET`: only these credentials pass. Default: any well-formed Basic credentials. */
  credentials?: string;
  /** Share of requests, 0 to 1, answered with an injected 500. Default 0. */
  failRate?: number;
  /** Delay added to every response, in milliseconds. Default 0. */
  latencyMs?: number;
  /** Called with one line per request (method, path, status, time). No credentials are ever in it. */
  log?: (line: string) => void;
}

/** A running mock. */
export interface RunningMock {
  /** The base URL, such as `http://127.0.0.1:4010`. */
  url: string;
  mode: MockMode;
  /** Number of profiles served (sandbox mode). */
  profiles: number | undefined;
  /** Stops the server and Prism, closing open connections. */
  close(): Promise<void>;
}

const OPERATIONS = [
  { operationId: 'listProfiles', pattern: /^\/v1\/profiles\/?$/ },
  { operationId: 'getProfile', pattern: /^\/v1\/profiles\/([^/]*)\/?$/ },
] as const;

const WWW_AUTHENTICATE = { 'www-authenticate': 'Basic realm="InsightIQ"' };
const FAULT_ERROR: Record<number, ErrorKind> = { 429: 'rateLimited', 500: 'internal', 503: 'unavailable' };
const MODES: MockMode[] = ['sandbox', 'examples', 'dynamic'];
/** The parameters each operation takes, by name: any other query parameter gets an `x-mock-warning`. */
const PARAMETER_NAMES: Record<string, string[]> = Object.fromEntries(
  Object.entries(parameterRules()).map(([id, rules]) => [id, rules.map((r) => r.name)]),
);

/**
 * The path and query of a request target, without the cost of a full URL parse. An absolute-form
 * target (`http://host/v1/profiles`, RFC 9112 §3.2.2) is read as its path.
 */
function parseTarget(rawTarget: string): { pathname: string; search: string } {
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

/** Memoises a pure function of string arguments, keeping the last 1,000 distinct calls. */
function memoise<A extends Array<string | undefined>, R>(fn: (...args: A) => R): (...args: A) => R {
  const cache = new BoundedCache<string, R>(1000);
  return (...args) =>
    cache.get(args.map((a) => (a === undefined ? '\u0001' : a)).join('\u0000'), () => fn(...args));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Checks options and explains the first problem, as `--flag` would read it. */
function checkOptions(o: MockOptions): void {
  const fail = (m: string) => {
    throw new Error(m);
  };
  if (o.mode !== undefined && !MODES.includes(o.mode))
    fail(`mode must be one of ${MODES.join(', ')} (got ${JSON.stringify(o.mode)})`);
  if (o.port !== undefined && (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535))
    fail(`port must be an integer from 0 to 65535 (got ${o.port})`);
  if (
    o.profiles !== undefined &&
    (!Number.isInteger(o.profiles) || o.profiles < 0 || o.profiles > 1_000_000)
  ) {
    fail(`profiles must be an integer from 0 to 1000000 (got ${o.profiles})`);
  }
  if (o.failRate !== undefined && !(o.failRate >= 0 && o.failRate <= 1))
    fail(`fail-rate must be a number from 0 to 1 (got ${o.failRate})`);
  if (
    o.latencyMs !== undefined &&
    (!Number.isInteger(o.latencyMs) || o.latencyMs < 0 || o.latencyMs > 60_000)
  ) {
    fail(`latency-ms must be an integer from 0 to 60000 (got ${o.latencyMs})`);
  }
  if (o.data !== undefined && o.mode !== undefined && o.mode !== 'sandbox')
    fail('data works in sandbox mode only');
}

/** Starts the mock and resolves once it answers requests. */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  checkOptions(options);
  const mode = options.mode ?? 'sandbox';
  const seed = options.seed ?? 'insightiq';
  const credentials = options.credentials === undefined ? undefined : parseCredentials(options.credentials);
  const contract = createContractValidator();
  const failRate = options.failRate ?? 0;
  const latencyMs = options.latencyMs ?? 0;
  const chance = prng(`${seed}:faults`);
  const dataset =
    mode === 'sandbox'
      ? new Dataset(
          options.data
            ? loadProfilesFile(options.data, contract)
            : sandboxProfiles(options.profiles ?? 1000, seed),
        )
      : undefined;
  // Prism runs as a child process. If it dies, it is started again (at most 3 times, then requests
  // get a 503 saying so), and each time the mock says why on stderr: never a silent 500 forever.
  let prism: Prism | undefined;
  let prismStarting: Promise<Prism> | undefined;
  let prismRestarts = 0;
  let closing = false;
  const launchPrism = (): Promise<Prism> =>
    startPrism(require.resolve('@insightiq/profiles-spec/openapi.json'), mode === 'dynamic', seed, (why) => {
      prism = undefined;
      if (closing) return;
      const again = prismRestarts++ < 3;
      console.error(
        `insightiq-profiles-mock: Prism exited unexpectedly (${why}); ${again ? 'starting it again' : 'not restarting it after 3 restarts: restart the mock'}.`,
      );
      if (again) {
        prismStarting = launchPrism().then((p) => {
          prism = p;
          return p;
        });
        prismStarting.catch((error: Error) => console.error(`insightiq-profiles-mock: ${error.message}`));
      }
    });
  if (mode !== 'sandbox') prism = await launchPrism();

  // Answers depend only on the Authorization header and on the path and query, so both checks are
  // memoised (bounded): repeated requests, the common case, skip the parsing.
  const auth = memoise((header: string | undefined) => checkBasicAuth(header, credentials));
  const parameters = memoise((operationId: string, search: string, rawId: string | undefined) => {
    let id = rawId;
    try {
      id = rawId === undefined ? undefined : decodeURIComponent(rawId);
    } catch {}
    const query = new URLSearchParams(search);
    const checked = contract.validateParameters(operationId, {
      query,
      ...(id !== undefined && { path: { id } }),
    });
    const known = PARAMETER_NAMES[operationId] ?? [];
    const unknown = [...new Set(query.keys())]
      .filter((name) => !known.includes(name))
      // As a header value can carry them: percent-encoded (a name may hold any character), and short.
      .map((name) => encodeURIComponent(name).slice(0, 100));
    return { ...checked, id, unknown };
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const cors = corsHeaders(req);
    const fail = (kind: ErrorKind, message: string, extra: Record<string, string> = {}) =>
      sendError(res, kind, message, requestId, { ...cors, ...extra });
    const url = parseTarget(req.url ?? '/');
    if (!req.headers.host && req.httpVersionMinor >= 1) {
      return fail('malformedRequest', 'The request has no Host header, which HTTP/1.1 requires.', {
        connection: 'close',
      });
    }

    let operationId: string | undefined;
    let rawId: string | undefined;
    for (const op of OPERATIONS) {
      const m = op.pattern.exec(url.pathname);
      if (m) {
        operationId = op.operationId;
        rawId = m[1];
        break;
      }
    }
    if (!operationId)
      return fail(
        'noRoute',
        `No route ${req.method} ${url.pathname}: the Profiles API has GET /v1/profiles and GET /v1/profiles/{id}.`,
      );
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...preflightHeaders(req), allow: 'GET, HEAD, OPTIONS', 'request-id': requestId });
      return void res.end();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return fail('methodNotAllowed', `Method ${req.method} is not allowed on ${url.pathname}: use GET.`, {
        allow: 'GET, HEAD, OPTIONS',
      });
    }

    const faultHeader = req.headers['x-mock-fault'];
    let fault: Fault | undefined;
    if (typeof faultHeader === 'string') {
      const parsed = parseFault(faultHeader);
      if (typeof parsed === 'string') return fail('invalidParameter', parsed);
      fault = parsed;
    }
    const delay = latencyMs + (fault?.kind === 'delay' ? fault.ms : 0);
    if (delay > 0) await sleep(delay);
    if (fault?.kind === 'drop') return void req.socket.destroy();
    if (fault?.kind === 'status') {
      const kind = FAULT_ERROR[fault.status] as ErrorKind;
      return fail(
        kind,
        `Injected fault: ${fault.status} (x-mock-fault).`,
        fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
      );
    }
    if (failRate > 0 && chance() < failRate) return fail('internal', 'Injected failure (--fail-rate).');

    // Node keeps only the first of two Authorization headers: two are ambiguous, so refuse them.
    const denied =
      (req.headersDistinct.authorization?.length ?? 0) > 1
        ? {
            kind: 'malformedCredentials' as const,
            message: 'Malformed Authorization: send one Authorization header, not several.',
          }
        : auth(req.headers.authorization);
    if (denied) return fail(denied.kind, denied.message, WWW_AUTHENTICATE);

    const { values, issues, id, unknown } = parameters(operationId, url.search, rawId);
    // Like the API (presumably), unknown parameters are ignored; unlike it, the mock says so.
    const warning: Record<string, string> = unknown.length
      ? {
          'x-mock-warning': `unknown query parameter${unknown.length > 1 ? 's' : ''} ignored: ${unknown.join(', ')}`,
        }
      : {};
    if (unknown.length) options.log?.(`warning: ${req.method} ${url.pathname}: ${warning['x-mock-warning']}`);
    if (issues.length > 0) {
      return fail(
        'invalidParameter',
        issues.map((i) => `Invalid value for ${i.in} parameter ${i.name}: ${i.rule}.`).join(' '),
        warning,
      );
    }

    const ok = (body: string | Buffer) => {
      const bytes =
        fault?.kind === 'malformed' ? body.slice(0, Math.max(1, Math.floor(body.length / 2))) : body;
      res.writeHead(200, {
        ...cors,
        ...warning,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(bytes)),
        'request-id': requestId,
      });
      res.end(bytes);
    };
    if (dataset) {
      if (operationId === 'getProfile') {
        const json = dataset.getJson(id as string);
        return json ? ok(json) : fail('notFound', `No profile exists with id ${id}.`);
      }
      const { limit, offset } = values as { limit: number; offset: number };
      return ok(dataset.pageBody(values as Record<string, string>, offset, limit));
    }
    return proxy(
      req,
      res,
      operationId,
      id,
      values,
      url.search,
      requestId,
      { ...cors, ...warning },
      fail,
      fault?.kind === 'malformed' ? ok : undefined,
    );
  }

  /**
   * Prism's answer, made to behave like the API where Prism does not: asked for JSON only (so a
   * client's `Accept` never turns into Prism's 406-as-500), at the canonical path (no trailing
   * slash), a list page cut to `offset`/`limit` and echoing them in `metadata`, and error bodies that
   * repeat this response's `request-id` and status.
   */
  async function proxy(
    req: IncomingMessage,
    res: ServerResponse,
    operationId: string,
    id: string | undefined,
    values: Record<string, unknown>,
    search: string,
    requestId: string,
    extra: Record<string, string>,
    fail: (kind: ErrorKind, message: string) => void,
    /** Set for `x-mock-fault: malformed`: sends a 200 body truncated, as the sandbox mode does. */
    sendMalformed: ((body: string) => void) | undefined,
  ): Promise<void> {
    const headers: Record<string, string> = { accept: 'application/json' };
    for (const name of ['authorization', 'prefer']) {
      const v = req.headers[name];
      if (typeof v === 'string') headers[name] = v;
    }
    const path =
      operationId === 'getProfile' ? `/v1/profiles/${encodeURIComponent(id as string)}` : '/v1/profiles';
    const running = prism ?? (await prismStarting?.catch(() => undefined));
    if (!running || !prism) {
      return fail(
        'unavailable',
        "The Prism mock behind this server is not running (it exited; see the mock's output).",
      );
    }
    return new Promise((resolve) => {
      const upstream = request(
        { host: '127.0.0.1', port: running.port, method: 'GET', path: path + search, headers },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (c: Buffer) => chunks.push(c));
          answer.on('end', () => {
            let body = Buffer.concat(chunks).toString('utf8');
            const status = answer.statusCode ?? 500;
            if (String(answer.headers['content-type']).includes('problem+json')) {
              let detail = body;
              try {
                detail = JSON.parse(body).detail ?? body;
              } catch {}
              fail(
                headers.prefer ? 'invalidPrefer' : 'internal',
                `${headers.prefer ? `Prefer: ${headers.prefer}: ` : ''}${detail}`,
              );
              return resolve();
            }
            try {
              const json = JSON.parse(body);
              if (status === 200 && operationId === 'listProfiles' && Array.isArray(json?.data)) {
                // Examples are one fixed list: page through it. Dynamic pages are random: cut to limit.
                const { offset, limit } = values as { offset: number; limit: number };
                const from = mode === 'dynamic' ? 0 : offset;
                json.data = json.data.slice(from, from + limit);
                json.metadata = { ...json.metadata, offset, limit };
              } else if (json?.error && typeof json.error === 'object') {
                json.error.request_id = requestId;
                json.error.http_status_code = status;
              }
              body = JSON.stringify(json);
            } catch {}
            if (status === 200 && sendMalformed) {
              sendMalformed(body);
              return resolve();
            }
            const keep: Record<string, string> = { ...extra, 'request-id': requestId };
            for (const name of ['content-type', 'www-authenticate', 'retry-after']) {
              const v = answer.headers[name];
              if (typeof v === 'string') keep[name] = v;
            }
            keep['content-length'] = String(Buffer.byteLength(body));
            res.writeHead(status, keep);
            res.end(body);
            resolve();
          });
        },
      );
      upstream.on('error', (error) => {
        fail('internal', `The Prism mock behind this server failed: ${error.message}`);
        resolve();
      });
      upstream.end();
    });
  }

  // The Host check is the mock's own (above), so that its answer has the error body and request-id.
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    const started = performance.now();
    if (options.log && ready) {
      res.on('finish', () =>
        options.log?.(
          `${req.method} ${req.url} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`,
        ),
      );
    }
    handle(req, res).catch((error: Error) => {
      if (!res.headersSent)
        sendError(res, 'internal', `Mock failure: ${error.message}`, randomUUID(), corsHeaders(req));
      else res.destroy();
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    socket.end(clientErrorAnswer(error, randomUUID()));
  });
  let ready = false;
  server.keepAliveTimeout = 65_000;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 4010, options.host ?? '127.0.0.1', () => resolve());
    });
  } catch (error) {
    await prism?.stop();
    const e = error as NodeJS.ErrnoException;
    throw new Error(
      e.code === 'EADDRINUSE'
        ? `port ${options.port ?? 4010} on ${options.host ?? '127.0.0.1'} is in use: stop what uses it or pass --port`
        : e.message,
    );
  }
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  const close = async () => {
    closing = true;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await prism?.stop();
  };
  // Resolve only once the server answers a request.
  await new Promise<void>((resolve, reject) => {
    const probe = request(`${url}/v1/profiles`, { method: 'OPTIONS' }, (r) => {
      r.resume();
      resolve();
    });
    probe.on('error', (error) => {
      close().finally(() => reject(error));
    });
    probe.end();
  });
  ready = true;
  return { url, mode, profiles: dataset?.size, close };
}
