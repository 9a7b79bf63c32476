import { describe, expect, it } from 'vitest';
import { openapi } from '../../src/index.js';
import { describeRule, parameterRules } from '../../src/rules.js';
import { createContractValidator } from '../../src/validate.js';

describe('parameterRules', () => {
  const rules = parameterRules();

  it('states each parameter of each operation, as the contract does', () => {
    expect(Object.keys(rules)).toEqual(['listProfiles', 'getProfile']);
    expect(rules.listProfiles?.map((r) => r.name)).toEqual([
      'limit',
      'offset',
      'user_id',
      'work_platform_id',
      'account_id',
    ]);
    expect(rules.listProfiles?.[0]).toEqual({
      name: 'limit',
      in: 'query',
      required: false,
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

  it('words each rule exactly as the validator (and so the mock) reports it', () => {
    const contract = createContractValidator();
    const bad: Record<string, string> = {
      limit: '0',
      offset: '-1',
      user_id: 'x',
      work_platform_id: 'x',
      account_id: 'x',
    };
    const { issues } = contract.validateParameters('listProfiles', { query: bad });
    for (const rule of rules.listProfiles ?? []) {
      expect(issues.find((i) => i.name === rule.name)?.rule).toBe(rule.rule);
    }
  });

  it('follows a change of the contract', () => {
    const copy = structuredClone(openapi);
    (copy.components.parameters?.Limit?.schema as { maximum: number }).maximum = 250;
    expect(parameterRules(copy).listProfiles?.[0]).toMatchObject({
      maximum: 250,
      rule: 'must be an integer between 1 and 250',
    });
  });

  it('words bounds without a type the contract does not use yet', () => {
    expect(describeRule({ type: 'number', maximum: 3 })).toBe('must be a number <= 3');
  });
});
