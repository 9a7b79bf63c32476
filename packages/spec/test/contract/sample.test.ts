import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openapi } from '../../src/index.js';
import { createContractValidator } from '../../src/validate.js';
import { recordedDigests, referencePageText, repoRoot, sample, sampleText } from '../fixtures/reference.js';

const contract = createContractValidator(openapi);
const listBody = (body: unknown) =>
  contract.validateResponse({
    operationId: 'listProfiles',
    status: 200,
    headers: { 'content-type': 'application/json', 'request-id': '5c0b7c8e-4f0a-4c58-a2b2-6d3c3f1f9c11' },
    body,
  });

describe("the API's own sample response", () => {
  it('is kept byte for byte as the reference page prints it', () => {
    const page = referencePageText;
    const start = page.indexOf('\n{\n') + 1;
    expect(start).toBeGreaterThan(0);
    expect(sampleText).toBe(page.slice(start));
  });

  it("the repository's reference page and FACTS.md are the source material as received (recorded digests)", () => {
    const copy = (name: string) => readFileSync(join(repoRoot, 'openapi/reference', name), 'utf8');
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(sha256(copy('retrieve-all-profiles.txt'))).toBe(recordedDigests['retrieve-all-profiles.txt']);
    // FACTS.md carries one comment line (where it comes from) and a blank line before the verbatim text.
    const facts = copy('FACTS.md');
    expect(facts.startsWith('<!-- Copied from')).toBe(true);
    expect(sha256(facts.slice(facts.indexOf('\n\n') + 2))).toBe(recordedDigests['FACTS.md']);
  });

  it('validates against the listProfiles 200 response (status, headers, body)', () => {
    expect(sample().data).toHaveLength(10);
    expect(listBody(sample())).toEqual([]);
    expect(contract.validateSchema('ProfileList', sample())).toEqual([]);
  });

  it('is the 200 example of listProfiles, and one of its profiles the example of getProfile', () => {
    const listExample = openapi.components.examples?.ProfileListSample;
    const getExample = openapi.components.examples?.ProfileSample;
    expect(listExample?.value).toEqual(sample());
    expect(sample().data).toContainEqual(getExample?.value);
    const list = openapi.paths['/v1/profiles']?.get?.responses['200'] as any;
    expect(list.content['application/json'].examples.referenceSample.$ref).toBe(
      '#/components/examples/ProfileListSample',
    );
  });
});

/** Each mutation breaks the sample in one way; the error must point at the broken value. */
const mutations: Array<[string, (s: any) => void, string]> = [
  ['a missing id', (s) => delete s.data[0].id, '/data/0'],
  ['an id that is not a UUID', (s) => (s.data[0].id = 'profile-1'), '/data/0/id'],
  ['gender "MAN"', (s) => (s.data[2].gender = 'MAN'), '/data/2/gender'],
  ['metadata.limit as the string "10"', (s) => (s.metadata.limit = '10'), '/metadata/limit'],
  ['metadata without offset', (s) => delete s.metadata.offset, '/metadata'],
  ['created_at "yesterday"', (s) => (s.data[0].created_at = 'yesterday'), '/data/0/created_at'],
  ['work_platform without name', (s) => delete s.data[1].work_platform.name, '/data/1/work_platform'],
  ['emails[0] without email_id', (s) => delete s.data[3].emails[0].email_id, '/data/3/emails/0'],
  ['website "not a url"', (s) => (s.data[0].website = 'not a url'), '/data/0/website'],
  ['data as an object', (s) => (s.data = { profile: s.data[0] }), '/data'],
  ['user.id that is not a UUID', (s) => (s.data[0].user.id = '42'), '/data/0/user/id'],
  ['a missing account', (s) => delete s.data[0].account, '/data/0'],
  ['is_verified as the string "true"', (s) => (s.data[0].is_verified = 'true'), '/data/0/is_verified'],
  [
    'follower_count as a float',
    (s) => (s.data[0].reputation.follower_count = 1.5),
    '/data/0/reputation/follower_count',
  ],
  ['updated_at with a date only', (s) => (s.data[0].updated_at = '2021-11-08'), '/data/0/updated_at'],
  ['platform_username missing', (s) => delete s.data[0].platform_username, '/data/0'],
  ['url null', (s) => (s.data[0].url = null), '/data/0/url'],
  ['addresses as a string', (s) => (s.data[0].addresses = '122 Alpine Avenue'), '/data/0/addresses'],
  ['metadata.offset negative', (s) => (s.metadata.offset = -1), '/metadata/offset'],
  ['metadata.limit above 100', (s) => (s.metadata.limit = 101), '/metadata/limit'],
  [
    'platform_profile_published_at "2016"',
    (s) => (s.data[0].platform_profile_published_at = '2016'),
    '/data/0/platform_profile_published_at',
  ],
  ['a missing gender', (s) => delete s.data[0].gender, '/data/0'],
  ['a missing metadata', (s) => delete s.metadata, ''],
];

describe('the contract rejects broken responses', () => {
  it.each(mutations)('rejects %s, pointing at %s', (_name, mutate, path) => {
    const broken = sample();
    mutate(broken);
    const issues = contract.validateSchema('ProfileList', broken);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.map((i) => i.pointer)).toContain(path);
  });

  // Every field the contract requires, read from the schemas (not a hand-kept list), must be missed.
  const required = (name: string) => (openapi.components.schemas[name]?.required ?? []) as string[];
  const requiredCases: Array<[string, string, (s: any) => any, string]> = [
    ...required('ProfileList').map((f): [string, string, (s: any) => any, string] => [
      'ProfileList',
      f,
      (s) => s,
      '',
    ]),
    ...required('Metadata').map((f): [string, string, (s: any) => any, string] => [
      'Metadata',
      f,
      (s) => s.metadata,
      '/metadata',
    ]),
    ...required('Profile').map((f): [string, string, (s: any) => any, string] => [
      'Profile',
      f,
      (s) => s.data[0],
      '/data/0',
    ]),
  ];

  it.each(requiredCases)('rejects a %s without its required %s', (_schema, field, parent, path) => {
    const broken = sample();
    delete parent(broken)[field];
    const issues = contract.validateSchema('ProfileList', broken);
    expect(issues).toContainEqual({ pointer: path, message: `must have required property '${field}'` });
  });
});

describe('forward compatibility', () => {
  it('accepts fields the API adds later, at every level', () => {
    const s = sample();
    s.data[0].username = 'peterparker';
    s.data[0].account.username = 'peter';
    s.data[0].user.email = 'x@example.com';
    s.data[0].reputation.like_count = 12;
    s.data[0].reputation.brand_new_count = 3;
    s.metadata.total = 10;
    s.next = null;
    expect(contract.validateSchema('ProfileList', s)).toEqual([]);
  });

  it('accepts the real data FACTS.md records: null platform_username, nested objects', () => {
    const s = sample();
    Object.assign(s.data[0], {
      platform_username: null,
      work_experiences: [
        {
          title: 'Engineer',
          company: { name: 'Acme', industries: ['IT'], logo_url: null, employee_count: { min: 1, max: 10 } },
          time_period: { start_date: { month: 1, year: 2020 }, end_date: null },
          location: { name: 'Pune', country: 'IN' },
        },
      ],
      education: [{ degree: 'BSc', school: { name: 'MIT' }, time_period: null }],
      publications: [{ name: 'Paper', date: { day: 1, month: 2, year: 2021 } }],
      honors: [{ title: 'Award', date: { month: 5, year: 2019 } }],
    });
    expect(contract.validateSchema('ProfileList', s)).toEqual([]);
  });
});
