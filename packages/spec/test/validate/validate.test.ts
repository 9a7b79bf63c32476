import { describe, expect, it } from 'vitest';
import { createContractValidator, ViolationGroups } from '../../src/validate.js';

const contract = createContractValidator();
const RID = '5c0b7c8e-4f0a-4c58-a2b2-6d3c3f1f9c11';

describe('validateParameters', () => {
  it('reads the parameters of an operation with the one checker', () => {
    expect(
      contract.validateParameters('listProfiles', { query: new URLSearchParams(`limit=7&user_id=${RID}`) }),
    ).toEqual({ values: { limit: 7, offset: 0, user_id: RID }, issues: [] });
    expect(contract.validateParameters('getProfile', { path: { id: 'x' } }).issues).toEqual([
      { in: 'path', name: 'id', rule: 'must be a UUID', got: 'x' },
    ]);
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
        ?.pointer,
    ).toBe('/status');
    const issues = contract.validateResponse({
      operationId: 'getProfile',
      status: 404,
      headers: { 'content-type': 'text/html' },
      body: { error: { ...error.error, request_id: 'x' } },
    });
    expect(issues.map((i) => i.pointer)).toEqual([
      '/headers/request-id',
      '/headers/content-type',
      '/body/error/request_id',
    ]);
  });

  it('reads a body given as text, and names one that is not JSON', () => {
    const headers = { 'content-type': 'application/json', 'request-id': RID };
    const answer = { operationId: 'getProfile', status: 404, headers };
    expect(contract.validateResponse({ ...answer, text: JSON.stringify(error) })).toEqual([]);
    expect(contract.validateResponse({ ...answer, text: '<html>Bad gateway</html>' })).toEqual([
      { pointer: '/body', message: 'is not JSON: <html>Bad gateway</html>' },
    ]);
    expect(
      contract.validateResponse({
        ...answer,
        headers: { ...headers, 'content-type': 'text/html' },
        text: 'x',
      }),
    ).toEqual([
      { pointer: '/headers/content-type', message: 'must be application/json, got "text/html"' },
      { pointer: '/body', message: 'is not JSON: x' },
    ]);
  });

  it('rejects an unknown operationId with the known ones', () => {
    expect(() => contract.operation('deleteProfile')).toThrow(
      /unknown operationId "deleteProfile"; known: listProfiles, getProfile/,
    );
  });
});

describe('ViolationGroups', () => {
  it('folds array indexes, counts violations and distinct answers, most frequent first', () => {
    const groups = new ViolationGroups();
    const gender = (i: number) => ({
      pointer: `/body/data/${i}/gender`,
      message: 'must be equal to one of the allowed values',
    });
    groups.add({ pointer: '/status', message: 'is 500' }, 'a');
    for (const i of [0, 3, 7]) groups.add(gender(i), 'a');
    groups.add(gender(1), 'b');
    expect(groups.list()).toEqual([
      { pointer: '/body/data/*/gender', message: gender(0).message, count: 4, answers: 2, first: gender(0) },
      {
        pointer: '/status',
        message: 'is 500',
        count: 1,
        answers: 1,
        first: { pointer: '/status', message: 'is 500' },
      },
    ]);
  });
});
