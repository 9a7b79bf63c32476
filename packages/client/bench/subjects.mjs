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

/** The middle value, or the mean of the two middle ones. */
const median = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return Number.isInteger(mid) ? (sorted[mid - 1] + sorted[mid]) / 2 : sorted[Math.floor(mid)];
};

/**
 * Each of `set` after a warm-up, in many short rounds, the subjects interleaved within each (in the
 * opposite order every other round), so that the machine's drift, which on a shared machine moves a
 * call's time by a third within a second, hits every subject alike: `us`, each subject's median
 * round in microseconds per call; `ratio`, the median over rounds of its time divided by the
 * `baseline` subject's in the same round. Medians, which GC pauses and other processes move far
 * less than means.
 */
export async function interleaved(set, rounds, perRound, baseline = 'openapi-fetch GET') {
  for (const fn of Object.values(set)) await measure(fn, perRound * 4); // warm-up
  const names = Object.keys(set);
  const times = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++)
    for (const name of round % 2 ? [...names].reverse() : names)
      times[name].push(await measure(set[name], perRound));
  const perRoundRatio = (name) => times[name].map((t, round) => t / times[baseline][round]);
  return {
    us: Object.fromEntries(names.map((name) => [name, median(times[name])])),
    ratio: Object.fromEntries(names.map((name) => [name, median(perRoundRatio(name))])),
  };
}
