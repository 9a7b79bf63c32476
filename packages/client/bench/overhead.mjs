#!/usr/bin/env node
// Per-call cost of client.profiles.list() against raw openapi-fetch and raw fetch, measured in one
// run: first over an in-process fetch stub (pure client overhead), then against an HTTP server on
// loopback. Prints calls per second and ratios; asserts nothing.
// Usage: pnpm --filter @insightiq/profiles-client bench [calls]
import { spawn } from 'node:child_process';
import createClient from 'openapi-fetch';
import { createProfilesClient } from '../dist/index.js';

const calls = Number(process.argv[2] ?? 20_000);
const ROUNDS = 6;
const body = JSON.stringify({
  data: Array.from({ length: 10 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    gender: null,
  })),
  metadata: { offset: 0, limit: 10 },
});
const headers = { 'content-type': 'application/json', 'request-id': '5c0b7c8e-4f0a-4c58-a2b2-6d3c3f1f9c11' };
const authorization = `Basic ${btoa('bench-id:bench-secret')}`;
const stub = async () => new Response(body, { status: 200, headers });

function subjects(baseUrl, fetchImpl) {
  const client = createProfilesClient({
    clientId: 'bench-id',
    clientSecret: 'bench-secret',
    baseUrl,
    fetch: fetchImpl,
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

async function measure(fn, n) {
  for (let i = 0; i < Math.min(1000, n); i++) await fn(); // warm-up
  const started = performance.now();
  for (let i = 0; i < n; i++) await fn();
  return n / ((performance.now() - started) / 1000);
}

async function report(title, set, n) {
  console.log(`\n${title} (best of ${ROUNDS} rounds of ${n / 2} sequential calls each)`);
  const rates = {};
  // Interleaved rounds, so that drift of the machine hits every subject alike; the best round of
  // each subject is its figure (noise from other processes only ever slows a round down).
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of Object.entries(set))
      rates[name] = Math.max(rates[name] ?? 0, await measure(fn, n / 2));
  }
  for (const [name, rate] of Object.entries(rates))
    console.log(`  ${name.padEnd(24)} ${rate.toFixed(0).padStart(8)} calls/s`);
  const client = rates['profiles-client list()'];
  const raw = rates['openapi-fetch GET'];
  console.log(
    `  client cost per call vs openapi-fetch: ${((raw / client - 1) * 100).toFixed(1)}% more (target: <= 10%)`,
  );
  console.log(
    `  openapi-fetch vs fetch: ${((rates['fetch + JSON.parse'] / raw - 1) * 100).toFixed(1)}% more`,
  );
}

await report('In-process fetch stub: pure client overhead', subjects('https://api.bench', stub), calls);

const code = `const b = process.argv[1]; require('node:http').createServer((q, r) => { r.writeHead(200, ${JSON.stringify(headers)}); r.end(b); })
  .listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port); });`;
const server = spawn(process.execPath, ['-e', code, body], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => server.stdout.once('data', (d) => resolve(String(d).trim())));
try {
  await report(
    'HTTP server on loopback (a separate process)',
    subjects(url, (r) => fetch(r)),
    Math.min(calls, 4000),
  );
} finally {
  server.kill();
}
