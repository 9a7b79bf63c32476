// The project's own release flow, run in a temporary copy of the repository so that the
// repository's versions and changesets stay untouched: `pnpm version-packages`, then `pnpm release`
// (build and `changeset publish`) against the run's registry.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pendingChangesets } from '@insightiq/release-tools/repo';
import { run } from './process.mjs';
import { readmeSnippet } from './readme.mjs';

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'ecosystem-tests',
  GIT_AUTHOR_EMAIL: 'ecosystem-tests@localhost',
  GIT_COMMITTER_NAME: 'ecosystem-tests',
  GIT_COMMITTER_EMAIL: 'ecosystem-tests@localhost',
};

/** Copies the working tree of `root` (tracked and untracked files, not ignored ones) into `dir`, as a new git repository. */
export async function copyRepository(root, dir) {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    timeout: 60_000,
  })
    .toString()
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    try {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      cpSync(join(root, file), join(dir, file));
    } catch (error) {
      if (error.code !== 'ENOENT') throw error; // deleted in the working tree
    }
  }
  await run('git', ['init', '-q'], { cwd: dir });
  await run('git', ['add', '-A'], { cwd: dir });
  await run('git', ['commit', '-qm', 'ecosystem-tests: copy of the working tree'], {
    cwd: dir,
    env: GIT_ENV,
  });
  await run('pnpm', ['install', '--frozen-lockfile', '--prefer-offline'], { cwd: dir, env: { CI: 'true' } });
}

/** The version the released packages are at in `dir`. */
export const releasedVersion = (dir) =>
  JSON.parse(readFileSync(join(dir, 'packages/client/package.json'), 'utf8')).version;

/**
 * Applies the pending changesets and publishes to `registry` with the project's own commands (the
 * root README's release snippet, as written there); the publisher's token comes from a user config
 * (`registry.npmrc`), as it would from a maintainer's `~/.npmrc`. Resolves to the released version.
 */
export async function release(dir, registry) {
  const env = {
    ...GIT_ENV,
    CI: 'true',
    npm_config_registry: registry.url,
    NPM_CONFIG_USERCONFIG: registry.npmrc,
  };
  // Pending changesets are versioned first, as a maintainer does; with none (main right after a
  // release), the versions already committed are the ones published.
  if (pendingChangesets(dir).length) {
    await run('pnpm', ['version-packages'], { cwd: dir, env: GIT_ENV });
    await run('git', ['add', '-A'], { cwd: dir });
    await run('git', ['commit', '-qm', 'Version packages'], { cwd: dir, env: GIT_ENV });
  }
  await run('sh', ['-c', readmeSnippet('release', registry.url)], { cwd: dir, env, timeoutMs: 300_000 });
  return releasedVersion(dir);
}

/** Adds a changeset to the copy in `dir`, as a contributor would with `pnpm changeset`. */
export function addChangeset(dir, name, bumps, summary) {
  const front = Object.entries(bumps)
    .map(([pkg, bump]) => `"${pkg}": ${bump}`)
    .join('\n');
  writeFileSync(join(dir, '.changeset', `${name}.md`), `---\n${front}\n---\n\n${summary}\n`);
}
