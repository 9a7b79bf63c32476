#!/usr/bin/env node
// `pnpm version-packages`: applies the pending changesets (new versions and CHANGELOG.md files),
// then makes everything that depends on the version agree with it:
//   - the contract's info.version (openapi/openapi.yaml) = the spec package's version,
//   - the bundled contract and the generated types are rebuilt,
//   - the released contract is archived (openapi/releases/<version>.json and its entry in index.json:
//     archive.mjs); the archive's newest entry is the baseline `pnpm check:release` compares with,
//   - the lockfile is refreshed.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { archiveRelease } from './archive.mjs';
import { pendingChangesets, repoRoot } from './repo.mjs';
import { contractPackages } from './workspace.mjs';

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

/**
 * Archives the bundled contract (packages/spec/dist/openapi.json) as the release `version`, with the
 * version of each published package it ships in; returns the archived file (relative to root).
 */
export function archiveBundle(root, version, date = new Date()) {
  const bundle = join(root, 'packages/spec/dist/openapi.json');
  const contract = JSON.parse(readFileSync(bundle, 'utf8'));
  if (contract.info?.version !== version) {
    throw new Error(
      `${bundle} says info.version ${contract.info?.version}, not ${version}: rebuild the spec first`,
    );
  }
  const packages = Object.fromEntries(
    contractPackages(root)
      .map((p) => [p.name, p.manifest.version])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  return archiveRelease(root, { version, contract, packages, date });
}

/** The release's build: the bundle (with the synced info.version) and the generated types. */
function buildContract(root) {
  const run = (args) => execFileSync('pnpm', args, { cwd: root, stdio: 'inherit' });
  run(['--filter', '@insightiq/profiles-spec', 'build']);
  run(['--filter', '@insightiq/profiles-types', 'generate']);
}

/**
 * The release flow: `changeset version`, the contract's info.version, the build, the archive, the
 * lockfile. `exec` runs a command in `root`, `build` rebuilds the bundle and the types (both
 * replaceable by tests); returns the version and the archived file.
 * @param {string} root
 * @param {{ exec?: (cmd: string, args: string[]) => void, build?: (root: string) => void, date?: Date }} [options]
 */
export function versionPackages(root, { exec, build = buildContract, date = new Date() } = {}) {
  const run = exec ?? ((cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' }));
  const pending = pendingChangesets(root).length;
  try {
    run(join(root, 'node_modules/.bin/changeset'), ['version']);
  } catch (error) {
    const why = pending
      ? ''
      : ' (no pending changeset in .changeset/: nothing to release; run pnpm changeset first)';
    throw new Error(`changeset version failed${why}: ${error.message}`);
  }
  const version = syncContractVersion(root);
  build(root);
  const archived = archiveBundle(root, version, date);
  run('pnpm', ['install', '--lockfile-only']);
  return { version, archived };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  try {
    const { version, archived } = versionPackages(repoRoot());
    const what = archived.added
      ? `archived as ${archived.path}`
      : `${archived.path} was already archived, unchanged`;
    console.log(
      `version-packages: released packages and the contract are at ${version}; ${what}; review and commit.`,
    );
  } catch (error) {
    console.error(`version-packages: ${error.message}`);
    process.exitCode = 1;
  }
}
