#!/usr/bin/env node
// Release checks, run by `pnpm test` (and so by CI) and runnable alone with `pnpm check:release`:
//  1. a change under openapi/ or packages/ since the last release comes with a changeset;
//  2. no breaking contract change (against tools/release/baseline/openapi.json, the last released
//     contract) without a major changeset for the released packages; each is named by JSON pointer;
//  3. `pnpm -r publish --dry-run` passes (skip with --no-publish).
// Options: --base REV (what "since the last release" means; default: the last commit that wrote a
// package CHANGELOG.md, else the first commit), --no-publish.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffContracts } from './contract-diff.mjs';
import { BASELINE, git, pendingChangesets, RELEASED, repoRoot } from './repo.mjs';

const NOT_PUBLISHED = /^packages\/[^/]+\/(test|bench|CHANGELOG\.md)(\/|$)/;

/** Files under openapi/ or packages/ changed since `base` (committed, staged, unstaged or untracked). */
export function contractChanges(root, base) {
  const changed = [
    ...(git(root, 'diff', '--name-only', base) ?? '').split('\n'),
    ...(git(root, 'ls-files', '--others', '--exclude-standard') ?? '').split('\n'),
  ];
  return [...new Set(changed)]
    .filter((f) => /^(openapi|packages)\//.test(f) && !NOT_PUBLISHED.test(f))
    .sort();
}

/** The commit the last release was made at, or the first commit. */
export function lastRelease(root) {
  return (
    git(root, 'log', '-1', '--format=%H', '--', 'packages/*/CHANGELOG.md') ||
    git(root, 'rev-list', '--max-parents=0', 'HEAD')?.split('\n').pop()
  );
}

/** Runs the checks; returns the problems found (empty when all pass) and prints what it did. */
export function checkRelease(root, { base, publish = true, log = console.log } = {}) {
  const problems = [];
  const changesets = pendingChangesets(root);
  const isRepo = git(root, 'rev-parse', '--is-inside-work-tree') === 'true';
  if (!isRepo) {
    log('changesets: not a git checkout, nothing to compare');
  } else {
    const since = base ?? lastRelease(root);
    const changes = contractChanges(root, since);
    if (changes.length && changesets.length === 0) {
      problems.push(
        `${changes.length} file(s) under openapi/ or packages/ changed since ${since.slice(0, 12)} but .changeset/ has no changeset. Run \`pnpm changeset\` and describe the change. Changed:\n  ${changes.join('\n  ')}`,
      );
    } else {
      log(
        `changesets: ${changes.length} contract/package file(s) changed since ${since?.slice(0, 12)}, ${changesets.length} changeset(s) pending`,
      );
    }
  }

  const baselinePath = join(root, BASELINE);
  const currentPath = join(root, 'packages/spec/dist/openapi.json');
  if (!existsSync(currentPath)) {
    problems.push(`no ${currentPath}: build the spec package first (pnpm build)`);
  } else if (!existsSync(baselinePath)) {
    log('breaking changes: no released baseline yet, nothing to compare');
  } else {
    const { breaking, nonBreaking } = diffContracts(
      JSON.parse(readFileSync(baselinePath, 'utf8')),
      JSON.parse(readFileSync(currentPath, 'utf8')),
    );
    const major = changesets.some((c) => RELEASED.some((name) => c.bumps[name] === 'major'));
    log(
      `breaking changes: ${breaking.length} breaking, ${nonBreaking.length} non-breaking difference(s) from the released contract`,
    );
    for (const c of nonBreaking) log(`  non-breaking ${c.rule} ${c.pointer}: ${c.message}`);
    if (breaking.length && !major) {
      problems.push(
        `${breaking.length} breaking change(s) to the contract need a major changeset (pnpm changeset, then pick major):\n${breaking
          .map((c) => `  ${c.pointer}  [${c.rule}]  ${c.message}`)
          .join('\n')}`,
      );
    } else if (breaking.length) {
      log(`  ${breaking.length} breaking change(s), released as major:`);
      for (const c of breaking) log(`  ${c.pointer}  [${c.rule}]  ${c.message}`);
    }
  }

  if (publish) {
    try {
      execFileSync('pnpm', ['-r', 'publish', '--dry-run', '--no-git-checks'], { cwd: root, stdio: 'pipe' });
      log('publish: pnpm -r publish --dry-run passed');
    } catch (error) {
      problems.push(`pnpm -r publish --dry-run failed:\n${error.stderr?.toString() ?? error.message}`);
    }
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--base');
  const problems = checkRelease(repoRoot(), {
    base: at === -1 ? undefined : args[at + 1],
    publish: !args.includes('--no-publish'),
  });
  for (const p of problems) console.error(`check-release: ${p}`);
  process.exitCode = problems.length ? 1 : 0;
}
