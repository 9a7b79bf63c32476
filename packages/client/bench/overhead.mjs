#!/usr/bin/env node
// Per-call cost of client.profiles.list() against raw openapi-fetch and raw fetch: first over an
// in-process fetch stub (pure client overhead), in several fresh processes, each measuring all
// three; then against an HTTP server on loopback; then the cost per page of validateResponses. The
// body is the API's own sample page (ten profiles). Every ratio compares figures measured in the
// same process. Prints calls per second and ratios; asserts nothing.
// Usage: node bench/overhead.mjs [rounds]   (default 8: the rounds of each stub process; loopback
// runs twice as many, validateResponses four times; `pnpm --filter @insightiq/profiles-client
// bench` runs it with no argument)
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchSize, quickBench } from '@insightiq/testkit';
import { body, headers, interleaved, stub, subjects } from './subjects.mjs';

const ROUNDS = Math.ceil(benchSize('usage: node bench/overhead.mjs [rounds]', { full: 8, quick: 1 }));
/**
 * Processes of the stub measure. Two copies of the same client, in one process, can read a few
 * points apart as the JIT happens to compile each: the median over several processes moves less
 * than any one of them.
 */
const PROCESSES = quickBench ? 1 : 7;
/** The stub measure's rounds of 200 calls in each process: as many calls as `ROUNDS` rounds of 2000. */
const STUB_ROUNDS = ROUNDS * 10;

const describe = (percent) => `${Math.abs(percent).toFixed(1)}% ${percent < 0 ? 'less' : 'more'}`;
const signed = (us) => `${us < 0 ? '-' : '+'}${Math.abs(us).toFixed(2)} µs`;

/**
 * Prints each subject's figure (`us`), then the client's cost relative to openapi-fetch and
 * openapi-fetch's relative to fetch, from `interleaved`'s ratios to openapi-fetch (`ratio`), or,
 * for the stub, the median process's `percent`.
 */
function print(us, ratio, percent = (ratio['profiles-client list()'] - 1) * 100, detail = '') {
  for (const [name, t] of Object.entries(us))
    console.log(
      `  ${name.padEnd(24)} ${t.toFixed(2).padStart(7)} µs/call ${(1e6 / t).toFixed(0).padStart(8)} calls/s`,
    );
  // The µs each call costs more, at openapi-fetch's median: the two medians above are taken apart,
  // and their difference can even have the other sign than the per-round ratio.
  const extra = (us['openapi-fetch GET'] * percent) / 100;
  console.log(
    `  client cost per call vs openapi-fetch: ${describe(percent)} (${signed(extra)}; target: <= 10% more)${detail}`,
  );
  const overFetch = (1 / ratio['fetch + JSON.parse'] - 1) * 100;
  console.log(`  openapi-fetch cost per call vs fetch: ${describe(overFetch)}`);
}

{
  console.log(
    `In-process fetch stub: pure client overhead (${PROCESSES} process${PROCESSES === 1 ? '' : 'es'}, each the median of ${STUB_ROUNDS} interleaved rounds of 200 sequential calls; the median process)`,
  );
  const worker = fileURLToPath(new URL('stub-worker.mjs', import.meta.url));
  const runs = [];
  for (let p = 0; p < PROCESSES; p++)
    runs.push(
      JSON.parse(execFileSync(process.execPath, [worker, String(STUB_ROUNDS)], { encoding: 'utf8' })),
    );
  const ratio = (run) => (run.ratio['profiles-client list()'] - 1) * 100;
  runs.sort((a, b) => ratio(a) - ratio(b));
  const middle = runs[Math.floor(runs.length / 2)];
  const each = runs.map((run) => `${ratio(run) < 0 ? '' : '+'}${ratio(run).toFixed(1)}%`).join(', ');
  print(middle.us, middle.ratio, ratio(middle), `\n  process by process: ${each}`);
}

const code = `const b = process.argv[1]; require('node:http').createServer((q, r) => { r.writeHead(200, ${JSON.stringify(headers)}); r.end(b); })
  .listen(0, '127.0.0.1', function () { console.log('http://127.0.0.1:' + this.address().port); });`;
const server = spawn(process.execPath, ['-e', code, body], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve) => server.stdout.once('data', (d) => resolve(String(d).trim())));
try {
  const rounds = ROUNDS * 2;
  console.log(
    `\nHTTP server on loopback (a separate process) (median of ${rounds} interleaved rounds of 500 sequential calls)`,
  );
  const { us, ratio } = await interleaved(
    subjects(url, (r) => fetch(r)),
    rounds,
    500,
  );
  print(us, ratio);
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
  const rounds = ROUNDS * 4;
  const set = { 'list()': plain, "list() validateResponses: 'throw'": checked };
  const [a, b] = Object.values((await interleaved(set, rounds, 500, 'list()')).us);
  console.log(`\nvalidateResponses over the stub (median of ${rounds} interleaved rounds of 500 calls)`);
  console.log(`  list()                          ${a.toFixed(2).padStart(7)} µs/page`);
  console.log(
    `  list() validateResponses 'throw' ${b.toFixed(2).padStart(7)} µs/page: +${(b - a).toFixed(2)} µs per page of 10 profiles`,
  );
}
