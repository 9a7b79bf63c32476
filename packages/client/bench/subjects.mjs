// What the overhead bench measures, shared by its main process and its stub workers: the client's
// list(), raw openapi-fetch and raw fetch, each reading the API's own sample page (ten profiles).
import { openapi } from '@insightiq/profiles-spec';
import createClient from 'openapi-fetch';
import { createProfilesClient } from '../dist/index.js';

export const body = JSON.stringify(openapi.components.examples.ProfileListSample.value);
export const headers = {
  'content-type': 'application/json',
  'request-id': '5c0b7c8e-4f0a-4c58-a2b2-6d3c3f1f9c11',
};
const authorization = `Basic ${btoa('bench-id:bench-secret')}`;
/** A fetch that answers at once, in process: only the callers' own code runs. */
export const stub = async () => new Response(body, { status: 200, headers });

/** The three ways to read a page, over `fetchImpl`. */
export function subjects(baseUrl, fetchImpl, options = {}) {
  const client = createProfilesClient({
    clientId: 'bench-id',
    clientSecret: 'bench-secret',
    baseUrl,
    fetch: fetchImpl,
    ...options,
  });
  const raw = createClient({
    baseUrl,
    fetch: fetchImpl,
    headers: { authorization, accept: 'application/json' },
  });
  return {
    'fetch + JSON.parse': async () => {
      const r = await fetchImpl(
        new Request(`${baseUrl}/v1/profiles?limit=10`, { headers: { authorization } }),
      );
      return JSON.parse(await r.text());
    },
    'openapi-fetch GET': () => raw.GET('/v1/profiles', { params: { query: { limit: 10 } } }),
    'profiles-client list()': () => client.profiles.list({ limit: 10 }),
  };
}

/** Microseconds per call of `fn`, over `n` sequential calls. */
async function measure(fn, n) {
  const started = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return ((performance.now() - started) * 1000) / n;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Microseconds per call of each of `set`, after a warm-up: many short rounds, the subjects
 * interleaved within each, so that drift of the machine hits every subject alike; each figure is
 * the subject's median round, which GC pauses and other processes move far less than a mean.
 */
export async function interleaved(set, rounds, perRound) {
  for (const fn of Object.values(set)) await measure(fn, perRound); // warm-up
  const times = Object.fromEntries(Object.keys(set).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++)
    for (const [name, fn] of Object.entries(set)) times[name].push(await measure(fn, perRound));
  return Object.fromEntries(Object.entries(times).map(([name, xs]) => [name, median(xs)]));
}
