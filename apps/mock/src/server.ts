import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import {
  type Backend,
  createSandbox,
  type DriftKind,
  errorResponse,
  OptionError,
  type SandboxAnswer,
} from '@insightiq/profiles-sandbox';
import { createContractValidator } from '@insightiq/profiles-spec/validate';
import { corsHeaders, preflightHeaders } from './cors.js';
import { loadProfilesFile } from './data-file.js';
import { clientErrorAnswer } from './errors.js';
import { type Prism, startPrism } from './prism.js';
import { createProxy, type ProxyReport, parseUpstream } from './proxy.js';

const require = createRequire(import.meta.url);

/**
 * How the mock answers: `sandbox` (the API's semantics over a dataset), Prism's `examples` /
 * `dynamic`, or `proxy` (a real deployment's answers, checked against the contract).
 */
export type MockMode = 'sandbox' | 'examples' | 'dynamic' | 'proxy';

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
  /**
   * Contract drift in every 200 answer (sandbox mode), to see a conformance check fail: `'all'` or
   * kinds such as `['missing-field', 'ignore-limit']`. Default none.
   */
  drift?: 'all' | readonly DriftKind[];
  /** Proxy mode: the deployment to forward to, such as `https://api.sandbox.insightiq.ai`. */
  upstream?: string;
  /** Called with one line per request (method, path, status, time). No credentials are ever in it. */
  log?: (line: string) => void;
  /** Called with each contract violation the proxy sees. Default: `log`. */
  warn?: (line: string) => void;
}

/** A running mock. */
export interface RunningMock {
  /** The base URL, such as `http://127.0.0.1:4010`. */
  url: string;
  mode: MockMode;
  /** Number of profiles served (sandbox mode). */
  profiles: number | undefined;
  /** Proxy mode: what it has forwarded and checked so far. */
  proxyReport: (() => ProxyReport) | undefined;
  /** Stops the server and Prism, closing open connections. */
  close(): Promise<void>;
}

const MODES: MockMode[] = ['sandbox', 'examples', 'dynamic', 'proxy'];

/** Checks options the sandbox does not, and throws an `OptionError` for the first problem. */
function checkOptions(o: MockOptions): void {
  if (o.mode !== undefined && !MODES.includes(o.mode))
    throw new OptionError('mode', `must be one of ${MODES.join(', ')} (got ${JSON.stringify(o.mode)})`);
  if (o.port !== undefined && (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535))
    throw new OptionError('port', `must be an integer from 0 to 65535 (got ${o.port})`);
  if (o.data !== undefined && o.mode !== undefined && o.mode !== 'sandbox')
    throw new OptionError('data', 'works in sandbox mode only');
  if (o.drift !== undefined && o.mode !== undefined && o.mode !== 'sandbox')
    throw new OptionError('drift', 'works in sandbox mode only');
  if (o.upstream !== undefined && o.mode !== 'proxy')
    throw new OptionError('upstream', 'works in proxy mode only');
}

/**
 * Starts the mock and resolves once it answers requests. It is a thin adapter from `node:http` to
 * the sandbox engine (`@insightiq/profiles-sandbox`), which checks every request (routes, auth,
 * parameters, faults) and answers it from its profiles, or, in Prism modes, from Prism.
 */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  checkOptions(options);
  const mode = options.mode ?? 'sandbox';
  const seed = options.seed ?? 'insightiq';
  const data = options.data ? loadProfilesFile(options.data, createContractValidator()) : undefined;
  const proxy =
    mode === 'proxy'
      ? createProxy(
          parseUpstream(options.upstream),
          createContractValidator(),
          options.warn ?? options.log ?? (() => {}),
        )
      : undefined;
  const sandbox = createSandbox({
    // Prism modes answer from Prism: the engine only checks their requests, and needs no profiles.
    profiles: mode === 'sandbox' ? (options.profiles ?? 1000) : 0,
    seed,
    ...(data && { data }),
    ...(options.credentials !== undefined && { credentials: options.credentials }),
    ...(options.failRate !== undefined && { failRate: options.failRate }),
    ...(options.latencyMs !== undefined && { latencyMs: options.latencyMs }),
    ...(options.drift !== undefined && { drift: options.drift }),
  });

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
  if (mode === 'examples' || mode === 'dynamic') prism = await launchPrism();

  /**
   * Prism's answer to a call the engine checked, made to behave like the API where Prism does not:
   * asked for JSON only (so a client's `Accept` never turns into Prism's 406-as-500), at the canonical
   * path (no trailing slash), a list page cut to `offset`/`limit` and echoing them in `metadata`, and
   * error bodies that repeat this response's `request-id` and status.
   */
  const fromPrism: Backend = async (call) => {
    const running = prism ?? (await prismStarting?.catch(() => undefined));
    if (!running || !prism) {
      return call.fail(
        'unavailable',
        "The Prism mock behind this server is not running (it exited; see the mock's output).",
      );
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    for (const name of ['authorization', 'prefer']) {
      const v = call.header(name);
      if (v !== undefined) headers[name] = v;
    }
    const path =
      call.operationId === 'getProfile'
        ? `/v1/profiles/${encodeURIComponent(call.id as string)}`
        : '/v1/profiles';
    return new Promise<SandboxAnswer>((resolve) => {
      const upstream = request(
        { host: '127.0.0.1', port: running.port, method: 'GET', path: path + call.search, headers },
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
              return resolve(
                call.fail(
                  headers.prefer ? 'invalidPrefer' : 'internal',
                  `${headers.prefer ? `Prefer: ${headers.prefer}: ` : ''}${detail}`,
                ),
              );
            }
            try {
              const json = JSON.parse(body);
              if (status === 200 && call.operationId === 'listProfiles' && Array.isArray(json?.data)) {
                // Examples are one fixed list: page through it. Dynamic pages are random: cut to limit.
                const { offset, limit } = call.values as { offset: number; limit: number };
                const from = mode === 'dynamic' ? 0 : offset;
                json.data = json.data.slice(from, from + limit);
                json.metadata = { ...json.metadata, offset, limit };
              } else if (json?.error && typeof json.error === 'object') {
                json.error.request_id = call.requestId;
                json.error.http_status_code = status;
              }
              body = JSON.stringify(json);
            } catch {}
            const keep: Record<string, string> = { 'request-id': call.requestId };
            for (const name of ['content-type', 'www-authenticate', 'retry-after']) {
              const v = answer.headers[name];
              if (typeof v === 'string') keep[name] = v;
            }
            resolve({ status, headers: keep, body });
          });
        },
      );
      upstream.on('error', (error) =>
        resolve(call.fail('internal', `The Prism mock behind this server failed: ${error.message}`)),
      );
      upstream.end();
    });
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!req.headers.host && req.httpVersionMinor >= 1) {
      const requestId = randomUUID();
      const { status, body } = errorResponse(
        'malformedRequest',
        'The request has no Host header, which HTTP/1.1 requires.',
        requestId,
      );
      res.writeHead(status, {
        'content-type': 'application/json',
        'request-id': requestId,
        connection: 'close',
      });
      return void res.end(body);
    }
    // The start-up probe (below) is answered here: it is not the upstream's business.
    if (proxy) return ready ? proxy.handle(req, res, corsHeaders(req)) : void res.writeHead(204).end();
    const answer = await sandbox.handle(
      {
        method: req.method ?? 'GET',
        target: req.url ?? '/',
        // Several headers of one name joined, as fetch does: two Authorization headers are refused.
        header: (name) => req.headersDistinct[name]?.join(', '),
      },
      prism || prismStarting ? fromPrism : undefined,
    );
    if (answer.drop) return void req.socket.destroy();
    const preflight = req.method === 'OPTIONS' && answer.status === 204;
    const headers = { ...(preflight ? preflightHeaders(req) : corsHeaders(req)), ...answer.headers };
    if (!preflight) headers['content-length'] = String(Buffer.byteLength(answer.body));
    const warning = answer.headers['x-mock-warning'];
    if (warning) options.log?.(`warning: ${req.method} ${req.url?.split('?')[0]}: ${warning}`);
    res.writeHead(answer.status, headers);
    res.end(answer.body);
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
      if (res.headersSent) return void res.destroy();
      const requestId = randomUUID();
      const { status, body } = errorResponse('internal', `Mock failure: ${error.message}`, requestId);
      res.writeHead(status, {
        ...corsHeaders(req),
        'content-type': 'application/json',
        'request-id': requestId,
      });
      res.end(body);
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
    closing = true;
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
  return {
    url,
    mode,
    profiles: mode === 'sandbox' ? sandbox.size : undefined,
    proxyReport: proxy?.report,
    close,
  };
}
