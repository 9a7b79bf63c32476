import { describe, expect, it } from 'vitest';
import { createContractValidator, describeRule } from '../../src/validate.js';

const contract = createContractValidator();
const RID = '5c0b7c8e-4f0a-4c58-a2b2-6d3c3f1f9c11';

describe('validateParameters', () => {
  it('converts valid values and applies defaults', () => {
    expect(
      contract.validateParameters('listProfiles', { query: new URLSearchParams(`limit=7&user_id=${RID}`) }),
    ).toEqual({
      values: { limit: 7, offset: 0, user_id: RID },
      issues: [],
    });
  });

  it.each([
    ['limit=0', 'limit', 'must be an integer between 1 and 100'],
    ['limit=101', 'limit', 'must be an integer between 1 and 100'],
    ['limit=abc', 'limit', 'must be an integer between 1 and 100'],
    ['limit=1.5', 'limit', 'must be an integer between 1 and 100'],
    ['limit=', 'limit', 'must be an integer between 1 and 100'],
    ['offset=-1', 'offset', 'must be an integer between 0 and 9007199254740991'],
    ['offset=99999999999999999999', 'offset', 'must be an integer between 0 and 9007199254740991'],
    ['offset=9007199254740993', 'offset', 'must be an integer between 0 and 9007199254740991'],
    ['user_id=nope', 'user_id', 'must be a UUID'],
    ['account_id=1', 'account_id', 'must be a UUID'],
    ['limit=1&limit=2', 'limit', 'must be given once, not 2 times'],
  ])('%s: %s %s', (qs, name, rule) => {
    expect(contract.validateParameters('listProfiles', { query: new URLSearchParams(qs) }).issues).toEqual([
      { in: 'query', name, rule },
    ]);
  });

  it('checks path parameters', () => {
    expect(contract.validateParameters('getProfile', { path: { id: 'x' } }).issues).toEqual([
      { in: 'path', name: 'id', rule: 'must be a UUID' },
    ]);
    expect(contract.validateParameters('getProfile', {}).issues).toEqual([
      { in: 'path', name: 'id', rule: 'is required and must be a UUID' },
    ]);
  });

  it('describes rules in words', () => {
    expect(describeRule({ type: 'integer', maximum: 3 })).toBe('must be an integer <= 3');
    expect(describeRule({ type: 'string' })).toBe('must be a string');
  });
});

describe('validateResponse', () => {
  const error = {
    error: { type: 'T', error_code: 'C', message: 'm', request_id: RID, http_status_code: 404 },
  };

  it('accepts a conforming error response and takes Headers as well as objects', () => {
    const headers = new Headers({ 'Content-Type': 'application/json; charset=utf-8', 'Request-Id': RID });
    expect(
      contract.validateResponse({ operationId: 'getProfile', status: 404, headers, body: error }),
    ).toEqual([]);
  });

  it('reports an undocumented status, a missing header, a wrong content type and a bad body', () => {
    expect(
      contract.validateResponse({ operationId: 'listProfiles', status: 404, headers: {}, body: error })[0]
        ?.path,
    ).toBe('/status');
    const issues = contract.validateResponse({
      operationId: 'getProfile',
      status: 404,
      headers: { 'content-type': 'text/html' },
      body: { error: { ...error.error, request_id: 'x' } },
    });
    expect(issues.map((i) => i.path)).toEqual([
      '/headers/request-id',
      '/headers/content-type',
      '/body/error/request_id',
    ]);
  });

  it('rejects an unknown operationId with the known ones', () => {
    expect(() => contract.operation('deleteProfile')).toThrow(
      /unknown operationId "deleteProfile"; known: listProfiles, getProfile/,
    );
  });
});
