import { describe, expect, it } from 'vitest';
import { openapi } from '../../src/index.js';
import {
  checkValues,
  describeRule,
  issueText,
  type ParameterRule,
  parameterRules,
  readParameters,
} from '../../src/parameters.js';

const rules = parameterRules(openapi);
const list = rules.listProfiles as ParameterRule[];
const RID = '5c0b7c8e-4f0a-4c58-a2b2-6d3c3f1f9c11';

describe('parameterRules', () => {
  it('states each parameter of each operation, as the contract does', () => {
    expect(Object.keys(rules)).toEqual(['listProfiles', 'getProfile']);
    expect(list.map((r) => r.name)).toEqual(['limit', 'offset', 'user_id', 'work_platform_id', 'account_id']);
    expect(list[0]).toEqual({
      name: 'limit',
      in: 'query',
      type: 'integer',
      minimum: 1,
      maximum: 100,
      default: 10,
      rule: 'must be an integer between 1 and 100',
    });
    expect(rules.getProfile).toEqual([
      { name: 'id', in: 'path', required: true, type: 'string', format: 'uuid', rule: 'must be a UUID' },
    ]);
  });

  it('follows a change of the contract', () => {
    const copy = structuredClone(openapi);
    (copy.components.parameters?.Limit?.schema as { maximum: number }).maximum = 250;
    expect(parameterRules(copy).listProfiles?.[0]).toMatchObject({
      maximum: 250,
      rule: 'must be an integer between 1 and 250',
    });
  });

  it.each([
    ['pattern', '^[a-f]+$'],
    ['enum', ['a']],
    ['format', 'date'],
    ['type', 'boolean'],
  ])('refuses a schema keyword the checker does not enforce (%s)', (keyword, value) => {
    const copy = structuredClone(openapi);
    (copy.components.parameters?.UserId?.schema as Record<string, unknown>)[keyword] = value;
    expect(() => parameterRules(copy)).toThrow(
      `parameter user_id: the kit's checker (packages/spec/src/parameters.ts) does not enforce ${keyword}`,
    );
  });

  it('words bounds in every form', () => {
    expect(describeRule({ type: 'integer', maximum: 3 })).toBe('must be an integer <= 3');
    expect(describeRule({ type: 'integer', minimum: 0 })).toBe('must be an integer >= 0');
    expect(describeRule({ type: 'string' })).toBe('must be a string');
  });
});

describe('readParameters: values as a URL or a command line carries them', () => {
  it('converts valid values and applies defaults', () => {
    expect(readParameters(list, { query: new URLSearchParams(`limit=7&user_id=${RID}`) })).toEqual({
      values: { limit: 7, offset: 0, user_id: RID },
      issues: [],
    });
  });

  it.each([
    ['limit=0', 'limit', 'must be an integer between 1 and 100', '0'],
    ['limit=101', 'limit', 'must be an integer between 1 and 100', '101'],
    ['limit=abc', 'limit', 'must be an integer between 1 and 100', 'abc'],
    ['limit=2.5', 'limit', 'must be an integer between 1 and 100', '2.5'],
    ['limit=', 'limit', 'must be an integer between 1 and 100', ''],
    ['offset=-1', 'offset', 'must be an integer between 0 and 9007199254740991', '-1'],
    [
      'offset=99999999999999999999',
      'offset',
      'must be an integer between 0 and 9007199254740991',
      '99999999999999999999',
    ],
    [
      'offset=9007199254740993',
      'offset',
      'must be an integer between 0 and 9007199254740991',
      '9007199254740993',
    ],
    ['user_id=nope', 'user_id', 'must be a UUID', 'nope'],
    ['account_id=1', 'account_id', 'must be a UUID', '1'],
    ['limit=1&limit=2', 'limit', 'must be given once, not 2 times', ['1', '2']],
  ])('%s: %s %s', (qs, name, rule, got) => {
    expect(readParameters(list, { query: new URLSearchParams(qs) }).issues).toEqual([
      { in: 'query', name, rule, got },
    ]);
  });

  it('takes a plain object, a repeated key as an array', () => {
    expect(readParameters(list, { query: { limit: ['5', '6'], offset: '3' } })).toEqual({
      values: { offset: 3 },
      issues: [{ in: 'query', name: 'limit', rule: 'must be given once, not 2 times', got: ['5', '6'] }],
    });
  });

  it('reads path parameters, which may be required', () => {
    const get = rules.getProfile as ParameterRule[];
    expect(readParameters(get, { path: { id: 'x' } }).issues).toEqual([
      { in: 'path', name: 'id', rule: 'must be a UUID', got: 'x' },
    ]);
    expect(readParameters(get, {}).issues).toEqual([
      { in: 'path', name: 'id', rule: 'is required and must be a UUID' },
    ]);
  });
});

describe('checkValues: typed values, as the client takes them', () => {
  it.each([
    [{ limit: 0 }, 'limit', 'must be an integer between 1 and 100', 0],
    [{ limit: 2.5 }, 'limit', 'must be an integer between 1 and 100', 2.5],
    [{ limit: '10' }, 'limit', 'must be an integer between 1 and 100', '10'],
    [{ offset: Number.NaN }, 'offset', 'must be an integer between 0 and 9007199254740991', Number.NaN],
    [{ account_id: 42 }, 'account_id', 'must be a UUID', 42],
    [{ limit: [5, 6] }, 'limit', 'must be given once, not 2 times', [5, 6]],
  ])('%o breaks %s', (values, name, rule, got) => {
    expect(checkValues(list, values)).toEqual({ in: 'query', name, rule, got });
  });

  it('passes good values, and requires what the contract requires', () => {
    expect(checkValues(list, { limit: 100, offset: 0, user_id: RID })).toBeUndefined();
    expect(checkValues(rules.getProfile as ParameterRule[], {})).toEqual({
      in: 'path',
      name: 'id',
      rule: 'is required and must be a UUID',
    });
  });
});

describe('issueText', () => {
  it('puts an issue on one line, under the name the surface uses', () => {
    const [issue] = readParameters(list, { query: { limit: '0' } }).issues;
    expect(issueText(issue as never)).toBe('limit must be an integer between 1 and 100');
    expect(issueText(issue as never, '--limit')).toBe('--limit must be an integer between 1 and 100');
  });
});
