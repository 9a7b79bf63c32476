// The changelog of the contract, generated: one entry per release of the archive (openapi/releases/),
// each from `redocly diff` of the release before it and itself, rated by the release tools' own rating
// (@insightiq/release-tools/contract-rating: the runner and the kit rules `pnpm check:release` uses),
// newest first, and an "Unreleased" entry of the current contract against the last release. Each
// change is said in words, with its semver rating; each release names the package versions that
// shipped it (the archive's manifest). Written as changelog.md here, as changelog.html and the Atom
// feed changelog.xml by changelog-page.mjs.
import { readFileSync } from 'node:fs';
import { parsePointer, valueAtPointer } from '@insightiq/profiles-spec/validate';
import { rateContract } from '@insightiq/release-tools/contract-rating';

/** What an added or removed element is, in words (`the query parameter \`q\``). */
function elementInWords(pointer, node) {
  const segments = parsePointer(pointer);
  const [last, parent] = [segments.at(-1), segments.at(-2)];
  if (node && typeof node === 'object' && node.in && node.name)
    return `the ${node.in} parameter \`${node.name}\``;
  if (parent === 'properties') {
    const owner = segments[0] === 'components' && segments[1] === 'schemas' ? ` of \`${segments[2]}\`` : '';
    return `the field \`${last}\`${owner}`;
  }
  if (segments[0] === 'paths' && segments.length === 2) return `the path \`${last}\``;
  if (segments[0] === 'paths' && segments.length === 3)
    return `the operation ${last.toUpperCase()} \`${parent}\``;
  if (parent === 'responses') return `the response \`${last}\``;
  if (parent === 'headers') return `the header \`${last}\``;
  if (parent === 'enum') return `the enum value \`${JSON.stringify(node)}\``;
  if (segments[0] === 'components' && segments.length === 3)
    return `the ${parent.replace(/s$/, '')} \`${last}\``;
  if (parent === 'servers') return `the server \`${node?.url ?? last}\``;
  return `\`${pointer}\``;
}

/**
 * One change of the rating in words: redocly's own sentence when a rule rated it, else what was
 * added, removed or changed, named from the contracts (`Added the query parameter \`q\`.`).
 */
export function changeInWords(change, base, revision) {
  const where = change.operation ? `${change.operation}: ` : '';
  if (change.rule === 'added' || change.rule === 'removed') {
    const node = valueAtPointer(change.rule === 'added' ? revision : base, change.pointer);
    const verb = change.rule === 'added' ? 'Added' : 'Removed';
    return `${where}${verb} ${elementInWords(change.pointer, node)}.`;
  }
  if (change.modified)
    return `${where}Changed \`${change.modified}\` of \`${change.pointer.replace(/\/[^/]*$/, '') || '/'}\`.`;
  return `${where}${change.message.trim().replace(/([^.])$/, '$1.')}`;
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** The changes from one contract to the next, rated and in words, from the most breaking down. */
function changesBetween(basePath, revisionPath) {
  const { rating, changes } = rateContract(basePath, revisionPath);
  const [base, revision] = [readJson(basePath), readJson(revisionPath)];
  return {
    rating,
    changes: changes.map((c) => ({
      impact: c.impact,
      words: changeInWords(c, base, revision),
      pointer: c.pointer,
      rule: c.rule,
    })),
  };
}

/**
 * The changelog's entries, newest first: the unreleased one (`version: null`), then each release.
 * `releases` as the archive gives them (oldest first, with `path`), `currentPath` the current bundle.
 */
export function changelogEntries(releases, currentPath) {
  const entries = releases.map((release, i) => ({
    version: release.version,
    title: release.version,
    date: release.date,
    packages: release.packages,
    previous: releases[i - 1]?.version ?? null,
    ...(i === 0 ? { rating: null, changes: [] } : changesBetween(releases[i - 1].path, release.path)),
  }));
  const last = releases.at(-1);
  const unreleased = {
    version: null,
    title: 'Unreleased',
    date: null,
    packages: null,
    previous: last?.version ?? null,
    ...(last ? changesBetween(last.path, currentPath) : { rating: null, changes: [] }),
  };
  return [unreleased, ...entries.reverse()];
}

/** What an entry says before its changes (first release, no change, what shipped it), as Markdown. */
export function entrySummary(entry) {
  const lines = [];
  if (entry.version === null) {
    lines.push(
      entry.previous
        ? `The current contract against ${entry.previous}, the last release: not released yet.`
        : 'Nothing has been released yet: the archive of released contracts is empty.',
    );
  } else {
    lines.push(`Released ${entry.date.slice(0, 10)}.`);
    const shipped = Object.entries(entry.packages).map(([name, version]) => `\`${name}@${version}\``);
    lines.push(`Shipped in ${shipped.join(', ')}.`);
  }
  if (entry.version !== null && entry.previous === null) {
    lines.push('First release: no earlier release to compare with.');
  } else if (entry.previous && !entry.changes.length) {
    lines.push(`No change to the contract since ${entry.previous}.`);
  } else if (entry.previous) {
    lines.push(
      `${entry.changes.length} change(s) since ${entry.previous}, rated **${entry.rating}** overall.`,
    );
  }
  return lines;
}

/** The whole changelog as Markdown (for agents and plain readers). */
export function changelogMarkdown(entries, { title }) {
  const out = [
    `# ${title}: changelog`,
    '',
    'Generated from `redocly diff` between consecutive released contracts; newest first.',
    '',
  ];
  for (const entry of entries) {
    out.push(`## ${entry.title}`, '', ...entrySummary(entry).flatMap((line) => [line, '']));
    for (const c of entry.changes) out.push(`- **${c.impact}**: ${c.words} \`${c.pointer}\``);
    if (entry.changes.length) out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
