import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openapi } from '@insightiq/profiles-spec';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatChange, operationOf, rateContract } from '../src/contract-rating.mjs';
import { REDOCLY_CONFIG, redoclyDiff } from '../src/redocly-diff.mjs';

// Every test here runs `redocly diff` (about a second each): vitest.config.ts gives them 60 s.
type Doc = any;
const S = (doc: Doc) => doc.components.schemas;
const P = (doc: Doc) => doc.components.parameters;

const dir = mkdtempSync(join(tmpdir(), 'contract-rating-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const BASE = join(dir, 'base.json');
writeFileSync(BASE, JSON.stringify(openapi));

/** Writes a changed copy of the current contract; returns its path. */
function revision(mutate: (d: Doc) => void): string {
  const doc = structuredClone(openapi) as Doc;
  mutate(doc);
  const path = join(dir, 'revision.json');
  writeFileSync(path, JSON.stringify(doc));
  return path;
}
const rate = (mutate: (d: Doc) => void) => rateContract(BASE, revision(mutate));

/** Each case that the old hand-written diff rated breaking: the rule and pointer redocly names it by. */
const breakingFixtures: Array<[string, (d: Doc) => void, string, string]> = [
  [
    'a removed path',
    (d) => delete d.paths['/v1/profiles/{id}'],
    'path-removed',
    '/paths/~1v1~1profiles~1{id}',
  ],
  [
    'a removed operation',
    (d) => (d.paths['/v1/profiles/{id}'] = {}),
    'operation-removed',
    '/paths/~1v1~1profiles~1{id}/get',
  ],
  [
    'a removed parameter',
    (d) => d.paths['/v1/profiles'].get.parameters.splice(4, 1),
    'parameter-removed',
    '/paths/~1v1~1profiles/get/parameters/4',
  ],
  [
    'a removed response field',
    (d) => delete S(d).Profile.properties.nick_name,
    'property-removed',
    '/components/schemas/Profile/properties/nick_name',
  ],
  [
    'a removed nested response field',
    (d) => delete S(d).Reputation.properties.follower_count,
    'property-removed',
    '/components/schemas/Reputation/properties/follower_count',
  ],
  [
    'a removed 2xx response',
    (d) => delete d.paths['/v1/profiles'].get.responses['200'],
    'response-removed',
    '/paths/~1v1~1profiles/get/responses/200',
  ],
  [
    'a narrowed parameter type',
    (d) => (P(d).UserId.schema.type = 'integer'),
    'schema-type-changed',
    '/components/parameters/UserId/schema/type',
  ],
  [
    'a changed response type',
    (d) => (S(d).Profile.properties.external_id.type = 'integer'),
    'schema-type-changed',
    '/components/schemas/Profile/properties/external_id/type',
  ],
  [
    'an enum added to a parameter',
    (d) => (P(d).UserId.schema.enum = ['x']),
    'enum-values-removed',
    '/components/parameters/UserId/schema/enum',
  ],
  [
    'a new required parameter',
    (d) =>
      d.paths['/v1/profiles'].get.parameters.push({
        name: 'team_id',
        in: 'query',
        required: true,
        schema: { type: 'string' },
      }),
    'parameter-became-required',
    '/paths/~1v1~1profiles/get/parameters/5/required',
  ],
  [
    'an optional parameter made required',
    (d) => (P(d).UserId.required = true),
    'parameter-became-required',
    '/components/parameters/UserId/required',
  ],
  [
    'a response field made optional',
    (d) => S(d).Profile.required.splice(0, 1),
    'required-properties-removed',
    '/components/schemas/Profile/required',
  ],
  [
    'a response field made nullable',
    (d) => (S(d).Profile.properties.url.type = ['string', 'null']),
    'schema-type-changed',
    '/components/schemas/Profile/properties/url/type',
  ],
  [
    'a $ref field made nullable',
    (d) =>
      (S(d).Profile.properties.user = {
        anyOf: [{ $ref: '#/components/schemas/UserAttribute' }, { type: 'null' }],
      }),
    'schema-type-changed',
    '/components/schemas/Profile/properties/user',
  ],
  [
    'a raised minimum',
    (d) => (P(d).Limit.schema.minimum = 5),
    'schema-constraint-changed',
    '/components/parameters/Limit/schema/minimum',
  ],
  [
    'a lowered maximum',
    (d) => (P(d).Limit.schema.maximum = 50),
    'schema-constraint-changed',
    '/components/parameters/Limit/schema/maximum',
  ],
  [
    'a new maximum',
    (d) => (P(d).UserId.schema.maxLength = 36),
    'schema-constraint-changed',
    '/components/parameters/UserId/schema/maxLength',
  ],
  [
    'a new pattern',
    (d) => (P(d).UserId.schema.pattern = '^[a-f0-9-]+$'),
    'schema-constraint-changed',
    '/components/parameters/UserId/schema/pattern',
  ],
  [
    'a new format',
    (d) => (P(d).Limit.schema.format = 'int32'),
    'schema-constraint-changed',
    '/components/parameters/Limit/schema/format',
  ],
];

/** Ratings of the changes the old diff called non-breaking: some are rated higher now. */
const otherFixtures: Array<[string, (d: Doc) => void, string]> = [
  // Clients receive fewer values than before: nothing they handle goes away.
  ['a narrowed response enum (a Gender value removed)', (d) => S(d).Gender.enum.splice(2, 1), 'patch'],
  // Clients may receive a value they do not know: the generated union gains a member.
  ['an added response enum value', (d) => S(d).Gender.enum.push('NON_BINARY'), 'major'],
  // A typed error response is gone.
  ['a removed error response', (d) => delete d.paths['/v1/profiles'].get.responses['403'], 'major'],
  ['an added response field', (d) => (S(d).Profile.properties.username = { type: 'string' }), 'minor'],
  [
    'an added optional parameter',
    (d) =>
      d.paths['/v1/profiles'].get.parameters.push({ name: 'q', in: 'query', schema: { type: 'string' } }),
    'minor',
  ],
  ['an added path', (d) => (d.paths['/v1/profiles/refresh'] = { post: { responses: {} } }), 'minor'],
  [
    'an added error response',
    (d) => (d.paths['/v1/profiles'].get.responses['404'] = { description: 'x' }),
    'minor',
  ],
  ['a loosened bound', (d) => (P(d).Limit.schema.maximum = 500), 'patch'],
  ['a removed minimum', (d) => delete P(d).Offset.schema.minimum, 'patch'],
  ['a widened parameter type', (d) => (P(d).Limit.schema.type = ['integer', 'string']), 'patch'],
  ['a field made non-nullable', (d) => (S(d).Profile.properties.full_name.type = 'string'), 'patch'],
  ['a field made required', (d) => S(d).Profile.required.push('url'), 'patch'],
  ['a new description', (d) => (S(d).Profile.description = 'A profile.'), 'patch'],
];

describe('rateContract: redocly diff and the kit rules', () => {
  it('finds nothing between the contract and itself', () => {
    expect(rateContract(BASE, BASE)).toEqual({ rating: 'none', changes: [] });
  });

  it.each(breakingFixtures)('%s is major (%s at %s)', (_name, mutate, rule, pointer) => {
    const { rating, changes } = rate(mutate);
    expect(rating).toBe('major');
    const hit = changes.find((c) => c.rule === rule && c.pointer === pointer);
    expect(hit, JSON.stringify(changes, null, 1)).toMatchObject({ impact: 'major' });
  });

  it.each(otherFixtures)('%s rates %s', (_name, mutate, rating) => {
    expect(rate(mutate).rating).toBe(rating);
  });

  it('names each change by pointer, rule and operation, in words', () => {
    const { changes } = rate((d) => (P(d).Limit.schema.maximum = 50));
    expect(changes).toEqual([
      {
        impact: 'major',
        rule: 'schema-constraint-changed',
        pointer: '/components/parameters/Limit/schema/maximum',
        operation: 'GET /v1/profiles',
        message: "Upper bound changed from '<= 100' to '<= 50'.",
      },
    ]);
    expect(formatChange(changes[0])).toBe(
      "major  /components/parameters/Limit/schema/maximum  [schema-constraint-changed]  GET /v1/profiles: Upper bound changed from '<= 100' to '<= 50'.",
    );
  });

  it('leaves info.version out, as redocly does', () => {
    expect(rate((d) => (d.info.version = '9.9.9'))).toEqual({ rating: 'none', changes: [] });
  });

  it.each([
    [
      'a renamed path template',
      (d: Doc) => {
        d.paths['/v1/profiles/{profile_id}'] = d.paths['/v1/profiles/{id}'];
        delete d.paths['/v1/profiles/{id}'];
        P(d).ProfileId.name = 'profile_id';
      },
      'path-template-renamed',
    ],
    [
      'a removed response schema',
      (d: Doc) => delete d.paths['/v1/profiles'].get.responses['200'].content['application/json'].schema,
      'response-schema-removed',
    ],
    [
      'a response header made optional',
      (d: Doc) => (d.components.headers.RequestId.required = false),
      'response-header-made-optional',
    ],
  ])('%s, which redocly rates patch, is major by the kit rule %s', (_name, mutate, rule) => {
    const { rating, changes } = rate(mutate);
    expect(rating).toBe('major');
    expect(changes.filter((c) => c.impact === 'major').map((c) => c.rule)).toEqual([rule]);
  });
});

describe('redoclyDiff', () => {
  it('runs offline with telemetry off and the diff-recommended rules', () => {
    expect(parse(readFileSync(REDOCLY_CONFIG, 'utf8'))).toMatchObject({
      telemetry: 'off',
      extends: ['diff-recommended'],
    });
  });

  it('says so when redocly is not installed', () => {
    expect(() => redoclyDiff(BASE, BASE, { bin: join(dir, 'no-redocly') })).toThrow(
      /^redocly is not installed at .*no-redocly: run pnpm install/,
    );
  });

  it('says so, with its output, when redocly fails', () => {
    const broken = revision((d) => (S(d).Profile.properties.user = { $ref: '#/components/schemas/Nope' }));
    expect(() => redoclyDiff(BASE, broken)).toThrow(
      /redocly diff .* failed \(exit code 1\); its output:\n[\s\S]*Can't resolve \$ref/,
    );
  });

  it('names a missing contract', () => {
    expect(() => redoclyDiff(BASE, join(dir, 'missing.json'))).toThrow(
      /^redocly diff: no contract at .*missing\.json$/,
    );
  });
});

describe('operationOf', () => {
  it.each([
    ['#/paths/~1v1~1profiles/get/parameters/0/schema', 'GET /v1/profiles'],
    ['#/paths/~1v1~1profiles~1{id}', '/v1/profiles/{id}'],
    ['#/components/schemas/Profile', undefined],
  ])('%s → %s', (path, operation) => {
    expect(operationOf(path)).toBe(operation);
  });
});
