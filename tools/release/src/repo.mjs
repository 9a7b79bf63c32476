// Shared helpers of the release scripts: where the repository is, what git says, which changesets wait.
// (The released contract, what breaking changes are measured against, is the archive's: archive.mjs.)
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The packages released together (the changesets `fixed` group). */
export const RELEASED = [
  '@insightiq/profiles-spec',
  '@insightiq/profiles-types',
  '@insightiq/profiles-client',
  '@insightiq/profiles-sandbox',
  '@insightiq/profiles-mock',
  '@insightiq/profiles-cli',
];

/** The monorepo root: the nearest folder up from here with pnpm-workspace.yaml. */
export function repoRoot(from = dirname(fileURLToPath(import.meta.url))) {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
  }
}

/** Runs git in `cwd`; returns its trimmed output, or undefined when git fails. */
export function git(cwd, ...args) {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}

/** The changesets waiting in `.changeset/`: file name and the bump of each package. */
export function pendingChangesets(root) {
  const dir = join(root, '.changeset');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
      const bumps = {};
      for (const line of front.split(/\r?\n/)) {
        const m = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line);
        if (m) bumps[m[1].trim()] = m[2];
      }
      return { file, bumps };
    });
}

/** Where a workspace package lives, relative to the root (`packages/spec`, `apps/mock`). */
export function workspaceDir(name, root = repoRoot()) {
  for (const parent of ['packages', 'apps']) {
    for (const dir of readdirSync(join(root, parent))) {
      const manifest = join(root, parent, dir, 'package.json');
      if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === name)
        return `${parent}/${dir}`;
    }
  }
  throw new Error(`no workspace package named ${name} under packages/ or apps/`);
}
