import { request } from 'node:http';
import { createRequire } from 'node:module';
import type { Backend, SandboxAnswer, SandboxCall } from '@insightiq/profiles-sandbox/internal';
import { type Prism, startPrism } from './prism.js';

const require = createRequire(import.meta.url);

/** How many times a Prism that died is started again before requests get a 503. */
const MAX_RESTARTS = 3;

/** Prism behind the engine, for the `examples` and `dynamic` modes. */
export interface PrismBackend {
  /** Answers the calls the engine checked, from Prism. */
  backend: Backend;
  /** Stops Prism (and one being restarted), for good. */
  stop(): Promise<void>;
}

/** What Prism answered, before it is made to behave like the API. */
interface PrismResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Starts Prism and resolves once it answers. If it dies, it is started again (at most 3 times, then
 * requests get a 503 saying so), and each time the mock says why on stderr: never a silent 500 forever.
 */
export async function startPrismBackend(dynamic: boolean, seed: string): Promise<PrismBackend> {
  const spec = require.resolve('@insightiq/profiles-spec/openapi.json');
  let prism: Prism | undefined;
  let starting: Promise<Prism | undefined> | undefined;
  let restarts = 0;
  let stopped = false;

  const onExit = (why: string) => {
    prism = undefined;
    if (stopped) return;
    const again = restarts++ < MAX_RESTARTS;
    const next = again
      ? 'starting it again'
      : `not restarting it after ${MAX_RESTARTS} restarts: restart the mock`;
    console.error(`insightiq-profiles-mock: Prism exited unexpectedly (${why}); ${next}.`);
    if (!again) return;
    starting = launch().catch((error: Error) => {
      console.error(`insightiq-profiles-mock: ${error.message}`);
      return undefined;
    });
  };
  const launch = async (): Promise<Prism> => {
    const started = await startPrism(spec, dynamic, seed, onExit);
    if (stopped) await started.stop();
    else prism = started;
    return started;
  };
  /** The running Prism, once a restart in progress is over; undefined when there is none. */
  const running = async (): Promise<Prism | undefined> => {
    if (!prism) await starting;
    return prism;
  };

  await launch();
  return {
    backend: async (call) => {
      const target = await running();
      if (!target) {
        const why = "The Prism mock behind this server is not running (it exited; see the mock's output).";
        return call.fail('unavailable', why);
      }
      return askPrism(target.port, call, dynamic);
    },
    async stop() {
      stopped = true;
      await starting;
      await prism?.stop();
    },
  };
}

/**
 * Prism's answer to a call the engine checked, made to behave like the API where Prism does not:
 * asked for JSON only (so a client's `Accept` never turns into Prism's 406-as-500), at the canonical
 * path (no trailing slash), a list page cut to `offset`/`limit` and echoing them in `metadata`, and
 * the contract's error examples given this response's `request-id` and status. Prism's own problems
 * (`application/problem+json`) become the API's error answer (`call.fail`).
 */
async function askPrism(port: number, call: SandboxCall, dynamic: boolean): Promise<SandboxAnswer> {
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const name of ['authorization', 'prefer']) {
    const value = call.header(name);
    if (value !== undefined) headers[name] = value;
  }
  const path =
    call.operationId === 'getProfile'
      ? `/v1/profiles/${encodeURIComponent(call.id as string)}`
      : '/v1/profiles';
  let answer: PrismResponse;
  try {
    answer = await get(port, path + call.search, headers);
  } catch (error) {
    return call.fail('internal', `The Prism mock behind this server failed: ${(error as Error).message}`);
  }
  if (String(answer.headers['content-type']).includes('problem+json')) {
    const prefer = headers.prefer;
    const detail = problemDetail(answer.body);
    return call.fail(
      prefer ? 'invalidPrefer' : 'internal',
      `${prefer ? `Prefer: ${prefer}: ` : ''}${detail}`,
    );
  }
  const keep: Record<string, string> = { 'request-id': call.requestId };
  for (const name of ['content-type', 'www-authenticate', 'retry-after']) {
    const value = answer.headers[name];
    if (typeof value === 'string') keep[name] = value;
  }
  return { status: answer.status, headers: keep, body: likeTheApi(call, answer, dynamic) };
}

/** The `detail` of a problem+json body, or the body itself. */
function problemDetail(body: string): string {
  try {
    return JSON.parse(body).detail ?? body;
  } catch {
    return body;
  }
}

/** Prism's JSON body, a list page cut to `offset`/`limit`, an error example given this answer's id and status. */
function likeTheApi(call: SandboxCall, answer: PrismResponse, dynamic: boolean): string {
  let json: { data?: unknown; metadata?: object; error?: Record<string, unknown> } | null;
  try {
    json = JSON.parse(answer.body);
  } catch {
    return answer.body;
  }
  if (answer.status === 200 && call.operationId === 'listProfiles' && Array.isArray(json?.data)) {
    // Examples are one fixed list: page through it. Dynamic pages are random: cut to limit.
    const { offset, limit } = call.values as { offset: number; limit: number };
    const from = dynamic ? 0 : offset;
    return JSON.stringify({
      ...json,
      data: json.data.slice(from, from + limit),
      metadata: { ...json.metadata, offset, limit },
    });
  }
  if (json?.error && typeof json.error === 'object') {
    // One of the contract's error examples: it is this answer's, with its request id and status.
    return JSON.stringify({
      ...json,
      error: { ...json.error, request_id: call.requestId, http_status_code: answer.status },
    });
  }
  return JSON.stringify(json);
}

/** GETs a path of the Prism on `port` (loopback). */
function get(port: number, path: string, headers: Record<string, string>): Promise<PrismResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'GET', path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 500,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}
