// The setups: each a consumer project (projects/<name>) installed from the registry, built the way
// its kind of service builds, and run against the mock.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInBrowser } from './browser.mjs';
import { checkClientReport, checkSpecReport, lastJson } from './checks.mjs';
import { createConsumer, npm } from './consumer.mjs';
import { run } from './process.mjs';

const here = new URL('..', import.meta.url).pathname;
const bin = (name) => join(here, 'node_modules/.bin', name);
const PROGRAM = { 'program/exercise.ts': 'src/exercise.ts' };

/** Runs a consumer's program with MOCK_URL set; it must print its JSON report and then exit by itself. */
const program = (ctx, dir, cmd, args) =>
  run(cmd, args, { cwd: dir, env: { MOCK_URL: ctx.mockUrl }, doneMarker: '}\n', timeoutMs: 60_000 });

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
      await run('npx', ['jest', '--ci', '--json', '--outputFile=jest-report.json'], {
        cwd: dir,
        env: { MOCK_URL: ctx.mockUrl },
        timeoutMs: 120_000,
      });
      const report = JSON.parse(readFileSync(join(dir, 'jest-report.json'), 'utf8'));
      assert.equal(report.numFailedTests, 0);
      assert.equal(report.numPassedTests, 3, 'Jest ran the three tests');
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
    what: 'a vitest suite with no port: the client over sandbox.fetch and over MSW 2.15 handlers',
    async run(ctx, dir) {
      await createConsumer('sandbox-vitest', dir, ctx);
      await run('npx', ['vitest', 'run', '--reporter=json', '--outputFile=vitest-report.json'], {
        cwd: dir,
        timeoutMs: 120_000,
      });
      const report = JSON.parse(readFileSync(join(dir, 'vitest-report.json'), 'utf8'));
      assert.equal(report.numFailedTests, 0);
      assert.equal(report.numPassedTests, 4, 'vitest ran the four tests');
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
