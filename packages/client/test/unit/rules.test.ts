import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openapi } from '@insightiq/profiles-spec';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the generator is plain JavaScript, without declarations.
import { renderContractModule } from '../../scripts/generate.mjs';
import { environments, getProfileRules, listProfilesRules } from '../../src/generated/contract.js';
import { ValidationError } from '../../src/index.js';
import { checkParameters } from '../../src/internal/rules.js';

describe('the rules the client checks come from the contract', () => {
  const dir = mkdtempSync(join(tmpdir(), 'client-rules-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the committed module is what the contract generates', () => {
    expect(renderContractModule()).toContain('"rule": "must be an integer between 1 and 100"');
    expect(environments).toEqual(
      Object.fromEntries(openapi.servers.map((s) => [s.description?.toLowerCase(), s.url])),
    );
    expect(listProfilesRules.map((r) => r.name)).toEqual([
      'limit',
      'offset',
      'user_id',
      'work_platform_id',
      'account_id',
    ]);
    expect(getProfileRules).toEqual([
      { name: 'id', in: 'path', required: true, type: 'string', format: 'uuid', rule: 'must be a UUID' },
    ]);
  });

  it('a changed bound in a copy of the contract changes the check, with no hand edit', async () => {
    expect(() => checkParameters(listProfilesRules, { limit: 150 })).toThrow(
      new ValidationError('limit', 'must be an integer between 1 and 100', 150),
    );
    const copy = structuredClone(openapi);
    (copy.components.parameters?.Limit?.schema as { maximum: number }).maximum = 250;
    const file = join(dir, 'contract.ts');
    writeFileSync(file, renderContractModule(copy));
    const regenerated = await import(file);
    expect(() => checkParameters(regenerated.listProfilesRules, { limit: 150 })).not.toThrow();
    expect(() => checkParameters(regenerated.listProfilesRules, { limit: 251 })).toThrow(
      'Invalid limit: must be an integer between 1 and 250 (got 251).',
    );
  });

  it('words each failure as the contract does, and requires what it requires', () => {
    expect(() => checkParameters(listProfilesRules, { user_id: 'x' })).toThrow(
      'Invalid user_id: must be a UUID (got "x").',
    );
    expect(() => checkParameters(listProfilesRules, { offset: -1 })).toThrow(
      'Invalid offset: must be an integer between 0 and 9007199254740991 (got -1).',
    );
    expect(() => checkParameters(getProfileRules, {})).toThrow('Invalid id: is required and must be a UUID.');
  });
});
