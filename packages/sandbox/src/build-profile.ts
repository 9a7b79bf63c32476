import type { Profile } from '@insightiq/profiles-types';
import { generatedProfile } from './generate.js';

/** Every field optional, at every depth (arrays are replaced whole). */
export type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function merge(base: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    out[key] = isPlainObject(value) && isPlainObject(base[key]) ? merge(base[key], value) : value;
  }
  return out;
}

/**
 * A contract-valid profile for a test, the same for the same `seed` (and `index`), with your
 * `overrides` merged in at any depth:
 *
 * ```ts
 * const profile = buildProfile({ full_name: 'Ada Lovelace', reputation: { follower_count: 10 } });
 * ```
 * Overrides are yours to keep valid: `gender: 'MAN'` builds a profile the contract rejects.
 */
export function buildProfile(
  overrides: DeepPartial<Profile> = {},
  { seed = 'buildProfile', index = 0 }: { seed?: string; index?: number } = {},
): Profile {
  return merge(
    generatedProfile(seed, index) as unknown as Record<string, unknown>,
    overrides as Record<string, unknown>,
  ) as unknown as Profile;
}
