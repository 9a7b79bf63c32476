// How much the contract changed since the release, as a semver bump: every change `redocly diff` finds
// between the released contract and the current bundle, plus the kit's own rules for the cases it
// misses (./extra-rules.mjs). Each change is named by location (a JSON pointer, in the current
// contract, or in the released one for a removal) and rule; the rating is the highest impact.
import { readFileSync } from 'node:fs';
import { parsePointer } from '@insightiq/profiles-spec/validate';
import { extraRules } from './extra-rules.mjs';
import { redoclyDiff } from './redocly-diff.mjs';

/** Bumps from least to most: a changeset's bump and a diff's rating compare on this scale. */
export const BUMPS = ['none', 'patch', 'minor', 'major'];

/** A bump's place on BUMPS (`none` for a missing one). */
export const rank = (bump) => BUMPS.indexOf(bump ?? 'none');

/** The higher of two bumps. */
export const higher = (a, b) => (rank(a) >= rank(b) ? a : b);

/** One reference token of a JSON pointer, unescaped (`~1v1~1profiles` → `/v1/profiles`). */
const decode = (token) => parsePointer(`/${token}`)[0];
const shorten = (value) => {
  const text = JSON.stringify(value) ?? 'none';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** The operation (`GET /v1/profiles`), else the path, that a redocly change's path runs through. */
export function operationOf(path) {
  const methods = 'get|put|post|delete|patch|head|options|trace';
  const match = new RegExp(`^#/paths/([^/]+)(?:/(${methods})(?:/|$))?`).exec(path ?? '');
  if (!match?.[1]) return undefined;
  return match[2] ? `${match[2].toUpperCase()} ${decode(match[1])}` : decode(match[1]);
}

/**
 * One change of redocly's report as `{ impact, rule, pointer, operation, message }`, plus `modified`
 * (the property) on a modification no rule rated.
 */
export function fromRedocly(change) {
  const verdicts = change.verdicts ?? [];
  const verdict = verdicts.find((v) => v.impact === change.impact) ?? verdicts[0];
  const kind = change.kind === 'modified' ? `modified ${change.property}` : change.kind;
  const what =
    change.kind === 'modified'
      ? `${change.property}: ${shorten(change.base?.value)} → ${shorten(change.revision?.value)}`
      : change.kind;
  const at = verdict?.location?.pointer ?? change.revision?.pointer ?? change.base?.pointer ?? change.path;
  return {
    impact: change.impact,
    // A change no rule rated (redocly's default: added minor, anything else patch) is named by its kind.
    rule: verdict?.ruleId ?? kind,
    pointer: at.replace(/^#/, ''),
    operation: operationOf(change.path),
    message: verdicts.length ? verdicts.map((v) => v.message).join(' ') : what,
    ...(!verdict?.ruleId && change.kind === 'modified' && { modified: change.property }),
  };
}

/** info.version is the release's own business: redocly leaves it out of the rating, and so do we. */
const isInfoVersion = (change) => change.path === '#/info' && change.property === 'version';

function readContract(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the contract ${path}: ${error.message}`);
  }
}

/**
 * Rates the change from the contract at `basePath` (the released one) to the one at `revisionPath`.
 * Returns `{ rating, changes }`: rating one of BUMPS, changes from the highest impact down.
 */
export function rateContract(basePath, revisionPath, options = {}) {
  const report = redoclyDiff(basePath, revisionPath, options);
  const found = report.changes.filter((change) => !isInfoVersion(change)).map(fromRedocly);
  const extra = extraRules(readContract(basePath), readContract(revisionPath));
  const changes = [...found, ...extra].sort((a, b) => rank(b.impact) - rank(a.impact));
  const rating = [report.bump, ...extra.map((c) => c.impact)].reduce(higher, 'none');
  return { rating, changes };
}

/** A change on one line: impact, pointer, rule, operation and what changed. */
export const formatChange = (change) =>
  `${change.impact.padEnd(5)}  ${change.pointer}  [${change.rule}]  ${change.operation ? `${change.operation}: ` : ''}${change.message}`;
