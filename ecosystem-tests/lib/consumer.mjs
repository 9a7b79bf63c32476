// A consumer project for one setup: a copy of projects/<name> in the run's temporary folder, outside
// any workspace, whose `@insightiq/*` dependencies npm installs by name and version from the run's
// registry (a scoped `.npmrc`, as a team points its scope at a private registry). Everything else
// comes from the public npm registry.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './process.mjs';
import { readmeSnippet } from './readme.mjs';

const here = new URL('..', import.meta.url).pathname;

/**
 * Copies `projects/<name>` to `dir`, adds the shared `files`, writes the README's `.npmrc`, and
 * installs. With `readmeInstall`, the project's `@insightiq/*` dependencies are dropped and the
 * README's install command adds the client as a new consumer would; otherwise they are pinned to
 * `^version`.
 */
export async function createConsumer(name, dir, { registry, version, files = {}, readmeInstall = false }) {
  cpSync(join(here, 'projects', name), dir, { recursive: true });
  for (const [from, to] of Object.entries(files)) cpSync(join(here, from), join(dir, to));
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const deps of [manifest.dependencies, manifest.devDependencies]) {
    for (const pkg of Object.keys(deps ?? {})) {
      if (!pkg.startsWith('@insightiq/')) continue;
      if (readmeInstall) delete deps[pkg];
      else deps[pkg] = `^${version}`;
    }
  }
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(dir, '.npmrc'), readmeSnippet('consumer .npmrc', registry.url));
  await npm(dir, 'install', '--no-audit', '--no-fund', '--loglevel=error');
  if (readmeInstall) await run('sh', ['-c', readmeSnippet('consumer install', registry.url)], { cwd: dir });
  return dir;
}

/** npm in a consumer project; the user's own npm config (NPM_CONFIG_USERCONFIG) is left out. */
export const npm = (dir, ...args) => run('npm', args, { cwd: dir, timeoutMs: 240_000 });

/** The version of `pkg` installed in a consumer. */
export const installedVersion = (dir, pkg) =>
  JSON.parse(readFileSync(join(dir, 'node_modules', pkg, 'package.json'), 'utf8')).version;
