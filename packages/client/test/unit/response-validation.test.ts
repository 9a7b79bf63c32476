import { describe, expect, it } from 'vitest';
import { type Logger, ResponseValidationError } from '../../src/index.js';
import { ID, json, page, profile, stubFetch, testClient } from '../helpers.js';

const drifted = () => {
  const body = { ...profile(1), gender: 'MAN', created_at: 'yesterday' };
  return json(200, body);
};

describe('validateResponses', () => {
  it("'throw' rejects a response that breaks the contract, naming each violation by JSON pointer", async () => {
    const { fetch } = stubFetch(drifted());
    const error = (await testClient(fetch, { validateResponses: 'throw' })
      .profiles.get(ID)
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.status).toBe(200);
    expect(error.violations.map((v) => v.pointer).sort()).toEqual(['/body/created_at', '/body/gender']);
    expect(error.message).toContain('response breaks the contract: /body/');
  });

  it("'warn' returns the response and tells the logger, whatever the log level", async () => {
    const warnings: unknown[][] = [];
    const logger: Logger = { error() {}, info() {}, debug() {}, warn: (...args) => warnings.push(args) };
    const { fetch } = stubFetch(drifted());
    const got = await testClient(fetch, { validateResponses: 'warn', logger }).profiles.get(ID);
    expect(got.gender).toBe('MAN');
    expect(warnings).toHaveLength(1);
    expect(String(warnings[0]?.[0])).toContain('/body/gender');
  });

  it("'off' (the default) checks nothing, and a conforming page passes 'throw'", async () => {
    expect((await testClient(stubFetch(drifted()).fetch).profiles.get(ID)).gender).toBe('MAN');
    const list = await testClient(stubFetch(page(0, 3)).fetch, {
      validateResponses: 'throw',
    }).profiles.list();
    expect(list.data).toHaveLength(3);
  });
});
