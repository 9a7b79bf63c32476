// The archive of released contracts (openapi/releases/), written by `pnpm version-packages` and never
// by hand: `<version>.json`, the bundled contract as released, and `index.json`, the manifest (for each
// release: the contract's version, the date, and the version of each published package that shipped
// it). Its newest entry is the released baseline that `pnpm check:release` measures changes against;
// the docs build reads it for the versioned references and the changelog.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';

/** The archive's folder, relative to the repository root. */
export const ARCHIVE = 'openapi/releases';

/** The manifest, relative to the repository root. */
export const MANIFEST = `${ARCHIVE}/index.json`;

/** A released contract's file in the archive, relative to the repository root. */
export const releasePath = (version) => `${ARCHIVE}/${version}.json`;

/** Throws unless `version` is a release version as semver (npm's own parser) reads it, exactly. */
function checkVersion(version) {
  if (typeof version !== 'string' || semver.valid(version) !== version)
    throw new Error(`"${version}" is not a release version (major.minor.patch[-prerelease])`);
}

/** Semver order of two versions (semver's `compare`): negative when `a` comes first. */
export function compareVersions(a, b) {
  checkVersion(a);
  checkVersion(b);
  return semver.compare(a, b);
}

/** Checks one manifest entry's shape; throws naming what is wrong. */
function checkEntry(entry, where) {
  checkVersion(entry?.version);
  if (typeof entry.date !== 'string' || Number.isNaN(Date.parse(entry.date))) {
    throw new Error(`${where}: release ${entry.version} has no valid "date" (${JSON.stringify(entry.date)})`);
  }
  if (!entry.packages || typeof entry.packages !== 'object' || !Object.keys(entry.packages).length) {
    throw new Error(`${where}: release ${entry.version} names no "packages" that shipped it`);
  }
}

/**
 * The archive's releases, oldest first: `{ version, date, packages, path }` (path absolute).
 * An empty list when nothing was released yet; throws on a manifest that is not the archive's.
 */
export function readReleases(root) {
  const file = join(root, MANIFEST);
  if (!existsSync(file)) return [];
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${MANIFEST}: not JSON (${error.message}); it is written by pnpm version-packages only`);
  }
  if (!Array.isArray(manifest?.releases)) throw new Error(`${MANIFEST}: no "releases" list`);
  const releases = manifest.releases.map((entry) => {
    checkEntry(entry, MANIFEST);
    const path = join(root, releasePath(entry.version));
    if (!existsSync(path))
      throw new Error(`${MANIFEST} lists ${entry.version} but ${releasePath(entry.version)} is missing`);
    return { version: entry.version, date: entry.date, packages: entry.packages, path };
  });
  return releases.sort((a, b) => compareVersions(a.version, b.version));
}

/** The newest released contract's absolute path (the released baseline), or undefined before any release. */
export const latestRelease = (root) => readReleases(root).at(-1)?.path;

/** The JSON text the archive stores for a contract (one formatting, so equal contracts compare equal). */
const stored = (contract) => `${JSON.stringify(contract, null, 2)}\n`;

/**
 * Archives the contract released as `version`: writes `<version>.json` and its manifest entry (date,
 * `packages`: name → version). Archiving the same contract again changes nothing; a different contract
 * under a version already archived is refused (a released contract is never rewritten).
 * @returns {{ path: string, added: boolean }} the contract's path (relative to root), whether it was new
 */
export function archiveRelease(root, { version, contract, packages, date = new Date() }) {
  checkVersion(version);
  const path = releasePath(version);
  const text = stored(contract);
  const archived = readReleases(root);
  const existing = archived.find((r) => r.version === version);
  const onDisk = existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : undefined;
  if (onDisk !== undefined || existing) {
    if (onDisk === text && existing) return { path, added: false };
    throw new Error(
      `${path}: version ${version} is already archived with a different contract (or without its manifest entry). ` +
        'A released contract is never rewritten: did the pending changesets bump the version? ' +
        'Add a changeset (pnpm changeset) and run pnpm version-packages again.',
    );
  }
  const entry = { version, date: new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z'), packages };
  checkEntry(entry, 'archiveRelease');
  const releases = [...archived.map(({ path: _, ...rest }) => rest), entry].sort((a, b) =>
    compareVersions(a.version, b.version),
  );
  mkdirSync(join(root, ARCHIVE), { recursive: true });
  writeFileSync(join(root, path), text);
  const manifest = {
    $comment: 'Written by pnpm version-packages (tools/release/src/archive.mjs). Never edit by hand.',
    releases,
  };
  writeFileSync(join(root, MANIFEST), stored(manifest));
  return { path, added: true };
}
