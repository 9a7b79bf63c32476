#!/usr/bin/env node
// Builds @insightiq/profiles-spec: bundles the authored contract (openapi/openapi.yaml and its $refs)
// into one document, dist/openapi.json and dist/openapi.yaml, then compiles the JS entry points
// that export it. Every other workspace consumes these files, never openapi/ itself.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(pkgDir, '../../openapi/openapi.yaml');
const bin = (name) => join(pkgDir, 'node_modules/.bin', name);
// Redocly prints banners on every run; its output is shown only when it fails.
const run = (cmd, args) => {
  try {
    execFileSync(cmd, args, { cwd: pkgDir, stdio: 'pipe' });
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error(`${cmd.split('/').pop()} ${args.join(' ')} failed`);
  }
};

rmSync(join(pkgDir, 'dist'), { recursive: true, force: true });
mkdirSync(join(pkgDir, 'dist'));
for (const ext of ['json', 'yaml']) {
  run(bin('redocly'), [
    'bundle',
    root,
    '--output',
    `dist/openapi.${ext}`,
    '--ext',
    ext,
    '--config',
    '../../redocly.yaml',
  ]);
}
run(bin('tsup'), []);
console.log(
  'built dist/openapi.json, dist/openapi.yaml, dist/index.js, dist/parameters.js, dist/validate.js',
);
