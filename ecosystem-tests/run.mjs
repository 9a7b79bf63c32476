#!/usr/bin/env node
// The ecosystem tests: the published packages as consuming teams receive them.
//   1. Verdaccio, a real private registry, starts on a free loopback port (storage in a temp folder).
//   2. In a temporary copy of this repository, the project's own `pnpm version-packages` and
//      `pnpm release` publish every non-private package to it.
//   3. In that copy, the root README's Quick start and the rows of its Commands table that nothing
//      else runs (`pnpm build`, `pnpm generate`, `pnpm bench`), as written.
//   4. Each setup (lib/setups.mjs) copies its consumer project out of the workspace, installs the
//      packages from the registry with npm, and runs a real program against the mock.
//   5. Upgrade: a minor changeset is released again, and a consumer on ^<version> takes it with
//      `npm update`, its CHANGELOG naming the change.
// Prints one line per setup with its wall time, then "ecosystem: N passed, M failed".
// Options: --only name[,name] (setups to run; `upgrade` is one), --keep (leave the temp folder).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startMock } from '@insightiq/profiles-mock';
import { checkClientReport, lastJson } from './lib/checks.mjs';
import { commands } from './lib/commands.mjs';
import { createConsumer, installedVersion, npm } from './lib/consumer.mjs';
import { run } from './lib/process.mjs';
import { quickStart, quickStartBlocked } from './lib/quick-start.mjs';
import { authLine, startRegistry } from './lib/registry.mjs';
import { addChangeset, copyRepository, release } from './lib/release.mjs';
import { setups } from './lib/setups.mjs';

const root = new URL('..', import.meta.url).pathname;
const { values: flags } = parseArgs({
  options: { only: { type: 'string' }, keep: { type: 'boolean', default: false } },
});
const known = [...setups.map((s) => s.name), 'quick-start', 'commands', 'upgrade'];
const only = flags.only?.split(',').map((s) => s.trim());
const unknown = only?.filter((n) => !known.includes(n)) ?? [];
if (unknown.length) {
  console.error(`ecosystem: unknown setup ${unknown.join(', ')}; the setups are ${known.join(', ')}`);
  process.exit(2);
}
const selected = (name) => !only || only.includes(name);

const started = performance.now();
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const tmp = mkdtempSync(join(tmpdir(), 'insightiq-ecosystem-'));
const results = [];
const cleanups = [];

/** Runs one named step; records and prints its outcome with its wall time. */
async function step(name, what, fn) {
  const t = performance.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ecosystem: ✓ ${name.padEnd(16)} ${seconds(t).padStart(7)}  ${what}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(
      `ecosystem: ✗ ${name.padEnd(16)} ${seconds(t).padStart(7)}  ${what}\n${String(error?.stack ?? error).replace(/^/gm, '    ')}`,
    );
  }
}

/** Runs `tasks` with at most `n` at a time. */
async function pool(tasks, n) {
  const queue = [...tasks];
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (queue.length) await queue.shift()();
    }),
  );
}

try {
  const registry = await startRegistry(join(tmp, 'registry'));
  cleanups.push(registry.close);
  registry.npmrc = join(tmp, 'publisher.npmrc');
  writeFileSync(registry.npmrc, `${authLine(registry.url, registry.token)}\n`);

  const repo = join(tmp, 'repo');
  let version;
  const t = performance.now();
  await copyRepository(root, repo);
  version = await release(repo, registry);
  console.log(
    `ecosystem: released ${version} to Verdaccio at ${registry.url} with pnpm version-packages and the README's release command (${seconds(t)})`,
  );

  if (selected('quick-start')) {
    const blocked = await quickStartBlocked();
    if (blocked)
      console.log(`ecosystem:   quick-start not run: ${blocked}; CI runs it, where nothing holds them`);
    else
      await step(
        'quick-start',
        "the root README's Quick start in the released copy: the mock, the docs, the curl line",
        () => quickStart(repo, registry),
      );
  }

  if (selected('commands'))
    await step(
      'commands',
      "the root README's pnpm build (twice, cached), pnpm generate and CONTRIBUTING's sync-examples (no change), INSIGHTIQ_BENCH_QUICK=1 pnpm bench",
      () => commands(repo),
    );

  const mock = await startMock({ port: 0 });
  cleanups.push(() => mock.close());
  const ctx = { registry, version, mockUrl: mock.url, note: (line) => console.log(`ecosystem:   ${line}`) };

  await pool(
    setups
      .filter((s) => selected(s.name))
      .map((s) => () => step(s.name, s.what, () => s.run(ctx, join(tmp, s.name)))),
    2,
  );

  if (selected('upgrade')) {
    await step('upgrade', 'a minor release reaches a consumer on ^version with npm update', async () => {
      // A new consumer, set up with the README's .npmrc and install command, then upgraded.
      const dir = await createConsumer('node-js-cjs', join(tmp, 'upgrade'), { ...ctx, readmeInstall: true });
      const saved = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies;
      if (saved['@insightiq/profiles-client'] !== `^${version}`) {
        throw new Error(`npm install saved ${JSON.stringify(saved)}, not ^${version}`);
      }
      const summary = `Ecosystem upgrade check: a minor release made by the run in ${tmp}.`;
      addChangeset(repo, 'ecosystem-upgrade', { '@insightiq/profiles-client': 'minor' }, summary);
      const next = await release(repo, registry);
      const [major, minor] = version.split('.').map(Number);
      if (next !== `${major}.${minor + 1}.0`)
        throw new Error(`expected ${major}.${minor + 1}.0 after a minor changeset, got ${next}`);
      await npm(dir, 'update');
      for (const pkg of ['@insightiq/profiles-client', '@insightiq/profiles-types']) {
        const got = installedVersion(dir, pkg);
        if (got !== next) throw new Error(`npm update left ${pkg} at ${got}, not ${next}`);
      }
      const changelog = readFileSync(
        join(dir, 'node_modules/@insightiq/profiles-client/CHANGELOG.md'),
        'utf8',
      );
      if (!changelog.includes(`## ${next}`) || !changelog.includes(summary)) {
        throw new Error(
          `the installed CHANGELOG.md does not name ${next} and its change:\n${changelog.slice(0, 800)}`,
        );
      }
      const out = await run('node', ['main.js'], {
        cwd: dir,
        env: { MOCK_URL: mock.url },
        doneMarker: '}\n',
      });
      checkClientReport(lastJson(out));
    });
  }
} catch (error) {
  results.push({ name: 'setup', ok: false });
  console.log(
    `ecosystem: ✗ could not prepare the run\n${String(error?.stack ?? error).replace(/^/gm, '    ')}`,
  );
} finally {
  for (const close of cleanups.reverse()) await close().catch(() => {});
  if (flags.keep) console.log(`ecosystem: kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`ecosystem: ${passed} passed, ${failed} failed (${seconds(started)})`);
process.exitCode = failed ? 1 : 0;
