import { openapi } from '@insightiq/profiles-spec';
import { describe, expect, it } from 'vitest';
import { diffContracts } from '../src/contract-diff.mjs';

type Doc = any;
const clone = (): Doc => structuredClone(openapi);
const S = (doc: Doc) => doc.components.schemas;
const P = (doc: Doc) => doc.components.parameters;

/** Each fixture: a change to the current contract, and the breaking rule and pointer it must produce. */
const breakingFixtures: Array<[string, (d: Doc) => void, string, string]> = [
  [
    'a removed path',
    (d) => delete d.paths['/v1/profiles/{id}'],
    'removed-path',
    '/paths/~1v1~1profiles~1{id}',
  ],
  [
    'a removed operation',
    (d) => (d.paths['/v1/profiles/{id}'] = {}),
    'removed-operation',
    '/paths/~1v1~1profiles~1{id}/get',
  ],
  [
    'a removed parameter',
    (d) => d.paths['/v1/profiles'].get.parameters.splice(4, 1),
    'removed-parameter',
    '/components/parameters/AccountId',
  ],
  [
    'a removed response field',
    (d) => delete S(d).Profile.properties.nick_name,
    'removed-response-field',
    '/components/schemas/Profile/properties/nick_name',
  ],
  [
    'a removed nested response field',
    (d) => delete S(d).Reputation.properties.follower_count,
    'removed-response-field',
    '/components/schemas/Reputation/properties/follower_count',
  ],
  [
    'a removed 2xx response',
    (d) => delete d.paths['/v1/profiles'].get.responses['200'],
    'removed-response',
    '/paths/~1v1~1profiles/get/responses/200',
  ],
  [
    'a narrowed parameter type',
    (d) => (P(d).UserId.schema.type = 'integer'),
    'narrowed-type',
    '/components/parameters/UserId/schema',
  ],
  [
    'a narrowed response type',
    (d) => (S(d).Profile.properties.external_id.type = 'integer'),
    'narrowed-type',
    '/components/schemas/Profile/properties/external_id',
  ],
  [
    'a narrowed response enum',
    (d) => S(d).Gender.enum.splice(2, 1),
    'narrowed-enum',
    '/components/schemas/Gender/enum',
  ],
  [
    'an enum added to a parameter',
    (d) => (P(d).UserId.schema.enum = ['x']),
    'narrowed-enum',
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
    'new-required-parameter',
    '/paths/~1v1~1profiles/get/parameters/5',
  ],
  [
    'an optional parameter made required',
    (d) => (P(d).UserId.required = true),
    'new-required-parameter',
    '/components/parameters/UserId',
  ],
  [
    'a response field made optional',
    (d) => S(d).Profile.required.splice(0, 1),
    'made-optional',
    '/components/schemas/Profile/required',
  ],
  [
    'a response field made nullable',
    (d) => (S(d).Profile.properties.url.type = ['string', 'null']),
    'made-nullable',
    '/components/schemas/Profile/properties/url',
  ],
  [
    'a $ref field made nullable',
    (d) =>
      (S(d).Profile.properties.user = {
        anyOf: [{ $ref: '#/components/schemas/UserAttribute' }, { type: 'null' }],
      }),
    'made-nullable',
    '/components/schemas/Profile/properties/user',
  ],
  [
    'a raised minimum',
    (d) => (P(d).Limit.schema.minimum = 5),
    'tightened-bound',
    '/components/parameters/Limit/schema/minimum',
  ],
  [
    'a lowered maximum',
    (d) => (P(d).Limit.schema.maximum = 50),
    'tightened-bound',
    '/components/parameters/Limit/schema/maximum',
  ],
  [
    'a new maximum',
    (d) => (P(d).Offset.schema.maximum = 10_000),
    'tightened-bound',
    '/components/parameters/Offset/schema/maximum',
  ],
  [
    'a new pattern',
    (d) => (P(d).UserId.schema.pattern = '^[a-f0-9-]+$'),
    'tightened-bound',
    '/components/parameters/UserId/schema/pattern',
  ],
];

const nonBreakingFixtures: Array<[string, (d: Doc) => void, string]> = [
  [
    'an added response field',
    (d) => (S(d).Profile.properties.username = { type: 'string' }),
    'added-response-field',
  ],
  [
    'an added optional parameter',
    (d) =>
      d.paths['/v1/profiles'].get.parameters.push({ name: 'q', in: 'query', schema: { type: 'string' } }),
    'added-parameter',
  ],
  ['an added path', (d) => (d.paths['/v1/profiles/refresh'] = { post: { responses: {} } }), 'added-path'],
  ['an added enum value in a response', (d) => S(d).Gender.enum.push('NON_BINARY'), 'widened-enum'],
  ['a loosened bound', (d) => (P(d).Limit.schema.maximum = 500), 'loosened-bound'],
  ['a removed minimum', (d) => delete P(d).Offset.schema.minimum, 'loosened-bound'],
  ['a widened parameter type', (d) => (P(d).Limit.schema.type = ['integer', 'string']), 'widened-type'],
  ['a parameter widened from integer to number', (d) => (P(d).Limit.schema.type = 'number'), 'widened-type'],
  [
    'a field made non-nullable',
    (d) => (S(d).Profile.properties.full_name.type = 'string'),
    'made-non-nullable',
  ],
  ['a field made required', (d) => S(d).Profile.required.push('url'), 'made-required'],
  [
    'an added error response',
    (d) => (d.paths['/v1/profiles'].get.responses['404'] = { description: 'x' }),
    'added-response',
  ],
  [
    'a removed error response',
    (d) => delete d.paths['/v1/profiles'].get.responses['403'],
    'removed-error-response',
  ],
];

describe('diffContracts', () => {
  it('finds nothing between the contract and itself', () => {
    expect(diffContracts(openapi, clone())).toEqual({ breaking: [], nonBreaking: [] });
  });

  it.each(breakingFixtures)('%s is breaking (%s at %s)', (_name, mutate, rule, pointer) => {
    const after = clone();
    mutate(after);
    const { breaking } = diffContracts(openapi, after);
    const hit = breaking.find((c) => c.rule === rule && c.pointer === pointer);
    expect(hit, JSON.stringify(breaking, null, 1)).toBeDefined();
  });

  it.each(nonBreakingFixtures)('%s is not breaking (%s)', (_name, mutate, rule) => {
    const after = clone();
    mutate(after);
    const { breaking, nonBreaking } = diffContracts(openapi, after);
    expect(breaking).toEqual([]);
    expect(nonBreaking.map((c) => c.rule)).toContain(rule);
  });

  it('describes each change in words', () => {
    const after = clone();
    P(after).Limit.schema.maximum = 50;
    expect(diffContracts(openapi, after).breaking).toEqual([
      {
        pointer: '/components/parameters/Limit/schema/maximum',
        rule: 'tightened-bound',
        message: 'GET /v1/profiles parameter limit: maximum 100 → 50',
      },
    ]);
  });
});
