// A Jest 30 suite in CommonJS: Jest's own module system loads the client's CommonJS build. Its tests
// sit in a block named after the Node that runs them: the runner runs it on each Node line and reads
// that name from Jest's report.
const { createProfilesClient, NotFoundError, RateLimitError } = require('@insightiq/profiles-client');

const client = createProfilesClient({
  baseUrl: process.env.MOCK_URL,
  clientId: 'ecosystem-client-id',
  clientSecret: 'ecosystem-client-secret',
  maxRetries: 0,
});

describe(`on Node ${process.version}`, () => {
  test('for await lists across pages without overlap', async () => {
    const ids = [];
    for await (const profile of client.profiles.list({ limit: 3 }, { maxItems: 10 })) ids.push(profile.id);
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
  });

  test('filters by work_platform_id and gets one profile by id', async () => {
    const [first] = (await client.profiles.list({ limit: 1 })).data;
    const page = await client.profiles.list({ work_platform_id: first.work_platform.id, limit: 100 });
    expect(page.data.length).toBeGreaterThan(0);
    for (const p of page.data) expect(p.work_platform.id).toBe(first.work_platform.id);
    await expect(client.profiles.get(first.id)).resolves.toMatchObject({ id: first.id });
  });

  test('errors are caught by class', async () => {
    await expect(client.profiles.get('00000000-0000-4000-8000-000000000000')).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(
      client.profiles.list({ limit: 1 }, { headers: { 'x-mock-fault': '429' } }),
    ).rejects.toBeInstanceOf(RateLimitError);
  });
});
