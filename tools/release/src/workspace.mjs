// The workspace's packages as their manifests describe them: which are published, which ship the
// contract, and which of their files are published (a change to one needs a changeset naming it).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ARCHIVE } from './archive.mjs';

/** The package that is the contract. */
export const SPEC = '@insightiq/profiles-spec';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];

/**
 * What in a package's folder is not published, relative to the folder: its tests and benches, its
 * CHANGELOG.md (written by the release itself), and the test and task configuration that shapes no
 * published file (vitest.config.*, turbo.json). Everything else (src/, bin/, scripts/ that generate or
 * build, package.json, tsconfig.json and tsup.config.ts that shape the build, README.md, LICENSE) is.
 */
const NOT_PUBLISHED = /^(?:(?:test|bench)\/|CHANGELOG\.md$|turbo\.json$|vitest\.config\.[cm]?[jt]s$)/;

/** Whether a file of a package (its path relative to the package's folder) is a published file. */
export const isPublishedFile = (relativePath) => !NOT_PUBLISHED.test(relativePath);

/** The folders that one `packages:` pattern of pnpm-workspace.yaml names (`dir` or `dir/*`). */
function expandPattern(root, pattern) {
  const isPackage = (dir) => existsSync(join(root, dir, 'package.json'));
  if (!pattern.includes('*')) return isPackage(pattern) ? [pattern] : [];
  const parent = pattern.slice(0, -2);
  if (!pattern.endsWith('/*') || parent.includes('*')) {
    throw new Error(
      `pnpm-workspace.yaml: the pattern "${pattern}" is not supported here (only "dir" and "dir/*")`,
    );
  }
  if (!existsSync(join(root, parent))) return [];
  return readdirSync(join(root, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${parent}/${entry.name}`)
    .filter(isPackage);
}

/** The workspace's package folders, relative to the root, as pnpm-workspace.yaml lists them. */
export function workspaceFolders(root) {
  const file = join(root, 'pnpm-workspace.yaml');
  if (!existsSync(file)) throw new Error(`no ${file}: not the root of a pnpm workspace`);
  const patterns = parse(readFileSync(file, 'utf8'))?.packages;
  if (!Array.isArray(patterns)) throw new Error(`${file}: no "packages" list`);
  const clean = (pattern) => String(pattern).replace(/^!/, '').replace(/^\.\//, '').replace(/\/$/, '');
  const excluded = new Set(
    patterns.filter((p) => String(p).startsWith('!')).flatMap((p) => expandPattern(root, clean(p))),
  );
  const included = patterns
    .filter((p) => !String(p).startsWith('!'))
    .flatMap((p) => expandPattern(root, clean(p)));
  return [...new Set(included)].filter((dir) => !excluded.has(dir)).sort();
}

/** Every workspace package: `{ name, dir, manifest }` (dir relative to the root, `apps/mock`). */
export function workspacePackages(root) {
  return workspaceFolders(root).map((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    return { name: manifest.name, dir, manifest };
  });
}

/** The published packages: every workspace package whose manifest is not `private`. */
export const publishedPackages = (root) => workspacePackages(root).filter((p) => p.manifest.private !== true);

/** Whether a manifest depends on `name` in any dependency field. */
const dependsOn = (manifest, name) =>
  DEPENDENCY_FIELDS.some((field) => manifest[field]?.[name] !== undefined);

/**
 * The packages the contract ships in: the spec itself and every published package that depends on it
 * in any dependency field (a devDependency too: the types are generated from it).
 */
export function contractPackages(root) {
  return publishedPackages(root).filter((p) => p.name === SPEC || dependsOn(p.manifest, SPEC));
}

/**
 * The published packages that changed files change: a published file of a package changes that
 * package; a file under openapi/ (but the archive of released contracts,
 * openapi/releases/) changes every package the contract ships in. Returns a Map from
 * package name to its changed files, in the order of `published`.
 */
export function changedPackages(files, published, contract) {
  const changed = new Map();
  const add = (name, file) => changed.set(name, [...(changed.get(name) ?? []), file]);
  for (const file of files) {
    // The archive of released contracts is the release's own record, not part of the contract.
    if (file.startsWith(`${ARCHIVE}/`)) continue;
    if (file.startsWith('openapi/')) {
      for (const p of contract) add(p.name, file);
      continue;
    }
    const owner = published.find((p) => file.startsWith(`${p.dir}/`));
    if (owner && isPublishedFile(file.slice(owner.dir.length + 1))) add(owner.name, file);
  }
  const order = published.map((p) => p.name);
  return new Map([...changed].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
}
