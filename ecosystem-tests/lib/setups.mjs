// The setups: each a consumer project (projects/<name>) installed from the registry, built the way
// its kind of service builds, and run against the mock.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@insightiq/testkit';
import { runInBrowser } from './browser.mjs';
import { checkClientReport, checkSpecReport, lastJson } from './checks.mjs';
import { createConsumer, installedVersion, npm } from './consumer.mjs';
import { startNpxMock } from './npx-mock.mjs';
import { run } from './process.mjs';
import { CLI_README, MOCK_README, PACKAGE_READMES, readmeSnippet, TESTING_SECTION } from './readme.mjs';

const here = new URL('..', import.meta.url).pathname;
const bin = (name) => join(here, 'node_modules/.bin', name);
const PROGRAM = { 'program/exercise.ts': 'src/exercise.ts' };

/** Runs a consumer's program with MOCK_URL set; it must print its JSON report and then exit by itself. */
const program = (ctx, dir, cmd, args) =>
  run(cmd, args, { cwd: dir, env: { MOCK_URL: ctx.mockUrl }, doneMarker: '}\n', timeoutMs: 60_000 });

/**
 * Runs a consumer's test suite (Jest, or vitest, which writes the same JSON report) and checks that
 * all of its `tests` ran and passed.
 */
async function suite(dir, command, tests, env = {}) {
  await run('npx', [...command, '--outputFile=test-report.json'], { cwd: dir, env, timeoutMs: 120_000 });
  const report = JSON.parse(readFileSync(join(dir, 'test-report.json'), 'utf8'));
  assert.equal(report.numFailedTests, 0);
  assert.equal(report.numPassedTests, tests, `${command[0]} ran the ${tests} tests`);
}

/** Starts a mock with an npx `command`, checks that it lists two profiles when asked, and stops it. */
async function listsTwo(command, dir) {
  const mock = await startNpxMock(command, dir);
  try {
    const res = await fetch(`${mock.url}/v1/profiles?limit=2`, {
      headers: { authorization: `Basic ${btoa('a:b')}` },
    });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).data.length, 2);
  } finally {
    await mock.stop();
  }
}

/** @type {Array<{ name: string, what: string, run: (ctx: object, dir: string) => Promise<void> }>} */
export const setups = [
  {
    name: 'node-ts-esm',
    what: 'TypeScript ESM (nodenext, strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, skipLibCheck false), tsc, node',
    async run(ctx, dir) {
      await createConsumer('node-ts-esm', dir, { ...ctx, files: PROGRAM });
      await npm(dir, 'run', 'build');
      checkClientReport(lastJson(await program(ctx, dir, 'node', ['dist/main.js'])));
    },
  },
  {
    name: 'node-ts-cjs',
    what: 'TypeScript compiled to CommonJS (node16, type commonjs), node',
    async run(ctx, dir) {
      await createConsumer('node-ts-cjs', dir, { ...ctx, files: PROGRAM });
      await npm(dir, 'run', 'build');
      assert.match(
        readFileSync(join(dir, 'dist/exercise.js'), 'utf8'),
        /require\("@insightiq\/profiles-client"\)/,
      );
      checkClientReport(lastJson(await program(ctx, dir, 'node', ['dist/main.js'])));
    },
  },
  {
    name: 'node-js-cjs',
    what: 'plain JavaScript with require()',
    async run(ctx, dir) {
      await createConsumer('node-js-cjs', dir, ctx);
      checkClientReport(lastJson(await program(ctx, dir, 'node', ['main.js'])));
    },
  },
  {
    name: 'jest-cjs',
    what: 'Jest 30 in CommonJS',
    async run(ctx, dir) {
      await createConsumer('jest-cjs', dir, ctx);
      await suite(dir, ['jest', '--ci', '--json'], 3, { MOCK_URL: ctx.mockUrl });
    },
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
    async run(ctx, dir) {
      await createConsumer('sandbox-vitest', dir, ctx);
      await suite(dir, ['vitest', 'run', '--reporter=json'], 5);
    },
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
    async run(ctx, dir) {
      await createConsumer('mock-npx', dir, ctx);
      const spec = `@insightiq/profiles-mock@${ctx.version}`;
      // The API reference's command as written there, on a free port instead of 4010.
      const command = readmeSnippet('npx mock', ctx.registry.url, TESTING_SECTION)
        .trim()
        .replace('4010', String(await freePort()));
      await listsTwo(command, dir);
      // What a sandbox user downloads: the mock without Prism (an optional peer dependency).
      await npm(dir, 'install', '--no-audit', '--no-fund', '--loglevel=error', spec);
      const kb = Number(
        execFileSync('du', ['-sk', join(dir, 'node_modules')])
          .toString()
          .split('\t')[0],
      );
      const mb = kb / 1024;
      assert.ok(mb <= 10, `the mock installs ${mb.toFixed(1)} MB, over its 10 MB budget`);
      ctx.note?.(`mock install without Prism: ${mb.toFixed(1)} MB`);
      const noPrism = await run('npx', ['insightiq-profiles-mock', '--mode', 'examples', '--port', '0'], {
        cwd: dir,
      }).then(
        () => 'exited 0',
        (error) => error.output,
      );
      assert.match(
        noPrism,
        /Prism, which is not installed: npm install --save-dev @stoplight\/prism-cli@5\.14\.2/,
      );
      // The mock README's way to add Prism, as written: the overrides (Node 20), then the install.
      const manifestPath = join(dir, 'package.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      Object.assign(
        manifest,
        JSON.parse(`{${readmeSnippet('prism overrides', ctx.registry.url, MOCK_README)}}`),
      );
      writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
      await run('sh', ['-c', readmeSnippet('prism install', ctx.registry.url, MOCK_README)], {
        cwd: dir,
        timeoutMs: 300_000,
      });
      await listsTwo(`npx insightiq-profiles-mock --mode examples --port ${await freePort()}`, dir);
    },
  },
  {
    name: 'cli-npx',
    what: "the CLI's README as a new user runs it: npm install, the mock with npx, profiles list/get, verify (exit 0), and verify of a drifting mock (exit 1)",
    async run(ctx, dir) {
      await createConsumer('cli-npx', dir, ctx);
      const env = { npm_config_cache: join(dir, '.npm-cache') };
      const mocks = [];
      try {
        // Each line as written, on free ports instead of 4010/4011; `# exits N` is the code expected.
        const ports = new Map();
        const port = (line) => line.replace(/(127\.0\.0\.1:|--port )(\d+)/g, (_, p, n) => p + ports.get(n));
        for (const name of ['cli install', 'cli try', 'cli drift']) {
          for (const line of readmeSnippet(name, ctx.registry.url, CLI_README).split('\n')) {
            if (!line.trim()) continue;
            if (line.startsWith('npx -y @insightiq/profiles-mock ')) {
              ports.set(/--port (\d+)/.exec(line)[1], String(await freePort()));
              mocks.push(await startNpxMock(port(line), dir));
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
      } finally {
        for (const mock of mocks) await mock.stop();
      }
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
