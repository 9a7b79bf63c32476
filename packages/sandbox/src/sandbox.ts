import { createContractValidator } from '@insightiq/profiles-spec/validate';
import type { Profile } from '@insightiq/profiles-types';
import { parseCredentials } from './auth.js';
import { DRIFT_KINDS, type DriftKind, parseDrift } from './drift.js';
import { Engine, type SandboxAnswer } from './engine.js';
import { OptionError } from './option-error.js';
import { GeneratedSource, RecordSource } from './profiles.js';

/** Options of `createSandbox`. */
export interface SandboxOptions {
  /** How many generated profiles follow the reference page's ten. Default 1000; up to 1,000,000,000. */
  profiles?: number;
  /** Seed of the generated profiles (and of `failRate`). Default `insightiq`. */
  seed?: string;
  /** Your own profiles, served instead of generated ones; each is checked against the contract. */
  data?: readonly unknown[];
  /** `CLIENT_ID:CLIENT_SECRET`: only these credentials pass. Default: any well-formed Basic credentials. */
  credentials?: string;
  /** Share of requests, 0 to 1, answered with an injected 500. Default 0. */
  failRate?: number;
  /** Delay added to every answer, in milliseconds. Default 0. */
  latencyMs?: number;
  /**
   * Contract drift in every 200 answer, to prove that a conformance check notices: `'all'`, or kinds
   * from `DRIFT_KINDS`. Default none. Per request: `x-mock-fault: drift` or `drift=KIND[,KIND]`.
   */
  drift?: 'all' | readonly DriftKind[];
}

/** An in-process Profiles API: the API's semantics behind a WHATWG `fetch`. */
export interface Sandbox {
  /**
   * Answers `GET /v1/profiles` and `GET /v1/profiles/{id}` on any origin as the API does (and as the
   * HTTP mock's sandbox mode does), without a socket. Pass it as the client's `fetch` option.
   */
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  /** How many profiles it serves. */
  readonly size: number;
}

/** The most profiles a sandbox generates (ids carry 48 bits of index; memory does not grow with it). */
const MAX_PROFILES = 1_000_000_000;

/** Checks options and throws an `OptionError` for the first problem. */
function checkOptions(o: SandboxOptions): void {
  if (
    o.profiles !== undefined &&
    (!Number.isInteger(o.profiles) || o.profiles < 0 || o.profiles > MAX_PROFILES)
  )
    throw new OptionError('profiles', `must be an integer from 0 to ${MAX_PROFILES} (got ${o.profiles})`);
  if (o.failRate !== undefined && !(o.failRate >= 0 && o.failRate <= 1))
    throw new OptionError('failRate', `must be a number from 0 to 1 (got ${o.failRate})`);
  if (
    o.latencyMs !== undefined &&
    (!Number.isInteger(o.latencyMs) || o.latencyMs < 0 || o.latencyMs > 60_000)
  )
    throw new OptionError('latencyMs', `must be an integer from 0 to 60000 (got ${o.latencyMs})`);
  if (o.data !== undefined && !Array.isArray(o.data))
    throw new OptionError('data', 'must be an array of profiles');
}

/** Your profiles, each checked against the contract; the error names the record and the field. */
export function checkRecords(records: readonly unknown[]): Profile[] {
  const contract = createContractValidator();
  const seen = new Set<string>();
  records.forEach((record, i) => {
    const id = (record as { id?: unknown } | null)?.id;
    const label = `record ${i}${typeof id === 'string' ? ` (id ${id})` : ''}`;
    const issue = contract.validateSchema('Profile', record)[0];
    if (issue) throw new Error(`${label}: field ${issue.pointer || '/'} ${issue.message}`);
    if (seen.has(id as string)) throw new Error(`${label}: duplicate id`);
    seen.add(id as string);
  });
  return records as Profile[];
}

/**
 * The engine behind a sandbox, for transports other than `fetch` (the HTTP mock): the options
 * checked, the profiles chosen (generated, or `data` checked against the contract).
 */
export function createEngine(options: SandboxOptions = {}): Engine {
  checkOptions(options);
  const drift = options.drift === undefined ? [] : parseDrift(options.drift);
  if (typeof drift === 'string') {
    const kinds = Object.keys(DRIFT_KINDS).join(', ');
    const got = JSON.stringify(options.drift);
    throw new OptionError('drift', `must be 'all' or an array of ${kinds} (got ${got})`);
  }
  const seed = options.seed ?? 'insightiq';
  return new Engine({
    source: options.data
      ? new RecordSource(checkRecords(options.data))
      : new GeneratedSource(options.profiles ?? 1000, seed),
    seed,
    credentials: options.credentials === undefined ? undefined : parseCredentials(options.credentials),
    failRate: options.failRate ?? 0,
    latencyMs: options.latencyMs ?? 0,
    drift,
  });
}

/** A `fetch` answered by the engine: aborts with the request's signal, `drop` rejects as a closed connection does. */
function engineFetch(engine: Engine): Sandbox['fetch'] {
  return async (input, init) => {
    const request = new Request(input, init);
    const { signal } = request;
    signal.throwIfAborted();
    const answering = engine.handle({
      method: request.method,
      target: request.url,
      header: (name) => request.headers.get(name) ?? undefined,
    });
    const answer = await new Promise<SandboxAnswer>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      answering.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
    if (answer.drop) {
      const why =
        'other side closed: the sandbox closed the connection without an answer (x-mock-fault: drop)';
      throw new TypeError('fetch failed', { cause: new Error(why) });
    }
    const empty = request.method === 'HEAD' || answer.status === 204;
    return new Response(empty ? null : answer.body, { status: answer.status, headers: answer.headers });
  };
}

/**
 * Creates a sandbox: the Profiles API's semantics in process, over the reference page's ten
 * profiles and `profiles` generated ones (computed on demand: a million are ready at once), or
 * over your `data`.
 *
 * ```ts
 * const sandbox = createSandbox({ profiles: 100 });
 * const client = createProfilesClient({ baseUrl: 'https://sandbox.test', clientId: 'id', clientSecret: 'secret', fetch: sandbox.fetch });
 * ```
 * Throws an `OptionError` for a bad option, and an `Error` naming the record and field for `data`
 * that breaks the contract.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const engine = createEngine(options);
  return { fetch: engineFetch(engine), size: engine.size };
}
