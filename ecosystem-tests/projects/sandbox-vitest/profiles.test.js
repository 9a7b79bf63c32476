// A team's vitest suite with no port: the client over the sandbox's in-process fetch, then over MSW
// handlers backed by the same engine. Its tests sit in a block named after the Node that runs them:
// the runner runs it on each Node line and reads that name from vitest's report.
import { createProfilesClient, NotFoundError, RateLimitError } from '@insightiq/profiles-client';
import { buildProfile, createSandbox } from '@insightiq/profiles-sandbox';
import { createHandlers } from '@insightiq/profiles-sandbox/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const credentials = {
  clientId: 'ecosystem-client-id',
  clientSecret: 'ecosystem-client-secret',
  maxRetries: 0,
};

describe(`on Node ${process.version}`, () => {
  describe('sandbox.fetch', () => {
    const sandbox = createSandbox({ profiles: 25 });
    const client = createProfilesClient({
      ...credentials,
      baseUrl: 'https://sandbox.test',
      fetch: sandbox.fetch,
    });

    test('for await lists every profile across pages', async () => {
      const ids = [];
      for await (const profile of client.profiles.list({ limit: 7 })) ids.push(profile.id);
      expect(ids).toHaveLength(35);
      expect(new Set(ids).size).toBe(35);
    });

    test('errors come by class', async () => {
      await expect(client.profiles.get('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(client.profiles.list({}, { headers: { 'x-mock-fault': '429' } })).rejects.toBeInstanceOf(
        RateLimitError,
      );
    });

    test('your own profiles, built for the test', async () => {
      const ada = buildProfile({ full_name: 'Ada Lovelace' });
      const mine = createProfilesClient({
        ...credentials,
        baseUrl: 'https://sandbox.test',
        fetch: createSandbox({ data: [ada] }).fetch,
      });
      expect((await mine.profiles.get(ada.id)).full_name).toBe('Ada Lovelace');
    });
  });

  describe('MSW', () => {
    const server = setupServer(
      ...createHandlers(createSandbox({ profiles: 5 }), { baseUrl: 'https://api.insightiq.ai' }),
    );
    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
    afterAll(() => server.close());

    test('a client of the production host reads the sandbox through the global fetch', async () => {
      // An explicit baseUrl: the globalSetup's INSIGHTIQ_BASE_URL (the HTTP mock) would win over environment.
      const client = createProfilesClient({ ...credentials, baseUrl: 'https://api.insightiq.ai' });
      expect(await client.profiles.list({ limit: 100 }).toArray()).toHaveLength(15);
    });
  });

  describe('startMock in a vitest globalSetup', () => {
    test('the client finds the mock through INSIGHTIQ_BASE_URL', async () => {
      const client = createProfilesClient(credentials);
      expect(client.baseUrl).toBe(process.env.INSIGHTIQ_BASE_URL);
      expect((await client.profiles.list({ limit: 3 })).data).toHaveLength(3);
    });
  });
});
