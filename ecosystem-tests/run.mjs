#!/usr/bin/env node
// The ecosystem tests: the published packages as consuming teams receive them.
//   1. Verdaccio, a real private registry, starts on a free loopback port (storage in a temp folder),
//      on the runner's Node, or on the run's Node 24 when the runner's is too old for it.
//   2. In a temporary copy of this repository, the project's own `pnpm version-packages` (when changesets are pending) and
//      `pnpm release` publish every non-private package to it.
//   3. In that copy, the root README's Quick start and the rows of its Commands table that nothing
//      else runs (`pnpm build`, `pnpm generate`, `pnpm bench`), as written.
//   4. Each setup (lib/setups.mjs) copies its consumer project out of the workspace, installs the
//      packages from the registry with npm, and runs a real program against the mock. The setups
//      that run on Node are installed once and run on each Node line (lib/nodes.mjs: Node 20, 22,
//      24 and 26 from the npm package `node`, installed while the release runs), one row each.
//   5. Upgrade: a minor changeset is released again, and a consumer on ^<version> takes it with
//      `npm update`, its CHANGELOG naming the change.
// Prints one line per row (a setup, or a setup on one Node line) with its wall time, then
// "ecosystem: N passed, M failed" (rows). Every process it starts, and every wait, has a limit.
// Options: --only name[,name] (setups to run, each on every Node line, or name@line for one line;
// `upgrade` is one), --keep (leave the temp folder).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startMock } from '@insightiq/profiles-mock';
import { checkClientReport, lastJson } from './lib/checks.mjs';
import { commands } from './lib/commands.mjs';
import { createConsumer, installedVersion, npm } from './lib/consumer.mjs';
import { installNode, NODE_LINES, nodeForRow } from './lib/nodes.mjs';
import { killAll, run, within } from './lib/process.mjs';
import { quickStart, quickStartBlocked } from './lib/quick-start.mjs';
import { authLine, startRegistry, verdaccioNodeMajor } from './lib/registry.mjs';
import { addChangeset, copyRepository, release } from './lib/release.mjs';
import { setups } from './lib/setups.mjs';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const { values: flags } = parseArgs({
  // `pnpm test:ecosystem -- --only x` passes the `--` on.
  args: argv[0] === '--' ? argv.slice(1) : argv,
  options: { only: { type: 'string' }, keep: { type: 'boolean', default: false } },
});
const lines = NODE_LINES.map((n) => n.line);
const known = [...setups.map((s) => s.name), 'quick-start', 'commands', 'upgrade'];
const only = flags.only?.split(',').map((s) => s.trim());
const unknown =
  only?.filter((n) => {
    const [name, line] = n.split('@');
    if (line === undefined) return !known.includes(name);
    return !setups.find((s) => s.name === name)?.nodes || !lines.includes(Number(line));
  }) ?? [];
if (unknown.length) {
  console.error(
    `ecosystem: unknown setup ${unknown.join(', ')}; the setups are ${known.join(', ')}, and name@line (line ${lines.join(', ')}) for one Node line of ${setups
      .filter((s) => s.nodes)
      .map((s) => s.name)
      .join(', ')}`,
  );
  process.exit(2);
}
const selected = (name) => !only || only.includes(name);
/** Whether the setup `name` runs on the Node line `line` (`--only name` takes every line). */
const selectedOn = (name, line) => !only || only.includes(name) || only.includes(`${name}@${line}`);

const started = performance.now();
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const tmp = mkdtempSync(join(tmpdir(), 'insightiq-ecosystem-'));
const results = [];
const cleanups = [];

// Every process group the run started goes with it, whatever stops it.
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => {
    killAll();
    console.log(`ecosystem: stopped by ${signal}; its temporary folder is left in ${tmp}`);
    process.exit(130);
  });

/** The failures already printed in full (a failed install shows once, not in each of its rows). */
const shown = new WeakSet();

/**
 * Runs one row: `before()` (an install it shares with other rows; not timed here), then `fn`;
 * records and prints the outcome with the wall time of `fn`.
 */
async function step(label, what, fn, before = async () => {}) {
  let t = performance.now();
  try {
    await before();
    t = performance.now();
    await fn();
    results.push({ name: label, ok: true });
    console.log(`ecosystem: ✓ ${label.padEnd(30)} ${seconds(t).padStart(7)}  ${what}`);
  } catch (error) {
    results.push({ name: label, ok: false });
    const detail =
      error && typeof error === 'object' && shown.has(error)
        ? '    (the same failure as shown above)'
        : String(error?.stack ?? error).replace(/^/gm, '    ');
    if (error && typeof error === 'object') shown.add(error);
    console.log(`ecosystem: ✗ ${label.padEnd(30)} ${seconds(t).padStart(7)}  ${what}\n${detail}`);
  }
}

/**
 * Runs `tasks` with at most `n` at a time, never two of the same `key` at once (the rows of one
 * setup share its folder): each free slot takes the first task whose key is free.
 */
async function pool(tasks, n) {
  const queue = [...tasks];
  const busy = new Set();
  let wake = [];
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (queue.length) {
        const i = queue.findIndex((task) => !busy.has(task.key));
        if (i === -1) {
          // Every queued task waits for a running one of its key; that one wakes this slot.
          await new Promise((resolve) => wake.push(resolve));
          continue;
        }
        const [task] = queue.splice(i, 1);
        busy.add(task.key);
        try {
          await task.run();
        } finally {
          busy.delete(task.key);
          for (const resolve of wake) resolve();
          wake = [];
        }
      }
    }),
  );
}

// The Node lines the selected setups need, installed from npm alongside the release (each once).
const installs = new Map();
const nodeLine = (line) => {
  if (!installs.has(line)) {
    const install = installNode(
      NODE_LINES.find((n) => n.line === line),
      join(tmp, 'nodes', String(line)),
    );
    install.catch(() => {}); // each row that needs it reports it
    installs.set(line, install);
  }
  return installs.get(line);
};
const nodeSetups = setups.filter((s) => s.nodes);
for (const n of NODE_LINES) if (nodeSetups.some((s) => selectedOn(s.name, n.line))) nodeLine(n.line);

try {
  // Verdaccio runs on the runner's Node, or on the run's Node 24 when the runner's is too old for it.
  const runnerMajor = Number(process.versions.node.split('.')[0]);
  const registryNode = runnerMajor >= verdaccioNodeMajor() ? process.execPath : (await nodeLine(24)).execPath;
  const registry = await startRegistry(join(tmp, 'registry'), registryNode);
  const machineNode = (await run('node', ['-p', 'process.version'], { timeoutMs: 30_000 })).trim();
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

  if (installs.size) {
    const settled = await Promise.allSettled(installs.values());
    const ok = settled.filter((r) => r.status === 'fulfilled').map((r) => r.value.version);
    const failed = settled.length - ok.length;
    console.log(
      `ecosystem: Node ${ok.join(', ') || '(none)'} installed from npm (node@<version>) in ${tmp}/nodes, alongside the release${failed ? `; ${failed} failed (see their rows)` : ''}`,
    );
  }

  const mock = await startMock({ port: 0 });
  cleanups.push(() => within(mock.close(), 10_000, 'the mock of the setups to close'));
  const ctx = { registry, version, mockUrl: mock.url, note: (line) => console.log(`ecosystem:   ${line}`) };

  // The rows: each setup that runs on Node is installed once (by its first row) and then run on each
  // Node line; the other setups run once. Rows go two at a time: the first pass (Node 20 and the
  // other setups) installs, the later Node lines reuse the installs.
  const prepared = new Map();
  const prepare = (s) => {
    if (!prepared.has(s.name)) {
      const t = performance.now();
      prepared.set(
        s.name,
        s
          .prepare(ctx, join(tmp, s.name))
          .then(() =>
            ctx.note(`${s.name}: installed once, on the machine's Node ${machineNode} (${seconds(t)})`),
          ),
      );
    }
    return prepared.get(s.name);
  };
  const row = (s, n) => ({
    key: s.name,
    run: () =>
      step(
        `${s.name} @ node ${n.version}`,
        s.what,
        async () =>
          s.run(
            ctx,
            join(tmp, s.name),
            nodeForRow(await nodeLine(n.line), join(tmp, 'witness', `${s.name}-${n.line}.log`)),
          ),
        async () => {
          const install = prepare(s);
          install.catch(() => {}); // awaited below, after the Node
          await nodeLine(n.line);
          await install;
        },
      ),
  });
  const [first, ...later] = NODE_LINES;
  const tasks = [];
  for (const s of setups) {
    if (!s.nodes) {
      if (selected(s.name))
        tasks.push({ key: s.name, run: () => step(s.name, s.what, () => s.run(ctx, join(tmp, s.name))) });
    } else if (selectedOn(s.name, first.line)) tasks.push(row(s, first));
  }
  for (const n of later) for (const s of nodeSetups) if (selectedOn(s.name, n.line)) tasks.push(row(s, n));
  mkdirSync(join(tmp, 'witness'), { recursive: true });
  await pool(tasks, 2);

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
  killAll(); // a Node install still running when the release failed
  for (const close of cleanups.reverse())
    await close().catch((error) => console.log(`ecosystem:   cleanup: ${error?.message ?? error}`));
  if (flags.keep) console.log(`ecosystem: kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`ecosystem: ${passed} passed, ${failed} failed (${seconds(started)})`);
process.exitCode = failed ? 1 : 0;
