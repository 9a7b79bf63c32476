import { readFileSync } from 'node:fs';
import { openapi } from '@insightiq/profiles-spec';
import type { ContractValidator } from '@insightiq/profiles-spec/validate';
import { BoundedCache } from './bounded-cache.js';

/** A profile as the mock serves it (the contract's `Profile`). */
export type ProfileRecord = Record<string, unknown> & {
  id: string;
  user: { id: string; name?: string };
  account: { id: string; platform_username?: string | null };
  work_platform: { id: string; name: string; logo_url: string };
};

/** The filters of `GET /v1/profiles`, combined with AND. */
export interface ProfileFilter {
  user_id?: string | undefined;
  work_platform_id?: string | undefined;
  account_id?: string | undefined;
}

const FILTER_KEYS = ['user_id', 'work_platform_id', 'account_id'] as const;
const FIELD_OF = { user_id: 'user', work_platform_id: 'work_platform', account_id: 'account' } as const;

/**
 * Profiles indexed for the API's list semantics. A page costs time in proportion to the page (or,
 * with several filters, to the smallest matching filter's list, computed once and cached), never to
 * the whole dataset. Bodies are serialised once, when the dataset is built.
 */
export class Dataset {
  readonly size: number;
  readonly #json: string[];
  readonly #byId = new Map<string, number>();
  readonly #indexes = { user_id: new Map(), work_platform_id: new Map(), account_id: new Map() } as Record<
    (typeof FILTER_KEYS)[number],
    Map<string, number[]>
  >;
  readonly #combined = new BoundedCache<string, number[]>(10_000);
  readonly #pages = new BoundedCache<string, Buffer>(1000);

  constructor(readonly profiles: ProfileRecord[]) {
    this.size = profiles.length;
    this.#json = profiles.map((p) => JSON.stringify(p));
    profiles.forEach((p, i) => {
      this.#byId.set(p.id.toLowerCase(), i);
      for (const key of FILTER_KEYS) {
        const value = p[FIELD_OF[key]].id.toLowerCase();
        const list = this.#indexes[key].get(value);
        if (list) list.push(i);
        else this.#indexes[key].set(value, [i]);
      }
    });
  }

  /** The JSON text of the profile with this id, or undefined. */
  getJson(id: string): string | undefined {
    const i = this.#byId.get(id.toLowerCase());
    return i === undefined ? undefined : this.#json[i];
  }

  /**
   * The `GET /v1/profiles` body of one page, as bytes. The dataset never changes, so the last
   * 1,000 distinct pages are kept serialised.
   */
  pageBody(filter: ProfileFilter, offset: number, limit: number): Buffer {
    const key =
      `${filter.user_id}|${filter.work_platform_id}|${filter.account_id}|${offset}|${limit}`.toLowerCase();
    return this.#pages.get(key, () => {
      const data = this.pageJson(filter, offset, limit).join(',');
      return Buffer.from(
        `{"data":[${data}],"metadata":{"offset":${offset},"limit":${limit},"from_date":null,"to_date":null}}`,
      );
    });
  }

  /** The JSON texts of one page of the profiles that match every given filter. */
  pageJson(filter: ProfileFilter, offset: number, limit: number): string[] {
    const matches = this.#matches(filter);
    const out: string[] = [];
    if (matches === null) {
      for (let i = offset; i < Math.min(offset + limit, this.size); i++) out.push(this.#json[i] as string);
    } else {
      for (let i = offset; i < Math.min(offset + limit, matches.length); i++)
        out.push(this.#json[matches[i] as number] as string);
    }
    return out;
  }

  /** Indexes of the matching profiles in order, or null for "all". */
  #matches(filter: ProfileFilter): number[] | null {
    const given = FILTER_KEYS.filter((k) => filter[k] !== undefined);
    if (given.length === 0) return null;
    const lists = given.map((k) => this.#indexes[k].get((filter[k] as string).toLowerCase()) ?? []);
    if (lists.length === 1) return lists[0] as number[];
    const key = given.map((k) => `${k}=${(filter[k] as string).toLowerCase()}`).join('&');
    return this.#combined.get(key, () => {
      const [smallest, ...others] = [...lists].sort((a, b) => a.length - b.length) as [
        number[],
        ...number[][],
      ];
      const sets = others.map((l) => new Set(l));
      return smallest.filter((i) => sets.every((s) => s.has(i)));
    });
  }
}

/** The reference page's own sample: the ten profiles of the `ProfileListSample` example. */
export function referenceProfiles(): ProfileRecord[] {
  const example = openapi.components.examples?.ProfileListSample?.value as { data: ProfileRecord[] };
  return structuredClone(example.data);
}

/** A small, fast, seedable PRNG (mulberry32). */
export function prng(seed: string | number): () => number {
  let h = 2166136261;
  for (const ch of String(seed)) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  let s = h >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Ava',
  'Liam',
  'Noah',
  'Emma',
  'Mia',
  'Arjun',
  'Priya',
  'Kenji',
  'Sofia',
  'Lucas',
  'Zara',
  'Omar',
  'Chen',
  'Ines',
  'Yara',
];
const LAST = [
  'Patel',
  'Garcia',
  'Kim',
  'Okafor',
  'Silva',
  'Novak',
  'Rossi',
  'Haddad',
  'Larsen',
  'Mehta',
  'Tanaka',
  'Dubois',
];
const COUNTRIES = ['US', 'IN', 'GB', 'DE', 'BR', 'JP', null];
const GENDERS = ['MALE', 'FEMALE', 'OTHER', 'UNSPECIFIED', null];
const CATEGORIES = ['Blog', 'Gaming', 'Music', 'Education', null];

/**
 * The mock's default data: the reference page's ten profiles, then `count` generated ones that are
 * deterministic for a seed. Generated users own one to three profiles each, on the sample's platforms.
 */
export function sandboxProfiles(count: number, seed: string | number): ProfileRecord[] {
  const reference = referenceProfiles();
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const int = (max: number) => Math.floor(rand() * max);
  const hex = (n: number) => Array.from({ length: n }, () => int(16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(4)]}${hex(3)}-${hex(12)}`;
  const platforms = [...new Map(reference.map((p) => [p.work_platform.id, p.work_platform])).values()];
  const timestamp = () => {
    const d = new Date(Date.UTC(2020, 0, 1) + int(4 * 365 * 86_400_000));
    return `${d.toISOString().slice(0, 19)}.${String(int(1_000_000)).padStart(6, '0')}`;
  };
  const profiles: ProfileRecord[] = [];
  let user = { id: uuid(), name: `${pick(FIRST)} ${pick(LAST)}` };
  let owned = 0;
  for (let i = 0; i < count; i++) {
    if (owned >= 1 + int(3)) {
      user = { id: uuid(), name: `${pick(FIRST)} ${pick(LAST)}` };
      owned = 0;
    }
    owned++;
    const [first, last] = user.name.split(' ') as [string, string];
    const platform = pick(platforms);
    const handle = `${first}${last}${i}`.toLowerCase();
    const host = platform.name.toLowerCase().replace(/\s+/g, '');
    const created = timestamp();
    const withDetails = i % 5 === 0;
    profiles.push({
      id: uuid(),
      created_at: created,
      updated_at: created,
      user: { ...user },
      account: { id: uuid(), platform_username: `${handle}@example.com` },
      work_platform: { ...platform },
      platform_username: handle,
      full_name: user.name,
      first_name: first,
      last_name: last,
      nick_name: rand() < 0.3 ? handle : null,
      url: `https://www.${host}.com/${handle}`,
      introduction:
        rand() < 0.5
          ? `${first} makes ${pick(['videos', 'music', 'streams', 'posts'])} about ${pick(['tech', 'food', 'travel', 'games'])}.`
          : null,
      image_url: `https://www.${host}.com/${handle}/photo.jpg`,
      date_of_birth:
        rand() < 0.4
          ? `19${70 + int(30)}-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`
          : null,
      external_id: String(100_000_000 + i),
      platform_account_type: rand() < 0.3 ? 'CREATOR' : null,
      category: pick(CATEGORIES),
      website: rand() < 0.3 ? `https://${handle}.example.com` : null,
      reputation: {
        follower_count: int(2_000_000),
        following_count: int(5000),
        subscriber_count: rand() < 0.5 ? int(1_000_000) : null,
        content_count: int(3000),
        content_group_count: null,
        watch_time_in_hours: null,
      },
      emails: rand() < 0.5 ? [{ type: 'WORK', email_id: `${handle}@example.com` }] : [],
      phone_numbers:
        rand() < 0.2
          ? [{ type: 'WORK', phone_number: `+1555${String(int(10_000_000)).padStart(7, '0')}` }]
          : [],
      addresses:
        rand() < 0.3
          ? [{ type: 'WORK', address: `${1 + int(999)} Market Street, San Francisco, CA, USA` }]
          : [],
      gender: pick(GENDERS),
      country: pick(COUNTRIES),
      platform_profile_name: user.name,
      platform_profile_id: String(9_000_000_000 + i),
      platform_profile_published_at: rand() < 0.7 ? timestamp() : null,
      is_verified: rand() < 0.2,
      is_business: rand() < 0.2,
      ...(withDetails && {
        work_experiences: [
          {
            title: pick(['Creator', 'Producer', 'Engineer']),
            company: {
              name: pick(['Acme', 'Globex', 'Initech']),
              industries: ['Media'],
              logo_url: null,
              employee_count: { min: 11, max: 50 },
            },
            description: null,
            time_period: { start_date: { month: 1 + int(12), year: 2015 + int(8) }, end_date: null },
            location: { name: 'Remote', country: pick(COUNTRIES) },
          },
        ],
        education: [
          {
            degree: 'BA',
            field_study: 'Film',
            grade: null,
            school: { name: 'State University', logo_url: null },
            description: null,
            time_period: null,
            activities: null,
          },
        ],
        honors: [
          {
            title: 'Creator of the year',
            issuer: platform.name,
            description: null,
            date: { month: 12, year: 2022 },
          },
        ],
      }),
    });
  }
  return [...reference, ...profiles];
}

/**
 * Reads the user's fixtures (`--data FILE`): a JSON array of profiles, or a `{ "data": [...] }` page.
 * Every record is checked against the contract's `Profile`; the error names the record and field.
 */
export function loadProfilesFile(path: string, contract: ContractValidator): ProfileRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`--data ${path}: cannot read it as JSON: ${(error as Error).message}`);
  }
  const records = Array.isArray(parsed) ? parsed : (parsed as { data?: unknown })?.data;
  if (!Array.isArray(records)) {
    throw new Error(`--data ${path}: expected a JSON array of profiles or an object with a "data" array`);
  }
  const seen = new Set<string>();
  records.forEach((record, i) => {
    const issue = contract.validateSchema('Profile', record)[0];
    const label = `record ${i}${typeof record?.id === 'string' ? ` (id ${record.id})` : ''}`;
    if (issue) throw new Error(`--data ${path}: ${label}: field ${issue.path || '/'} ${issue.message}`);
    if (seen.has(record.id)) throw new Error(`--data ${path}: ${label}: duplicate id`);
    seen.add(record.id);
  });
  return records as ProfileRecord[];
}
