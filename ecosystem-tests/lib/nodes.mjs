// The Node lines the consumer setups run on: each the npm package `node` at a pinned version,
// installed with npm into the run's temporary folder while the release runs (npm's cache keeps the
// downloads between runs). A row runs "on" a Node with that Node's bin folder first on PATH for
// every command it runs (`node main.js`, `npx jest`, npm itself, shebang scripts and their children
// all take it), and with a preload (NODE_OPTIONS=--require lib/node-witness.cjs) that logs which
// Node ran each process; the row then checks that every one of them ran on the binary asked for.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { cleanEnv, run } from './process.mjs';

/** The maintained Node lines and the version of each that the run installs (`npm view node@<major> version`). */
export const NODE_LINES = [
  { line: 20, version: '20.20.2' },
  { line: 22, version: '22.23.3' },
  { line: 24, version: '24.21.0' },
  { line: 26, version: '26.10.0' },
];

const WITNESS = new URL('./node-witness.cjs', import.meta.url).pathname;

/**
 * Installs `node@<version>` with npm into `dir` and checks the binary. Resolves to
 * `{ line, version, bin, execPath }`: `bin` is the folder to put first on PATH (it holds `node` alone).
 */
export async function installNode({ line, version }, dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `node@${version}`], {
    cwd: dir,
    timeoutMs: 300_000,
  });
  const bin = join(dir, 'node_modules/.bin');
  const got = (
    await run(join(bin, 'node'), ['-p', 'process.version'], { cwd: dir, timeoutMs: 30_000 })
  ).trim();
  assert.equal(got, `v${version}`, `npm's node@${version} runs Node ${got}`);
  return { line, version, bin, execPath: realpathSync(join(bin, 'node')) };
}

/**
 * A row's view of its Node: `env(extra)` is the environment of every command of the row (that
 * Node's bin first on PATH, the witness preloaded); `check(scripts)` reads the witness log and
 * asserts that every Node process of the row ran on that binary, and that the scripts matching each
 * of `scripts` (the CLI, the mock, Prism...) were among them. Resolves nothing; throws with the log.
 */
export function nodeForRow(node, log) {
  const env = (extra = {}) => ({
    PATH: `${node.bin}${delimiter}${cleanEnv().PATH}`,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(WITNESS)}`.trim(),
    INSIGHTIQ_NODE_WITNESS: log,
    ...extra,
  });
  const check = (scripts = []) => {
    const seen = existsSync(log)
      ? readFileSync(log, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line))
      : [];
    const listing = () => seen.map((p) => `${p.version} ${p.execPath} ${p.script}`).join('\n');
    assert.ok(seen.length > 0, `no Node process of the row reported its version (${log} is empty)`);
    const strays = seen.filter((p) => p.version !== `v${node.version}` || p.execPath !== node.execPath);
    assert.equal(
      strays.length,
      0,
      `every Node process of the row must run ${node.execPath} (v${node.version}); these did not:\n${strays.map((p) => `${p.version} ${p.execPath} ${p.script}`).join('\n')}`,
    );
    for (const script of scripts)
      assert.ok(
        seen.some((p) => script.test(p.script)),
        `no process of the row ran ${script} on Node v${node.version}; the row's Node processes:\n${listing()}`,
      );
    return seen.length;
  };
  return { ...node, env, check };
}
