/**
 * Contract drift on purpose: answers that are 200 but break the contract or the API's paging, as a
 * drifting deployment would. They exist to prove that a conformance check (`insightiq-profiles
 * verify`, the client's `validateResponses`, the mock's proxy mode) notices.
 */

/** One way of drifting from the contract. */
export type DriftKind = 'missing-field' | 'wrong-type' | 'unknown-enum' | 'duplicate-page' | 'ignore-limit';

/** Every kind, and what each does (for `--help`, errors and the README). */
export const DRIFT_KINDS: Readonly<Record<DriftKind, string>> = {
  'missing-field': 'every profile lacks the required platform_username',
  'wrong-type': 'every profile has created_at as a number of seconds, not a timestamp string',
  'unknown-enum': 'every profile has gender "NON_BINARY", which the Gender enum does not list',
  'duplicate-page':
    'the list ignores offset: every page repeats the first (its metadata still echoes offset)',
  'ignore-limit':
    'the list ignores limit: a page has twice as many profiles (its metadata still echoes limit)',
};

const KINDS = Object.keys(DRIFT_KINDS) as DriftKind[];

/** The values `drift` takes: `all`, or kinds joined by commas. */
export const DRIFT_HELP = `all, or any of ${KINDS.join(', ')} joined by commas`;

/**
 * Parses `all` or `kind,kind`; returns a string explaining the problem when a kind is unknown.
 * Accepts a list already split (an option's array).
 */
export function parseDrift(value: string | readonly string[]): DriftKind[] | string {
  const parts = (typeof value === 'string' ? value.split(',') : value)
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
  if (parts.length === 1 && parts[0] === 'all') return [...KINDS];
  const unknown = parts.filter((part) => !KINDS.includes(part as DriftKind));
  if (parts.length === 0 || unknown.length > 0) {
    const got = unknown.length > 0 ? JSON.stringify(unknown[0]?.slice(0, 50)) : 'nothing';
    return `Unknown drift ${got}: use ${DRIFT_HELP}.`;
  }
  return [...new Set(parts as DriftKind[])];
}

/** Where a drifting list page comes from: the offset and count read from the dataset. */
export function driftPage(kinds: readonly DriftKind[], offset: number, limit: number) {
  return {
    offset: kinds.includes('duplicate-page') ? 0 : offset,
    limit: kinds.includes('ignore-limit') ? limit * 2 : limit,
  };
}

/** A profile's JSON with the field-level drifts applied. */
export function driftProfileJson(json: string, kinds: readonly DriftKind[]): string {
  if (!kinds.some((k) => k === 'missing-field' || k === 'wrong-type' || k === 'unknown-enum')) return json;
  const profile = JSON.parse(json) as Record<string, unknown>;
  if (kinds.includes('missing-field')) delete profile.platform_username;
  if (kinds.includes('wrong-type'))
    profile.created_at = Math.floor(Date.parse(`${String(profile.created_at)}Z`) / 1000);
  if (kinds.includes('unknown-enum')) profile.gender = 'NON_BINARY';
  return JSON.stringify(profile);
}
