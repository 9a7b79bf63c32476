import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/index.js';
import { ID, json, page, profile, stubFetch, testClient } from '../helpers.js';

describe('input validation, before any request', () => {
  it.each([
    [{ limit: 0 }, 'limit', 'Invalid limit: must be an integer between 1 and 100 (got 0).'],
    [{ limit: 101 }, 'limit', 'Invalid limit: must be an integer between 1 and 100 (got 101).'],
    [{ limit: 2.5 }, 'limit', 'Invalid limit: must be an integer between 1 and 100 (got 2.5).'],
    [{ limit: '10' }, 'limit', 'Invalid limit: must be an integer between 1 and 100 (got "10").'],
    [{ offset: -1 }, 'offset', 'Invalid offset: must be an integer between 0 and 9007199254740991 (got -1).'],
    [
      { offset: Number.NaN },
      'offset',
      'Invalid offset: must be an integer between 0 and 9007199254740991 (got null).',
    ],
    [{ user_id: 'bob' }, 'user_id', 'Invalid user_id: must be a UUID (got "bob").'],
    [{ work_platform_id: '' }, 'work_platform_id', 'Invalid work_platform_id: must be a UUID (got "").'],
    [{ account_id: 42 }, 'account_id', 'Invalid account_id: must be a UUID (got 42).'],
  ])('list(%o) rejects naming %s', async (query, param, message) => {
    const { fetch, requests } = stubFetch(page(0, 0));
    const error = await testClient(fetch)
      .profiles.list(query as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ param, message });
    expect(requests).toHaveLength(0);
  });

  it('iterating an invalid list rejects too', async () => {
    const { fetch, requests } = stubFetch(page(0, 0));
    const run = async () => {
      for await (const _ of testClient(fetch).profiles.list({ limit: 0 })) break;
    };
    await expect(run()).rejects.toBeInstanceOf(ValidationError);
    expect(requests).toHaveLength(0);
  });

  it.each(['', 'not-a-uuid', `${ID}x`, '../v1/profiles'])('get(%j) rejects naming id', async (id) => {
    const { fetch, requests } = stubFetch(json(200, profile(1)));
    await expect(testClient(fetch).profiles.get(id)).rejects.toMatchObject({
      name: 'ValidationError',
      param: 'id',
    });
    expect(requests).toHaveLength(0);
  });

  it('rejects bad request options', async () => {
    const { fetch } = stubFetch(json(200, profile(1)));
    await expect(testClient(fetch).profiles.get(ID, { maxRetries: 1.5 })).rejects.toMatchObject({
      param: 'maxRetries',
    });
    await expect(testClient(fetch).profiles.list({}, { maxItems: -1 })).rejects.toMatchObject({
      param: 'maxItems',
    });
  });
});
