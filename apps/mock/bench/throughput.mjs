#!/usr/bin/env node
// Throughput of the mock's sandbox mode against Prism's own server on the same contract, measured
// in one run on loopback, with a do-nothing Node server sending the same bytes as the ceiling of the
// measurement itself; then page latency on 1,000 vs 100,000 profiles. (The engine in process, with
// no socket, and its start-up and memory by size: packages/sandbox/bench.) Prints figures and
// ratios, asserts nothing. Uses wrk (Debian's `wrk`) when installed: autocannon's JavaScript client tops out
// near the mock's speed on a 2-core machine, so with it the ratio is a lower bound.
// Usage: pnpm --filter @insightiq/profiles-mock bench [seconds]   (seconds of load per server, default 5)
import { execFileSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { benchSize, quickBench, whenListening } from '@insightiq/testkit';
import autocannon from 'autocannon';
import { startPrism } from '../dist/prism.js';

const require = createRequire(import.meta.url);
const seconds = Math.ceil(benchSize('usage: node bench/throughput.mjs [seconds]', { full: 5, quick: 1 }));
/** Requests per page-latency measure (after a tenth as many to warm up). */
const requests = quickBench ? 100 : 1000;
const authorization = `Basic ${Buffer.from('bench-id:bench-secret').toString('base64')}`;
const hasWrk = (() => {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    return error.status === 1; // wrk --version exits 1 after printing its version
  }
})();

/** Requests per second and p99 latency (ms) of GET url under load. */
async function load(url, duration = seconds) {
  if (hasWrk) {
    const out = execFileSync('wrk', [
      '-t1',
      '-c10',
      `-d${duration}`,
      '--latency',
      '-H',
      `authorization: ${authorization}`,
      url,
    ]).toString();
    const p99 = /99%\s+([\d.]+)(us|ms|s)/.exec(out);
    const scale = { us: 0.001, ms: 1, s: 1000 }[p99?.[2] ?? 'ms'];
    const errors = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? '0';
    return {
      rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]),
      p99: Number(p99?.[1]) * scale,
      errors: Number(errors),
    };
  }
  const r = await autocannon({ url, connections: 10, duration, headers: { authorization } });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

/** Stops a child process and resolves once it has exited. */
const stopChild = (child) =>
  new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });

/** The mock's CLI in its own process, as Prism runs in its own. */
function startMockProcess(args) {
  const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  const child = spawn(process.execPath, [cli, '--port', '0', '--quiet', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return whenListening(child, { label: 'the mock' }).then(({ url }) => ({
    url,
    close: () => stopChild(child),
  }));
}

/** A server in its own process that does nothing but send these bytes: the ceiling of what this machine can measure. */
function startCeiling(body) {
  const code = `const b = Buffer.from(process.argv[1], 'base64');
require('node:http').createServer((q, r) => { r.writeHead(200, { 'content-type': 'application/json', 'content-length': b.length }); r.end(b); })
  .listen(0, '127.0.0.1', function () { console.log('listening on http://127.0.0.1:' + this.address().port); });`;
  const child = spawn(process.execPath, ['-e', code, body.toString('base64')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return whenListening(child, { label: 'the ceiling server' }).then(({ url }) => ({
    url,
    close: () => stopChild(child),
  }));
}

const row = (name, r) =>
  console.log(
    `${name.padEnd(40)} ${r.rps.toFixed(0).padStart(8)} req/s   p99 ${r.p99.toFixed(2).padStart(6)} ms   errors ${r.errors}`,
  );

const mock = await startMockProcess([]);
const prism = await startPrism(require.resolve('@insightiq/profiles-spec/openapi.json'), false, 'bench');
const prismUrl = `http://127.0.0.1:${prism.port}`;
const body = Buffer.from(
  await (await fetch(`${mock.url}/v1/profiles`, { headers: { authorization } })).arrayBuffer(),
);
const ceiling = await startCeiling(body);
try {
  console.log(
    `GET /v1/profiles (${body.length} bytes, 10 profiles), ${seconds} s each after a 1 s warm-up, 10 connections, ${hasWrk ? 'wrk' : 'autocannon'}\n`,
  );
  const results = {};
  for (const [name, url] of [
    ['Prism 5.14.2 (static examples)', `${prismUrl}/v1/profiles`],
    ['mock, sandbox mode', `${mock.url}/v1/profiles`],
    ['ceiling: do-nothing server, same bytes', ceiling.url],
  ]) {
    await load(url, 1);
    results[name] = await load(url);
    row(name, results[name]);
  }
  const sandbox = results['mock, sandbox mode'].rps;
  console.log(
    `\nratio sandbox / Prism:   ${(sandbox / results['Prism 5.14.2 (static examples)'].rps).toFixed(1)}x (goal: >= 10x)`,
  );
  console.log(
    `ratio sandbox / ceiling: ${(sandbox / results['ceiling: do-nothing server, same bytes'].rps).toFixed(2)}`,
  );
} finally {
  await Promise.all([mock.close(), prism.stop(), ceiling.close()]);
}

console.log(
  `\nPage latency, 1,000 vs 100,000 profiles: mean of ${requests} sequential requests, each at another offset`,
);
for (const profiles of [1000, 100_000]) {
  const big = await startMockProcess(['--profiles', String(profiles)]);
  try {
    const get = (query) =>
      fetch(`${big.url}/v1/profiles?${query}`, { headers: { authorization } }).then((r) => r.json());
    const platform = (await get('offset=5&limit=1')).data[0].work_platform.id;
    for (const [label, query] of [
      ['limit=10', (i) => `limit=10&offset=${(i * 10) % 1000}`],
      ['limit=100', (i) => `limit=100&offset=${(i * 100) % 900}`],
      ['limit=10, work_platform_id filter', (i) => `limit=10&offset=${i % 100}&work_platform_id=${platform}`],
    ]) {
      for (let i = 0; i < requests / 10; i++) await get(query(i));
      const started = performance.now();
      for (let i = 0; i < requests; i++) await get(query(i + 7));
      console.log(
        `${String(profiles).padStart(7)} profiles  ${label.padEnd(36)} mean ${((performance.now() - started) / requests).toFixed(3)} ms`,
      );
    }
  } finally {
    await big.close();
  }
}
