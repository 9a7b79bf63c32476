import { createSandbox } from '@insightiq/profiles-sandbox';
import { createHandlers } from '@insightiq/profiles-sandbox/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfilesClient, NotFoundError, RateLimitError } from '../../src/index.js';

const CREDENTIALS = { clientId: 'sandbox-id', clientSecret: 'sandbox-secret' };

describe('the client over sandbox.fetch: no socket at all', () => {
  const sandbox = createSandbox({ profiles: 95 });
  const client = createProfilesClient({
    ...CREDENTIALS,
    baseUrl: 'https://sandbox.test',
    fetch: sandbox.fetch,
    maxRetries: 0,
  });

  it('iterates every profile across pages, exactly once', async () => {
    const ids: string[] = [];
    for await (const profile of client.profiles.list({ limit: 20 })) ids.push(profile.id);
    expect(ids).toHaveLength(105);
    expect(new Set(ids).size).toBe(105);
  });

  it('filters, gets by id, and gets the API’s errors by class', async () => {
    const [first] = (await client.profiles.list({ limit: 1, offset: 40 })).data;
    const mine = await client.profiles.list({ user_id: first?.user.id as string });
    expect(mine.data.map((p) => p.id)).toContain(first?.id);
    expect(await client.profiles.get(first?.id as string)).toEqual(first);
    await expect(client.profiles.get('11111111-2222-4333-8444-555555555555')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(client.profiles.list({}, { headers: { 'x-mock-fault': '429' } })).rejects.toBeInstanceOf(
      RateLimitError,
    );
  });

  it('every page conforms to the contract (validateResponses)', async () => {
    const strict = createProfilesClient({
      ...CREDENTIALS,
      baseUrl: 'https://sandbox.test',
      fetch: sandbox.fetch,
      validateResponses: 'throw',
    });
    expect(await strict.profiles.list({ limit: 100 }).toArray()).toHaveLength(105);
  });
});

describe('the client against MSW handlers backed by the sandbox (msw 2.15)', () => {
  const server = setupServer(
    ...createHandlers(createSandbox({ profiles: 30 }), { baseUrl: 'https://api.insightiq.ai' }),
  );
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterAll(() => server.close());

  it('the default production client reads the sandbox through the global fetch', async () => {
    const client = createProfilesClient({ ...CREDENTIALS, environment: 'production' });
    const all = await client.profiles.list({ limit: 15 }).toArray();
    expect(all).toHaveLength(40);
    await expect(client.profiles.get('11111111-2222-4333-8444-555555555555')).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
