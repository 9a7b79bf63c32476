#!/usr/bin/env node
// `pnpm version-packages`: applies the pending changesets (new versions and CHANGELOG.md files),
// then makes everything that depends on the version agree with it:
//   - the contract's info.version (openapi/openapi.yaml) = the spec package's version,
//   - the bundled contract and the generated types are rebuilt,
//   - the released baseline (tools/release/baseline/openapi.json) becomes this contract,
//   - the lockfile is refreshed.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASELINE, repoRoot } from './repo.mjs';

/** Sets `info.version` of openapi/openapi.yaml to the spec package's version; returns it. */
export function syncContractVersion(root) {
  const { version } = JSON.parse(readFileSync(join(root, 'packages/spec/package.json'), 'utf8'));
  const path = join(root, 'openapi/openapi.yaml');
  const yaml = readFileSync(path, 'utf8');
  const info = /^(info:\n(?:[ \t]+.*\n|\n)*?) {2}version:[ \t]*\S+[ \t]*$/m;
  if (!info.test(yaml)) throw new Error(`${path}: found no info.version to update`);
  writeFileSync(
    path,
    yaml.replace(info, (_, head) => `${head}  version: ${version}`),
  );
  return version;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const root = repoRoot();
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
  run(join(root, 'node_modules/.bin/changeset'), ['version']);
  const version = syncContractVersion(root);
  run('pnpm', ['--filter', '@insightiq/profiles-spec', 'build']);
  run('pnpm', ['--filter', '@insightiq/profiles-types', 'generate']);
  mkdirSync(dirname(join(root, BASELINE)), { recursive: true });
  copyFileSync(join(root, 'packages/spec/dist/openapi.json'), join(root, BASELINE));
  run('pnpm', ['install', '--lockfile-only']);
  console.log(`version-packages: released packages and the contract are at ${version}; review and commit.`);
}
