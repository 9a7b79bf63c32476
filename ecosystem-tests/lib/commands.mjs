// The root README's Commands table, as written, in the run's copy of the repository (installed,
// built and released by then): the rows that no other step or test runs. `pnpm test` is CI's own
// command; `pnpm start`, `pnpm version-packages` and `pnpm release` are the Quick start and release
// steps; `pnpm changeset` asks questions on a terminal, and the release step writes its file. And
// CONTRIBUTING.md's own command for the contract's examples.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { run } from './process.mjs';

const README = new URL('../../README.md', import.meta.url);
const CONTRIBUTING = new URL('../../CONTRIBUTING.md', import.meta.url);

/** The commands of the root README's Commands table, in its order. */
export function readmeCommands() {
  const text = readFileSync(README, 'utf8');
  const section = /^## Commands\n([\s\S]*?)^## /m.exec(text)?.[1];
  if (!section) throw new Error('README.md has no "## Commands" section');
  return [...section.matchAll(/^\| `([^`]+)` +\|/gm)].map((m) => m[1]);
}

/** Runs `line` in `dir` as a shell would, once `file` shows it word for word; resolves to its output. */
function runShown(dir, line, { file = README, timeoutMs = 300_000 } = {}) {
  if (!readFileSync(file, 'utf8').includes(`\`${line}\``))
    throw new Error(`${file.pathname.split('/').pop()} no longer shows \`${line}\``);
  return run('sh', ['-c', line], { cwd: dir, env: { CI: 'true' }, timeoutMs });
}

/** Runs a row of the Commands table (`row`, or the line the README shows for it), as `runShown` does. */
function runRow(dir, row, line = row) {
  if (!readmeCommands().includes(row))
    throw new Error(`README.md's Commands table no longer lists \`${row}\``);
  return runShown(dir, line);
}

/** Fails when `what` left a committed file of `dir` changed. */
async function expectNoChange(dir, what) {
  const changed = await run('git', ['status', '--porcelain'], { cwd: dir });
  assert.equal(changed, '', `${what} changed committed files:\n${changed}`);
}

/**
 * `pnpm build` (twice: the second is fully cached), `pnpm generate` and CONTRIBUTING.md's
 * `sync-examples` (nothing changes), `INSIGHTIQ_BENCH_QUICK=1 pnpm bench`.
 */
export async function commands(dir) {
  await runRow(dir, 'pnpm build');
  const again = await runRow(dir, 'pnpm build');
  const cached = /Cached:\s+(\d+) cached, (\d+) total/.exec(again);
  assert.ok(cached && cached[1] === cached[2], `a second pnpm build is not fully cached:\n${again}`);

  await runRow(dir, 'pnpm generate');
  await expectNoChange(dir, 'pnpm generate');

  const sync = 'pnpm --filter @insightiq/profiles-spec sync-examples';
  await runShown(dir, sync, { file: CONTRIBUTING, timeoutMs: 180_000 });
  await expectNoChange(dir, sync);

  // Every bench, one at a time, in the short form the Benchmarks section shows: they must run and
  // print their figures.
  const bench = await runRow(dir, 'pnpm bench', 'INSIGHTIQ_BENCH_QUICK=1 pnpm bench');
  for (const line of [
    /profiles-sandbox:bench: +10000000 profiles: ready and last page in +\d+ ms, RSS \d+ MB/,
    /profiles-mock:bench: ratio sandbox \/ Prism: +[\d.]+x/,
    /profiles-client:bench: +client cost per call vs openapi-fetch: [\d.]+% (more|less)/,
    /profiles-client:bench: +client \+ openapi-fetch +[\d.]+ kB min +[\d.]+ kB brotli/,
    /profiles-docs:bench: Lighthouse [\d.]+ on index\.html/,
    /profiles-docs:bench: .*'mobile' +│ +\d+ +│ +\d+ +│ +\d+ +│ +\d+ +│/,
  ])
    assert.match(bench, line, `pnpm bench printed no line like ${line}`);
}
