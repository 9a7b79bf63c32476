#!/usr/bin/env node
// Release checks, run by `pnpm test` (and so by CI) and runnable alone with `pnpm check:release`:
//  1. every published package whose published files changed since the last release is named by a
//     pending changeset (a change under openapi/ changes every package the contract ships in);
//  2. the contract's change since the release, as `redocly diff` of the released contract
//     (the newest entry of the release archive, openapi/releases/: archive.mjs) and the current bundle rates it (plus the kit's own rules,
//     extra-rules.mjs), is matched by a changeset of at least that bump for every package the contract
//     ships in; each change is named by JSON pointer and rule;
//  3. `pnpm -r publish --dry-run` passes (skip with --no-publish).
// Options: --base REV (what "since the last release" means; default: the last commit that wrote a
// published package's CHANGELOG.md, else the first commit), --no-publish.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { latestRelease } from './archive.mjs';
import { formatChange, higher, rank, rateContract } from './contract-rating.mjs';
import { git, pendingChangesets, repoRoot } from './repo.mjs';
import { changedPackages, contractPackages, publishedPackages } from './workspace.mjs';

/** The bundled contract, relative to the repository root. */
const CURRENT = 'packages/spec/dist/openapi.json';

const lines = (text) => (text ?? '').split('\n').filter(Boolean);

/** Files changed since `base`, relative to the root: committed, staged, unstaged, untracked; both sides of a move. */
export function changedFiles(root, base) {
  const changed = [
    ...lines(git(root, 'diff', '--name-only', '--no-renames', base)),
    ...lines(git(root, 'ls-files', '--others', '--exclude-standard')),
  ];
  return [...new Set(changed)].sort();
}

/** The commit of the last release (the last to write a published CHANGELOG.md), else the first commit. */
export function lastRelease(root, published = publishedPackages(root)) {
  const changelogs = published.map((p) => `${p.dir}/CHANGELOG.md`);
  return (
    git(root, 'log', '-1', '--format=%H', '--', ...changelogs) ||
    git(root, 'rev-list', '--max-parents=0', 'HEAD')?.split('\n').pop()
  );
}

/** The highest bump the pending changesets give a package (`none` when none names it). */
export const bumpOf = (name, changesets) => changesets.map((c) => c.bumps[name]).reduce(higher, 'none');

/** A package's changed files on one line: the first ten, then how many more. */
const listFiles = (files) =>
  files.length > 10 ? `${files.slice(0, 10).join(', ')} and ${files.length - 10} more` : files.join(', ');

/** Check 1: each published package changed since `base` is named by a pending changeset. */
function checkChangesets(root, changesets, base, log) {
  if (git(root, 'rev-parse', '--is-inside-work-tree') !== 'true') {
    log('changesets: not a git checkout, nothing to compare');
    return [];
  }
  const since = base ?? lastRelease(root);
  if (!since) return ['changesets: the repository has no commit to compare with'];
  if (!git(root, 'rev-parse', '--verify', '--quiet', `${since}^{commit}`)) {
    return [`${base ? '--base' : 'the last release'} ${since}: not a commit of this repository`];
  }
  const changed = changedPackages(changedFiles(root, since), publishedPackages(root), contractPackages(root));
  const unnamed = [...changed].filter(([name]) => bumpOf(name, changesets) === 'none');
  log(
    `changesets: ${changed.size} published package(s) changed since ${since.slice(0, 12)}, ${changesets.length} changeset(s) pending`,
  );
  if (!unnamed.length) return [];
  return [
    `${unnamed.length} published package(s) changed since ${since.slice(0, 12)} but no changeset in .changeset/ names them. Run \`pnpm changeset\`, pick each of them and describe the change:\n${unnamed
      .map(([name, files]) => `  ${name}: ${listFiles(files)}`)
      .join('\n')}`,
  ];
}

/** The problem when packages the contract ships in have a lower bump than the contract's rating. */
function shortOfRating(rated, short, changesets, released) {
  const { rating, changes } = rated;
  return `the contract's change since the release rates ${rating} (redocly diff of ${released} and ${CURRENT}), so every package it ships in needs a ${rating} changeset; these have less (run \`pnpm changeset\` and pick ${rating} for them):\n${short
    .map((p) => `  ${p.name}: ${bumpOf(p.name, changesets)}`)
    .join('\n')}\nThe change(s) rated ${rating}:\n${changes
    .filter((c) => c.impact === rating)
    .map((c) => `  ${formatChange(c)}`)
    .join('\n')}`;
}

/** Check 2: every package the contract ships in has a changeset of at least the diff's rating. */
function checkContract(root, changesets, log) {
  const currentPath = join(root, CURRENT);
  if (!existsSync(currentPath)) return [`no ${currentPath}: build the spec package first (pnpm build)`];
  let baselinePath;
  try {
    baselinePath = latestRelease(root);
  } catch (error) {
    return [`the release archive cannot be read: ${error.message}`];
  }
  if (!baselinePath) {
    log('contract: no released contract in openapi/releases/ yet, nothing to compare');
    return [];
  }
  let rated;
  try {
    rated = rateContract(baselinePath, currentPath);
  } catch (error) {
    return [`the contract's change since the release could not be rated: ${error.message}`];
  }
  const released = relative(root, baselinePath);
  log(
    `contract: ${rated.changes.length} change(s) from the released contract (${released}), rated ${rated.rating}`,
  );
  for (const change of rated.changes) log(`  ${formatChange(change)}`);
  const short = contractPackages(root).filter((p) => rank(bumpOf(p.name, changesets)) < rank(rated.rating));
  return short.length ? [shortOfRating(rated, short, changesets, released)] : [];
}

/** Check 3: `pnpm -r publish --dry-run` passes. */
function checkPublish(root, log) {
  try {
    execFileSync('pnpm', ['-r', 'publish', '--dry-run', '--no-git-checks'], { cwd: root, stdio: 'pipe' });
    log('publish: pnpm -r publish --dry-run passed');
    return [];
  } catch (error) {
    return [`pnpm -r publish --dry-run failed:\n${error.stderr?.toString() || error.message}`];
  }
}

/**
 * Runs the checks; returns the problems found (empty when all pass) and prints what it did.
 * @param {string} root the repository root
 * @param {{ base?: string, publish?: boolean, log?: (line: string) => void }} [options]
 * @returns {string[]}
 */
export function checkRelease(root, { base, publish = true, log = console.log } = {}) {
  const changesets = pendingChangesets(root);
  return [
    ...checkChangesets(root, changesets, base, log),
    ...checkContract(root, changesets, log),
    ...(publish ? checkPublish(root, log) : []),
  ];
}

/** The command line's options; throws on anything else. */
export function parseOptions(args) {
  const options = { base: undefined, publish: true };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--no-publish') options.publish = false;
    else if (args[i] === '--base' && args[i + 1] && !args[i + 1].startsWith('--')) options.base = args[++i];
    else if (args[i] === '--base') throw new Error('--base needs a revision (--base v1.2.0)');
    else throw new Error(`unknown option ${args[i]} (options: --base REV, --no-publish)`);
  }
  return options;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  let problems;
  try {
    problems = checkRelease(repoRoot(), parseOptions(process.argv.slice(2)));
  } catch (error) {
    problems = [error.message];
  }
  for (const p of problems) console.error(`check-release: ${p}`);
  process.exitCode = problems.length ? 1 : 0;
}
