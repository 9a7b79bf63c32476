import { openapi } from '@insightiq/profiles-spec';
import type { Profile, WorkPlatformAttribute } from '@insightiq/profiles-types';
import { encodeId } from './ids.js';
import { prng } from './prng.js';

/** The reference page's own sample: the ten profiles of the contract's `ProfileListSample` example. */
export function referenceProfiles(): Profile[] {
  const example = openapi.components.examples?.ProfileListSample?.value as { data: Profile[] };
  return structuredClone(example.data);
}

/** The work platforms of the sample, which generated profiles are spread over (profile i on platform i mod n). */
export const PLATFORMS: WorkPlatformAttribute[] = [
  ...new Map(referenceProfiles().map((p) => [p.work_platform.id, p.work_platform])).values(),
];

/** Generated profiles per user: profiles 2u and 2u + 1 belong to user u. */
export const PROFILES_PER_USER = 2;

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
const GENDERS = ['MALE', 'FEMALE', 'OTHER', 'UNSPECIFIED', null] as const;
const CATEGORIES = ['Blog', 'Gaming', 'Music', 'Education', null];

/** The user of generated user number `u`. */
export function generatedUser(seed: string, u: number): { id: string; name: string } {
  const rand = prng(`${seed}:user:${u}`);
  const name = `${FIRST[Math.floor(rand() * FIRST.length)]} ${LAST[Math.floor(rand() * LAST.length)]}`;
  return { id: encodeId(seed, 'user', u), name };
}

/** Random draws for one profile, in a fixed order: the same (seed, index) always draws the same. */
function diceOf(rand: () => number) {
  const int = (max: number) => Math.floor(rand() * max);
  return {
    rand,
    int,
    pick: <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T,
    timestamp: () => {
      const d = new Date(Date.UTC(2020, 0, 1) + int(4 * 365 * 86_400_000));
      return `${d.toISOString().slice(0, 19)}.${String(int(1_000_000)).padStart(6, '0')}`;
    },
  };
}

/** The career fields of every fifth generated profile: a job, a degree, an honour. */
function career(
  { pick, int }: ReturnType<typeof diceOf>,
  platform: WorkPlatformAttribute,
): Pick<Profile, 'work_experiences' | 'education' | 'honors'> {
  return {
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
  };
}

/**
 * Generated profile number `i` of a seed: contract-valid, and the same for the same (seed, i)
 * whatever else is generated, so that a dataset of any size is computed on demand.
 */
export function generatedProfile(seed: string, i: number): Profile {
  const dice = diceOf(prng(`${seed}:profile:${i}`));
  const { rand, pick, int, timestamp } = dice;
  const user = generatedUser(seed, Math.floor(i / PROFILES_PER_USER));
  const [first, last] = user.name.split(' ') as [string, string];
  const platform = PLATFORMS[i % PLATFORMS.length] as WorkPlatformAttribute;
  const handle = `${first}${last}${i}`.toLowerCase();
  const host = platform.name.toLowerCase().replace(/\s+/g, '');
  const created = timestamp();
  const profile: Profile = {
    id: encodeId(seed, 'profile', i),
    created_at: created,
    updated_at: created,
    user,
    account: { id: encodeId(seed, 'account', i), platform_username: `${handle}@example.com` },
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
  };
  if (i % 5 === 0) Object.assign(profile, career(dice, platform));
  return profile;
}
