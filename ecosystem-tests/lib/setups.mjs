// The setups: each a consumer project (projects/<name>) installed from the registry, built the way
// its kind of service builds, and run against the mock.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@insightiq/testkit';
import { runInBrowser } from './browser.mjs';
import { checkClientReport, checkSpecReport, lastJson } from './checks.mjs';
import { createConsumer, installedVersion, npm } from './consumer.mjs';
import { getFrom, startNpxMock } from './npx-mock.mjs';
import { run } from './process.mjs';
import {
  CLI_README,
  hasSnippet,
  MOCK_README,
  PACKAGE_READMES,
  readmeSnippet,
  TESTING_SECTION,
} from './readme.mjs';

const here = new URL('..', import.meta.url).pathname;
const bin = (name) => join(here, 'node_modules/.bin', name);
const PROGRAM = { 'program/exercise.ts': 'src/exercise.ts' };

/**
 * Runs a consumer's program with MOCK_URL set (on `node`'s Node when given); it must print its JSON
 * report and then exit by itself.
 */
const program = (ctx, dir, cmd, args, node) =>
  run(cmd, args, {
    cwd: dir,
    env: node ? node.env({ MOCK_URL: ctx.mockUrl }) : { MOCK_URL: ctx.mockUrl },
    doneMarker: '}\n',
    timeoutMs: 60_000,
  });

/** Runs a Node program of a consumer on the row's Node: its report must pass and say that Node. */
async function nodeProgram(ctx, dir, args, node) {
  const report = lastJson(await program(ctx, dir, 'node', args, node));
  assert.equal(report.node, `v${node.version}`, 'the program reports the Node it ran on');
  checkClientReport(report);
  node.check([new RegExp(`/${args[0].replaceAll('.', '\\.')}$`)]);
}

/**
 * Runs a consumer's test suite (Jest, or vitest, which writes the same JSON report) on the row's
 * Node and checks that all of its `tests` ran and passed, each inside the suite's
 * `on Node <process.version>` block.
 */
async function suite(dir, command, tests, node, env = {}) {
  const file = `test-report-node-${node.line}.json`;
  await run('npx', [...command, `--outputFile=${file}`], {
    cwd: dir,
    env: node.env(env),
    timeoutMs: 120_000,
  });
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  assert.equal(report.numFailedTests, 0);
  assert.equal(report.numPassedTests, tests, `${command[0]} ran the ${tests} tests`);
  const blocks = new Set(
    report.testResults.flatMap((f) => f.assertionResults.map((a) => a.ancestorTitles[0])),
  );
  assert.deepEqual(
    [...blocks],
    [`on Node v${node.version}`],
    `${command[0]}'s tests report the Node they ran on`,
  );
  node.check([new RegExp(`/node_modules/${command[0]}/`)]);
}

/** Starts a mock with an npx `command`, checks that it lists two profiles when asked, and stops it. */
async function listsTwo(command, dir, env) {
  const mock = await startNpxMock(command, dir, env);
  await stopping([mock], async () => {
    const res = await getFrom(mock, '/v1/profiles?limit=2');
    assert.equal(res.status, 200, `${command} answered ${res.status}`);
    assert.equal((await res.json()).data.length, 2);
  });
}

/**
 * Runs `fn`, then stops every mock of `mocks` (which `fn` may add to): a mock that does not stop
 * fails the row, unless `fn` failed first (its error is the one shown).
 */
async function stopping(mocks, fn) {
  let failure;
  await fn().catch((error) => {
    failure = error;
  });
  const stops = await Promise.allSettled(mocks.map((mock) => mock.stop()));
  if (failure) throw failure;
  const failed = stops.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Runs the CLI README's snippets `names` in `dir`, each line as written, on free ports instead of
 * 4010/4011: `npx -y @insightiq/profiles-mock ... &` starts a mock (stopped at the end), `export`
 * sets `env`, any other line runs with `sh -c`, and `# exits N` is the code it must exit with.
 */
async function cliSnippets(ctx, dir, names, env) {
  env = { ...env };
  const mocks = [];
  await stopping(mocks, async () => {
    const ports = new Map();
    const port = (line) => line.replace(/(127\.0\.0\.1:|--port )(\d+)/g, (_, p, n) => p + ports.get(n));
    for (const name of names) {
      for (const line of readmeSnippet(name, ctx.registry.url, CLI_README).split('\n')) {
        if (!line.trim()) continue;
        if (line.startsWith('npx -y @insightiq/profiles-mock ')) {
          ports.set(/--port (\d+)/.exec(line)[1], String(await freePort()));
          mocks.push(await startNpxMock(port(line), dir, env));
        } else if (line.startsWith('export ')) {
          for (const [, k, v] of port(line).matchAll(/(\w+)=(\S+)/g)) env[k] = v;
        } else {
          const expected = Number(/#\s*exits (\d+)/.exec(line)?.[1] ?? 0);
          const command = port(line.replace(/\s+#.*$/, ''));
          const code = await run('sh', ['-c', command], { cwd: dir, env }).then(
            () => 0,
            (error) => {
              if (expected === 0 || typeof error.code !== 'number') throw error;
              return error.code;
            },
          );
          assert.equal(code, expected, `${line} exits ${expected}`);
        }
      }
    }
  });
}

/**
 * A setup: `run(ctx, dir)` installs its project into `dir` and runs it. A setup with `nodes: true`
 * is installed once instead (`prepare(ctx, dir)`, on the machine's Node) and then run on each Node
 * line (`run(ctx, dir, node)`, every command with `node.env()`), one row each.
 * @type {Array<{ name: string, what: string, nodes?: boolean, prepare?: (ctx: object, dir: string) => Promise<void>, run: (ctx: object, dir: string, node?: object) => Promise<void> }>}
 */
export const setups = [
  {
    name: 'node-ts-esm',
    what: 'TypeScript ESM (nodenext, strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, skipLibCheck false), tsc, node',
    nodes: true,
    async prepare(ctx, dir) {
      await createConsumer('node-ts-esm', dir, { ...ctx, files: PROGRAM });
      await npm(dir, 'run', 'build');
    },
    run: (ctx, dir, node) => nodeProgram(ctx, dir, ['dist/main.js'], node),
  },
  {
    name: 'node-ts-cjs',
    what: 'TypeScript compiled to CommonJS (node16, type commonjs), node',
    nodes: true,
    async prepare(ctx, dir) {
      await createConsumer('node-ts-cjs', dir, { ...ctx, files: PROGRAM });
      await npm(dir, 'run', 'build');
      assert.match(
        readFileSync(join(dir, 'dist/exercise.js'), 'utf8'),
        /require\("@insightiq\/profiles-client"\)/,
      );
    },
    run: (ctx, dir, node) => nodeProgram(ctx, dir, ['dist/main.js'], node),
  },
  {
    name: 'node-js-cjs',
    what: 'plain JavaScript with require()',
    nodes: true,
    prepare: (ctx, dir) => createConsumer('node-js-cjs', dir, ctx),
    run: (ctx, dir, node) => nodeProgram(ctx, dir, ['main.js'], node),
  },
  {
    name: 'jest-cjs',
    what: 'Jest 30 in CommonJS',
    nodes: true,
    prepare: (ctx, dir) => createConsumer('jest-cjs', dir, ctx),
    run: (ctx, dir, node) => suite(dir, ['jest', '--ci', '--json'], 3, node, { MOCK_URL: ctx.mockUrl }),
  },
  {
    name: 'browser-esbuild',
    what: 'browser bundle (moduleResolution bundler, esbuild) in headless Chromium, CORS',
    async run(ctx, dir) {
      await createConsumer('browser-esbuild', dir, { ...ctx, files: PROGRAM });
      await npm(dir, 'run', 'build');
      const bundle = readFileSync(join(dir, 'dist/bundle.js'), 'utf8');
      assert.doesNotMatch(bundle, /["']node:[a-z_/]+["']/, 'the browser bundle imports nothing from node:');
      checkClientReport(JSON.parse(await runInBrowser(dir, ctx.mockUrl)));
    },
  },
  {
    name: 'deno',
    what: 'Deno (npm deno 2.9) runs the TypeScript program with the npm-installed client',
    async run(ctx, dir) {
      await createConsumer('deno', dir, { ...ctx, files: { 'program/exercise.ts': 'exercise.ts' } });
      const args = ['run', '--allow-net=127.0.0.1', '--allow-env', '--allow-read', 'main.ts'];
      checkClientReport(lastJson(await program(ctx, dir, bin('deno'), args)));
    },
  },
  {
    name: 'bun',
    what: 'Bun (npm bun 1.4) runs the TypeScript program with the npm-installed client',
    async run(ctx, dir) {
      await createConsumer('bun', dir, { ...ctx, files: { 'program/exercise.ts': 'exercise.ts' } });
      checkClientReport(lastJson(await program(ctx, dir, bin('bun'), ['main.ts'])));
    },
  },
  {
    name: 'sandbox-vitest',
    what: 'vitest: the client over sandbox.fetch, over MSW 2.15 handlers, and against startMock in a globalSetup',
    nodes: true,
    prepare: (ctx, dir) => createConsumer('sandbox-vitest', dir, ctx),
    run: (_ctx, dir, node) => suite(dir, ['vitest', 'run', '--reporter=json'], 5, node),
  },
  {
    name: 'sandbox-msw3',
    what: "the sandbox's MSW handlers under MSW 3 on Node 22 (the npm package `node`), with the client",
    async run(ctx, dir) {
      await createConsumer('sandbox-msw3', dir, ctx);
      const report = lastJson(
        await run('npm', ['test', '--silent'], { cwd: dir, doneMarker: '}\n', timeoutMs: 60_000 }),
      );
      assert.match(report.node, /^22\./, 'the script ran on Node 22');
      assert.equal(report.profiles, 2);
    },
  },
  {
    name: 'mock-npx',
    what: "npx @insightiq/profiles-mock from an empty folder; its install size without Prism; Prism modes say how to add it, and the README's Prism install makes them work",
    nodes: true,
    async prepare(ctx, dir) {
      // Three folders: one empty (npx fetches the mock into its npm cache on the first row), one with
      // the mock alone, one with the mock and Prism installed as the mock's README says.
      await createConsumer('mock-npx', join(dir, 'empty'), ctx);
      const bare = await createConsumer('mock-npx', join(dir, 'bare'), ctx);
      // What a sandbox user downloads: the mock without Prism (an optional peer dependency).
      await npm(
        bare,
        'install',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        `@insightiq/profiles-mock@${ctx.version}`,
      );
      const kb = Number(
        execFileSync('du', ['-sk', join(bare, 'node_modules')], { timeout: 30_000 })
          .toString()
          .split('\t')[0],
      );
      const mb = kb / 1024;
      assert.ok(mb <= 10, `the mock installs ${mb.toFixed(1)} MB, over its 10 MB budget`);
      ctx.note?.(`mock install without Prism: ${mb.toFixed(1)} MB`);
      // The mock README's way to add Prism, as written: the overrides it shows for Node 20 (the
      // Node that installs here may be 20), then the install command.
      const prism = join(dir, 'prism');
      cpSync(bare, prism, { recursive: true, verbatimSymlinks: true }); // .bin links stay relative
      if (hasSnippet('prism overrides', MOCK_README)) {
        const manifestPath = join(prism, 'package.json');
        const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
        Object.assign(
          manifest,
          JSON.parse(`{${readmeSnippet('prism overrides', ctx.registry.url, MOCK_README)}}`),
        );
        writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
      }
      await run('sh', ['-c', readmeSnippet('prism install', ctx.registry.url, MOCK_README)], {
        cwd: prism,
        timeoutMs: 300_000,
      });
    },
    async run(ctx, dir, node) {
      // The API reference's command as written there, on a free port instead of 4010.
      const command = readmeSnippet('npx mock', ctx.registry.url, TESTING_SECTION)
        .trim()
        .replace('4010', String(await freePort()));
      await listsTwo(command, join(dir, 'empty'), node.env());
      const noPrism = await run('npx', ['insightiq-profiles-mock', '--mode', 'examples', '--port', '0'], {
        cwd: join(dir, 'bare'),
        env: node.env(),
        timeoutMs: 60_000,
      }).then(
        () => 'exited 0',
        (error) => error.output ?? error.message,
      );
      const install = readmeSnippet('prism install', ctx.registry.url, MOCK_README).trim();
      assert.ok(
        noPrism.includes(`Prism, which is not installed: ${install}`),
        `without Prism, --mode examples names the README's install command (${install}); it printed:\n${noPrism}`,
      );
      const examples = `npx insightiq-profiles-mock --mode examples --port ${await freePort()}`;
      await listsTwo(examples, join(dir, 'prism'), node.env());
      node.check([/\/@insightiq\/profiles-mock\//, /\/@stoplight\/prism-cli\//]);
    },
  },
  {
    name: 'cli-npx',
    what: "the CLI's README as a new user runs it: npm install, the mock with npx, profiles list/get, verify (exit 0), and verify of a drifting mock (exit 1)",
    nodes: true,
    async prepare(ctx, dir) {
      await createConsumer('cli-npx', dir, ctx);
      await cliSnippets(ctx, dir, ['cli install'], { npm_config_cache: join(dir, '.npm-cache') });
    },
    async run(ctx, dir, node) {
      await cliSnippets(
        ctx,
        dir,
        ['cli try', 'cli drift'],
        node.env({ npm_config_cache: join(dir, '.npm-cache') }),
      );
      node.check([/\/@insightiq\/profiles-cli\//, /\/@insightiq\/profiles-mock\//]);
    },
  },
  {
    name: 'readme-installs',
    what: "each package README's install line as written (pnpm add, npm install), in a new project with the root README's .npmrc",
    async run(ctx, dir) {
      for (const [pkg, readme] of Object.entries(PACKAGE_READMES)) {
        const project = join(dir, pkg.split('/')[1]);
        mkdirSync(project, { recursive: true });
        writeFileSync(join(project, 'package.json'), '{ "name": "readme-install", "private": true }\n');
        writeFileSync(join(project, '.npmrc'), readmeSnippet('consumer .npmrc', ctx.registry.url));
        const line = readmeSnippet('install', ctx.registry.url, readme).trim();
        assert.match(line, /^(pnpm add|npm install)( -D| --save-dev)? @insightiq\/profiles-\w+$/);
        assert.ok(line.endsWith(` ${pkg}`), `${pkg}'s README installs something else: ${line}`);
        await run('sh', ['-c', line], { cwd: project, timeoutMs: 240_000 });
        assert.equal(installedVersion(project, pkg), ctx.version, `${line} installed another version`);
        const saved = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
        const field = / (-D|--save-dev) /.test(line) ? 'devDependencies' : 'dependencies';
        assert.ok(saved[field]?.[pkg], `${line} did not save ${pkg} in ${field}: ${JSON.stringify(saved)}`);
      }
    },
  },
  {
    name: 'spec-dual',
    what: 'the spec package from import and require: bundled document and validator',
    async run(ctx, dir) {
      await createConsumer('spec-dual', dir, ctx);
      checkSpecReport(lastJson(await program(ctx, dir, 'node', ['esm.mjs'])), ctx.version);
      checkSpecReport(lastJson(await program(ctx, dir, 'node', ['cjs.cjs'])), ctx.version);
    },
  },
  {
    name: 'types-only',
    what: 'the types package alone under node16, nodenext and bundler, skipLibCheck false',
    async run(ctx, dir) {
      await createConsumer('types-only', dir, ctx);
      for (const file of ['cjs.cts', 'esm.mts', 'bundler.ts'])
        copyFileSync(join(dir, 'src/check.ts'), join(dir, 'src', file));
      await npm(dir, 'run', 'check');
    },
  },
];
