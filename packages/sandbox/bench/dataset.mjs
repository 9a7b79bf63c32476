#!/usr/bin/env node
// The sandbox engine in process, with no socket: calls per second of sandbox.fetch (one call at a
// time, what a unit test gets), then start-up and memory for 1k to 10M profiles, each size in a
// fresh process. Prints figures; asserts nothing.
// Usage: pnpm --filter @insightiq/profiles-sandbox bench [seconds]   (seconds per measure, default 3)
import { execFileSync } from 'node:child_process';
import { benchSize } from '@insightiq/testkit';
import { createSandbox } from '../dist/index.js';

const seconds = benchSize('usage: node bench/dataset.mjs [seconds]', { full: 3, quick: 0.2 });
const headers = { authorization: `Basic ${btoa('bench-id:bench-secret')}` };

/** Calls per second of `call`, one at a time, for `seconds` after a warm-up. */
async function perSecond(call) {
  for (let i = 0; i < 500; i++) await call();
  let calls = 0;
  const started = performance.now();
  while (performance.now() - started < seconds * 1000) {
    await call();
    calls++;
  }
  return calls / ((performance.now() - started) / 1000);
}

const sandbox = createSandbox();
const platform = (
  await (await sandbox.fetch('https://sandbox.test/v1/profiles?limit=1&offset=5', { headers })).json()
).data[0].work_platform.id;
console.log(`sandbox.fetch in process, 1,000 profiles, one call at a time, ${seconds} s each`);
for (const [label, query] of [
  ['limit=10', 'limit=10'],
  ['limit=100', 'limit=100'],
  ['limit=10, work_platform_id filter', `limit=10&work_platform_id=${platform}`],
]) {
  const rate = await perSecond(async () =>
    (await sandbox.fetch(`https://sandbox.test/v1/profiles?${query}`, { headers })).arrayBuffer(),
  );
  console.log(`  ${label.padEnd(36)} ${rate.toFixed(0).padStart(8)} calls/s`);
}

console.log('\nBy size: createSandbox and the first request of the last page, in a fresh process each');
const dist = new URL('../dist/index.js', import.meta.url).href;
for (const profiles of [1000, 100_000, 1_000_000, 10_000_000]) {
  const code = `
    const { createSandbox } = await import(${JSON.stringify(dist)});
    const started = performance.now();
    const sandbox = createSandbox({ profiles: ${profiles} });
    const res = await sandbox.fetch('https://sandbox.test/v1/profiles?limit=100&offset=${profiles}', { headers: { authorization: 'Basic ' + btoa('a:b') } });
    const n = (await res.json()).data.length;
    console.log(JSON.stringify({ ms: performance.now() - started, rss: process.memoryUsage().rss, n }));`;
  const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code]).toString());
  console.log(
    `  ${String(profiles).padStart(10)} profiles: ready and last page in ${out.ms.toFixed(0).padStart(5)} ms, RSS ${(out.rss / 2 ** 20).toFixed(0)} MB (${out.n} on the last page)`,
  );
}
