import type { Profile } from '@insightiq/profiles-types';
import { BoundedCache } from './bounded-cache.js';
import { generatedProfile, PLATFORMS, PROFILES_PER_USER, referenceProfiles } from './generate.js';
import { decodeId, encodeId } from './ids.js';

/** The filters of `GET /v1/profiles`, combined with AND. */
export interface ProfileFilter {
  user_id?: string | undefined;
  work_platform_id?: string | undefined;
  account_id?: string | undefined;
}

/** The profiles a sandbox serves: generated on demand, or the caller's own records. */
export interface ProfileSource {
  /** How many profiles there are. */
  readonly size: number;
  /** The JSON text of the profile with this id, or undefined. */
  json(id: string): string | undefined;
  /** The JSON texts of one page of the profiles that match every given filter, in order. */
  page(filter: ProfileFilter, offset: number, limit: number): string[];
}

const FILTERS = ['user_id', 'work_platform_id', 'account_id'] as const;
const FIELD = { user_id: 'user', work_platform_id: 'work_platform', account_id: 'account' } as const;
type Key = (typeof FILTERS)[number];
const given = (filter: ProfileFilter) => FILTERS.filter((k) => filter[k] !== undefined);

/** Positions of a list of records by each filter's value (lower-cased). */
function indexRecords(records: Profile[]): Record<Key, Map<string, number[]>> {
  const index = { user_id: new Map(), work_platform_id: new Map(), account_id: new Map() } as Record<
    Key,
    Map<string, number[]>
  >;
  records.forEach((p, i) => {
    for (const key of FILTERS) {
      const value = p[FIELD[key]].id.toLowerCase();
      const list = index[key].get(value);
      if (list) list.push(i);
      else index[key].set(value, [i]);
    }
  });
  return index;
}

/** The caller's own records (the `data` option), indexed once. */
export class RecordSource implements ProfileSource {
  readonly size: number;
  readonly #json: string[];
  readonly #records: Profile[];
  readonly #byId = new Map<string, number>();
  readonly #index: Record<Key, Map<string, number[]>>;

  constructor(records: Profile[]) {
    this.size = records.length;
    this.#records = records;
    this.#json = records.map((p) => JSON.stringify(p));
    records.forEach((p, i) => {
      this.#byId.set(p.id.toLowerCase(), i);
    });
    this.#index = indexRecords(records);
  }

  json(id: string): string | undefined {
    const i = this.#byId.get(id.toLowerCase());
    return i === undefined ? undefined : this.#json[i];
  }

  /** The JSON text of the record at a position. */
  jsonAt(position: number): string | undefined {
    return this.#json[position];
  }

  /** The positions of the records whose filter `key` has this (lower-cased) value. */
  positions(key: Key, value: string): readonly number[] {
    return this.#index[key].get(value) ?? [];
  }

  page(filter: ProfileFilter, offset: number, limit: number): string[] {
    const keys = given(filter);
    if (keys.length === 0) return this.#json.slice(offset, offset + limit);
    const lists = keys.map((k) => this.#index[k].get((filter[k] as string).toLowerCase()) ?? []);
    const [smallest] = [...lists].sort((a, b) => a.length - b.length) as [number[]];
    const matches = smallest.filter((i) =>
      keys.every(
        (k) => this.#records[i]?.[FIELD[k]].id.toLowerCase() === (filter[k] as string).toLowerCase(),
      ),
    );
    return matches.slice(offset, offset + limit).map((i) => this.#json[i] as string);
  }
}

/**
 * The reference page's ten profiles, then `count` generated ones, computed on demand from (seed,
 * index): nothing is held per profile, so start-up and memory do not grow with `count`, and every
 * page, filtered or not, costs in proportion to the page. Generated ids carry their index
 * (`ids.ts`); profile i belongs to user floor(i / 2) and sits on platform i mod 6.
 */
export class GeneratedSource implements ProfileSource {
  readonly size: number;
  readonly #seed: string;
  readonly #count: number;
  readonly #reference: RecordSource;
  readonly #referenceRecords: Profile[];
  readonly #cache = new BoundedCache<number, string>(10_000);

  constructor(count: number, seed: string) {
    this.#seed = seed;
    this.#count = count;
    this.#referenceRecords = referenceProfiles();
    this.#reference = new RecordSource(this.#referenceRecords);
    this.size = this.#referenceRecords.length + count;
  }

  /** The JSON of generated profile i. */
  #generated(i: number): string {
    return this.#cache.get(i, () => JSON.stringify(generatedProfile(this.#seed, i)));
  }

  /** The JSON of the profile at a position of the whole list. */
  #at(position: number): string {
    const r = this.#referenceRecords.length;
    return position < r ? (this.#reference.jsonAt(position) as string) : this.#generated(position - r);
  }

  json(id: string): string | undefined {
    const reference = this.#reference.json(id);
    if (reference) return reference;
    const i = decodeId(this.#seed, 'profile', id);
    return i !== undefined && i < this.#count ? this.#generated(i) : undefined;
  }

  /** The filter values of the profile at a position, without generating it. */
  #keysAt(position: number): Record<Key, string> {
    const r = this.#referenceRecords.length;
    if (position < r) {
      const p = this.#referenceRecords[position] as Profile;
      return { user_id: p.user.id, work_platform_id: p.work_platform.id, account_id: p.account.id };
    }
    const i = position - r;
    return {
      user_id: encodeId(this.#seed, 'user', Math.floor(i / PROFILES_PER_USER)),
      work_platform_id: (PLATFORMS[i % PLATFORMS.length] as { id: string }).id,
      account_id: encodeId(this.#seed, 'account', i),
    };
  }

  /** Positions matching one user or account filter: a handful, found without a scan. */
  #few(key: 'user_id' | 'account_id', value: string): number[] {
    const r = this.#referenceRecords.length;
    const positions = [...this.#reference.positions(key, value)];
    const n = decodeId(this.#seed, key === 'user_id' ? 'user' : 'account', value);
    if (n !== undefined) {
      const first = key === 'user_id' ? n * PROFILES_PER_USER : n;
      const count = key === 'user_id' ? PROFILES_PER_USER : 1;
      for (let i = first; i < first + count && i < this.#count; i++) positions.push(r + i);
    }
    return positions;
  }

  page(filter: ProfileFilter, offset: number, limit: number): string[] {
    const keys = given(filter);
    const out: string[] = [];
    const value = (k: Key) => (filter[k] as string).toLowerCase();
    if (keys.length === 0) {
      for (let p = offset; p < Math.min(offset + limit, this.size); p++) out.push(this.#at(p));
      return out;
    }
    const small = keys.find((k): k is 'user_id' | 'account_id' => k !== 'work_platform_id');
    if (small) {
      const matches = this.#few(small, value(small)).filter((p) => {
        const at = this.#keysAt(p);
        return keys.every((k) => at[k].toLowerCase() === value(k));
      });
      return matches.slice(offset, offset + limit).map((p) => this.#at(p));
    }
    // Only a platform: the reference matches, then every sixth generated profile.
    const reference = this.#reference.positions('work_platform_id', value('work_platform_id'));
    const platform = PLATFORMS.findIndex((p) => p.id.toLowerCase() === value('work_platform_id'));
    for (let k = offset; k < offset + limit; k++) {
      if (k < reference.length) {
        out.push(this.#at(reference[k] as number));
        continue;
      }
      const i = platform + (k - reference.length) * PLATFORMS.length;
      if (platform === -1 || i >= this.#count) break;
      out.push(this.#generated(i));
    }
    return out;
  }
}
