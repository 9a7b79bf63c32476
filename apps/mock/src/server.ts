import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DriftKind, OptionError, type SandboxOptions } from '@insightiq/profiles-sandbox';
import { createEngine } from '@insightiq/profiles-sandbox/internal';
import { createContractValidator } from '@insightiq/profiles-spec/validate';
import { loadProfilesFile } from './data-file.js';
import { createHttpServer } from './http.js';
import { startPrismBackend } from './prism-backend.js';
import { createProxy, type ProxyReport, parseUpstream } from './proxy.js';

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
  /** The mode it runs in. */
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
 * parameters, faults) and answers it from its profiles, or, in Prism modes, from Prism. Bad options
 * reject with an `OptionError`.
 */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  checkOptions(options);
  const mode = options.mode ?? 'sandbox';
  const seed = options.seed ?? 'insightiq';
  const proxy =
    mode === 'proxy'
      ? createProxy(
          parseUpstream(options.upstream),
          createContractValidator(),
          options.warn ?? options.log ?? (() => {}),
        )
      : undefined;
  const engine = createEngine(engineOptions(options, mode, seed));
  const prism =
    mode === 'examples' || mode === 'dynamic' ? await startPrismBackend(mode === 'dynamic', seed) : undefined;

  let ready = false;
  const server = createHttpServer({
    engine,
    backend: prism?.backend,
    proxy,
    log: options.log,
    ready: () => ready,
  });
  const port = options.port ?? 4010;
  const host = options.host ?? '127.0.0.1';
  try {
    await listen(server, port, host);
  } catch (error) {
    await prism?.stop();
    throw error;
  }
  const close = async () => {
    await closeServer(server);
    await prism?.stop();
  };
  const url = urlOf(server);
  try {
    await probe(url);
  } catch (error) {
    await close();
    throw error;
  }
  ready = true;
  return {
    url,
    mode,
    profiles: mode === 'sandbox' ? engine.size : undefined,
    proxyReport: proxy?.report,
    close,
  };
}

/** The engine's options: the user's profiles (`data`, read and checked here), or generated ones. */
function engineOptions(options: MockOptions, mode: MockMode, seed: string): SandboxOptions {
  const data = options.data === undefined ? undefined : loadProfilesFile(options.data);
  return {
    // Prism modes answer from Prism: the engine only checks their requests, and needs no profiles.
    profiles: mode === 'sandbox' ? (options.profiles ?? 1000) : 0,
    seed,
    ...(data && { data }),
    ...(options.credentials !== undefined && { credentials: options.credentials }),
    ...(options.failRate !== undefined && { failRate: options.failRate }),
    ...(options.latencyMs !== undefined && { latencyMs: options.latencyMs }),
    ...(options.drift !== undefined && { drift: options.drift }),
  };
}

/** Listens on `host:port`; a port in use is explained. */
async function listen(server: Server, port: number, host: string): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw new Error(
      e.code === 'EADDRINUSE'
        ? `port ${port} on ${host} is in use: stop what uses it or pass --port`
        : e.message,
    );
  }
}

/** Stops a server, closing its open connections (keep-alive ones included). */
function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** The base URL a listening server answers on (an IPv6 address in brackets). */
function urlOf(server: Server): string {
  const { address, port } = server.address() as AddressInfo;
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}

/** Resolves once the server at `url` answers a request (a preflight, which the engine answers 204). */
function probe(url: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const req = request(`${url}/v1/profiles`, { method: 'OPTIONS' }, (res) => {
      res.resume();
      resolve();
    });
    req.on('error', reject);
    req.end();
  });
}
