import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import {
  type Answer,
  type Backend,
  type createEngine,
  errorAnswer,
  type SandboxRequest,
} from '@insightiq/profiles-sandbox/internal';
import { corsHeaders, preflightHeaders } from './cors.js';
import { clientErrorAnswer } from './errors.js';
import type { ContractProxy } from './proxy.js';

/** The sandbox engine (`createEngine` of `@insightiq/profiles-sandbox/internal`). */
export type Engine = ReturnType<typeof createEngine>;

/** What answers the mock's HTTP requests. */
export interface HttpOptions {
  /** Checks every request (routes, auth, parameters, faults) and answers it (all modes but proxy). */
  engine: Engine;
  /** Answers the calls the engine checked instead of its profiles (Prism). */
  backend: Backend | undefined;
  /** Proxy mode: forwards every request upstream instead. */
  proxy: ContractProxy | undefined;
  /** One line per request, once the mock is ready; and the `x-mock-warning` of an answer. */
  log: ((line: string) => void) | undefined;
  /** Whether the mock is ready: the start-up probe is neither logged nor forwarded. */
  ready(): boolean;
}

/**
 * The mock's `node:http` server: each request read into the engine's `SandboxRequest`, its
 * `SandboxAnswer` written back with the CORS headers, one log line per request, and the API's error
 * answer (`errorAnswer`) for what fails before or outside the engine.
 */
export function createHttpServer(options: HttpOptions): Server {
  // The Host check is the mock's own (`answer`), so that its answer has the error body and request-id.
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    const { log } = options;
    if (log && options.ready()) logWhenFinished(req, res, log);
    answer(req, res, options).catch((error: Error) => {
      if (res.headersSent) return void res.destroy();
      send(res, errorAnswer('internal', `Mock failure: ${error.message}`, { headers: corsHeaders(req) }));
    });
  });
  server.on('clientError', (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    socket.end(clientErrorAnswer(error));
  });
  server.keepAliveTimeout = 65_000;
  return server;
}

/** Logs `METHOD target status time` once the answer is sent. Never a header: credentials stay out. */
function logWhenFinished(req: IncomingMessage, res: ServerResponse, log: (line: string) => void): void {
  const started = performance.now();
  res.on('finish', () =>
    log(`${req.method} ${req.url} ${res.statusCode} ${(performance.now() - started).toFixed(1)}ms`),
  );
}

/** Writes an answer: its status, headers and body, and the body's `content-length` unless `length` is false. */
function send(res: ServerResponse, { status, headers, body }: Answer, length = true): void {
  res.writeHead(status, length ? { ...headers, 'content-length': String(Buffer.byteLength(body)) } : headers);
  res.end(body);
}

/** The request as the engine reads it. */
function toSandboxRequest(req: IncomingMessage): SandboxRequest {
  return {
    method: req.method ?? 'GET',
    target: req.url ?? '/',
    // Several headers of one name joined, as fetch does: two Authorization headers are refused.
    header: (name) => req.headersDistinct[name]?.join(', '),
  };
}

async function answer(req: IncomingMessage, res: ServerResponse, options: HttpOptions): Promise<void> {
  if (!req.headers.host && req.httpVersionMinor >= 1) {
    const message = 'The request has no Host header, which HTTP/1.1 requires.';
    return send(res, errorAnswer('malformedRequest', message, { headers: { connection: 'close' } }));
  }
  const { proxy } = options;
  if (proxy) {
    // The start-up probe is answered here: it is not the upstream's business.
    if (!options.ready()) return void res.writeHead(204).end();
    // The upstream's answer as it came: its own content-length, none for HEAD.
    const forwarded = await proxy.handle(req);
    return send(res, { ...forwarded, headers: { ...corsHeaders(req), ...forwarded.headers } }, false);
  }
  const sandboxAnswer = await options.engine.handle(toSandboxRequest(req), options.backend);
  if (sandboxAnswer.drop) return void req.socket.destroy();
  const preflight = req.method === 'OPTIONS' && sandboxAnswer.status === 204;
  const headers = { ...(preflight ? preflightHeaders(req) : corsHeaders(req)), ...sandboxAnswer.headers };
  const warning = sandboxAnswer.headers['x-mock-warning'];
  if (warning) options.log?.(`warning: ${req.method} ${req.url?.split('?')[0]}: ${warning}`);
  send(res, { status: sandboxAnswer.status, headers, body: sandboxAnswer.body }, !preflight);
}
