#!/usr/bin/env node
// Per-call cost of client.profiles.list() against raw openapi-fetch and raw fetch, measured in one
// run: first over an in-process fetch stub (pure client overhead), then against an HTTP server on
// loopback; then the cost per page of validateResponses. The body is the API's own sample page (ten
// profiles). Prints calls per second and ratios; asserts nothing.
// Usage: node bench/overhead.mjs [rounds]   (default 30; `pnpm --filter @insightiq/profiles-client bench` runs it with no argument)
import { spawn } from 'node:child_process';
import { openapi } from '@insightiq/profiles-spec';
import { benchSize } from '@insightiq/testkit';
import createClient from 'openapi-fetch';
import { createProfilesClient } from '../dist/index.js';

const ROUNDS = Math.ceil(benchSize('usage: node bench/overhead.mjs [rounds]', { full: 30, quick: 1 }));
const body = JSON.stringify(openapi.components.examples.ProfileListSample.value);
const headers = { 'content-type': 'application/json', 'request-id': '5c0b7c8e-4f0a-4c58-a2b2-6d3c3f1f9c11' };
const authorization = `Basic ${btoa('bench-id:bench-secret')}`;
const stub = async () => new Response(body, { status: 200, headers });

function subjects(baseUrl, fetchImpl, options = {}) {
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
const more = (a, b) => {
  const percent = (a / b - 1) * 100;
  return `${Math.abs(percent).toFixed(1)}% ${percent < 0 ? 'less' : 'more'}`;
};
const signed = (us) => `${us < 0 ? '-' : '+'}${Math.abs(us).toFixed(2)} µs`;

/**
 * Many short rounds, the subjects interleaved within each, so that drift of the machine hits every
 * subject alike; each subject's figure is its median round, which GC pauses and other processes
 * move far less than a mean or a single long run.
 */
async function report(title, set, rounds, perRound) {
  console.log(`\n${title} (median of ${rounds} interleaved rounds of ${perRound} sequential calls)`);
  for (const fn of Object.values(set)) await measure(fn, perRound); // warm-up
  const times = Object.fromEntries(Object.keys(set).map((name) => [name, []]));
  for (let round = 0; round < rounds; round++)
    for (const [name, fn] of Object.entries(set)) times[name].push(await measure(fn, perRound));
  const us = Object.fromEntries(Object.entries(times).map(([name, xs]) => [name, median(xs)]));
  for (const [name, t] of Object.entries(us))
    console.log(
      `  ${name.padEnd(24)} ${t.toFixed(2).padStart(7)} µs/call ${(1e6 / t).toFixed(0).padStart(8)} calls/s`,
    );
  const client = us['profiles-client list()'];
  const raw = us['openapi-fetch GET'];
  console.log(
    `  client cost per call vs openapi-fetch: ${more(client, raw)} (${signed(client - raw)}; target: <= 10% more)`,
  );
  console.log(`  openapi-fetch cost per call vs fetch: ${more(raw, us['fetch + JSON.parse'])}`);
}

await report(
  'In-process fetch stub: pure client overhead',
  subjects('https://api.bench', stub),
  ROUNDS,
  2000,
);

const code = `const b = process.argv[1]; require('node:http').createServer((q, r) => { r.writeHead(200, ${JSON.stringify(headers)}); r.end(b); })
  .listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port); });`;
const server = spawn(process.execPath, ['-e', code, body], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => server.stdout.once('data', (d) => resolve(String(d).trim())));
try {
  await report(
    'HTTP server on loopback (a separate process)',
    subjects(url, (r) => fetch(r)),
    Math.ceil(ROUNDS / 2),
    500,
  );
} finally {
  server.kill();
}

// validateResponses: the same list() call over the stub, checked against the contract or not.
{
  const plain = subjects('https://api.bench', stub)['profiles-client list()'];
  const checked = subjects('https://api.bench', stub, { validateResponses: 'throw' })[
    'profiles-client list()'
  ];
  await checked(); // loads and compiles the validator once, as the first call of a process does
  const set = { 'list()': plain, "list() validateResponses: 'throw'": checked };
  for (const fn of Object.values(set)) await measure(fn, 200);
  const times = Object.fromEntries(Object.keys(set).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++)
    for (const [name, fn] of Object.entries(set)) times[name].push(await measure(fn, 500));
  const [a, b] = Object.values(times).map(median);
  console.log(`\nvalidateResponses over the stub (median of ${ROUNDS} interleaved rounds of 500 calls)`);
  console.log(`  list()                          ${a.toFixed(2).padStart(7)} µs/page`);
  console.log(
    `  list() validateResponses 'throw' ${b.toFixed(2).padStart(7)} µs/page: +${(b - a).toFixed(2)} µs per page of 10 profiles`,
  );
}
