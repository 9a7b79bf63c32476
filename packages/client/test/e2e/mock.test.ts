import { type RunningMock, startMock } from '@insightiq/profiles-mock';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  createProfilesClient,
  NotFoundError,
  type Profile,
  RateLimitError,
  ValidationError,
} from '../../src/index.js';

const CREDENTIALS = { clientId: 'e2e-client', clientSecret: 'e2e-secret' };
const UUID = /^[0-9a-f-]{36}$/;

describe('the client against the mock app (sandbox mode)', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, credentials: `${CREDENTIALS.clientId}:${CREDENTIALS.clientSecret}` });
  });
  afterAll(() => mock.close());
  const client = () => createProfilesClient({ ...CREDENTIALS, baseUrl: mock.url });

  it('lists typed profiles with the request id', async () => {
    const page = await client().profiles.list({ limit: 5 });
    expectTypeOf(page.data).toEqualTypeOf<Profile[]>();
    expect(page.data).toHaveLength(5);
    expect(page.data[0]?.full_name).toBe('Peter Parker');
    expect(page.metadata).toMatchObject({ offset: 0, limit: 5 });
    expect(page.requestId).toMatch(UUID);
  });

  it('iterates every profile across pages, exactly once', async () => {
    const ids: string[] = [];
    for await (const profile of client().profiles.list({ limit: 100 })) ids.push(profile.id);
    expect(ids).toHaveLength(mock.profiles as number);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a burst of 100 concurrent calls, each attempt with its own timer, all succeed, with no process warning', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    const c = client();
    const pages = await Promise.all(
      Array.from({ length: 100 }, (_, i) => c.profiles.list({ limit: 1, offset: i })),
    );
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    expect(pages.map((p) => p.metadata.offset)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(new Set(pages.map((p) => p.data[0]?.id)).size).toBe(100);
    expect(warnings).toEqual([]);
    // A generous limit: under CI's parallel load 100 fresh connections can take seconds.
  }, 30_000);

  it('filters, and gets one profile by id', async () => {
    const first = (await client().profiles.list({ limit: 1, offset: 3 })).data[0] as Profile;
    const mine = await client().profiles.list({ user_id: first.user.id });
    expect(mine.data.every((p) => p.user.id === first.user.id)).toBe(true);
    const { data, requestId } = await client().profiles.get(first.id).withResponse();
    expect(data).toEqual(first);
    expect(requestId).toMatch(UUID);
  });

  it('wrong credentials give an AuthenticationError carrying the request id', async () => {
    const wrong = createProfilesClient({ clientId: 'e2e-client', clientSecret: 'nope', baseUrl: mock.url });
    const error = await wrong.profiles.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({
      status: 401,
      type: 'AUTHENTICATION_ERROR',
      errorCode: 'INVALID_CREDENTIALS',
    });
    expect((error as ApiError).requestId).toMatch(UUID);
    expect(JSON.stringify(error)).not.toContain('nope');
  });

  it('missing credentials are refused before any request', () => {
    expect(() => createProfilesClient({ baseUrl: mock.url, clientId: '', clientSecret: '' })).toThrow(
      ValidationError,
    );
  });

  it('an unknown id gives a NotFoundError, the raw client reaches the mock, an injected 429 a RateLimitError', async () => {
    const missing = await client()
      .profiles.get('00000000-0000-4000-8000-000000000000')
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    const raw = await client().raw.GET('/v1/profiles', { params: { query: { limit: 0 } } });
    expect(raw.response.status).toBe(400);
    const viaHeader = await client()
      .profiles.list({}, { headers: { 'x-mock-fault': '429' }, maxRetries: 0 })
      .catch((e: unknown) => e);
    expect(viaHeader).toBeInstanceOf(RateLimitError);
  });

  it('retries an injected 500 and then fails, and reports a malformed body clearly', async () => {
    const statuses: number[] = [];
    const counting = createProfilesClient({
      ...CREDENTIALS,
      baseUrl: mock.url,
      fetch: async (request, init) => {
        const response = await fetch(request, init);
        statuses.push(response.status);
        return response;
      },
    });
    const failing = await counting.profiles
      .list({}, { headers: { 'x-mock-fault': '500' }, maxRetries: 1 })
      .catch((e: unknown) => e);
    expect(failing).toMatchObject({ name: 'InternalServerError', status: 500 });
    expect(statuses).toEqual([500, 500]);
    const malformed = await client()
      .profiles.list({}, { headers: { 'x-mock-fault': 'malformed' } })
      .catch((e: unknown) => e);
    expect(malformed).toBeInstanceOf(ApiError);
    expect((malformed as Error).message).toContain('response body is not valid JSON');
  });
});

describe('the client against Prism (the mock in examples mode)', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, mode: 'examples' });
  }, 60_000);
  afterAll(() => mock?.close());

  it('for await walks the example’s ten profiles and stops (the mock pages Prism’s examples)', async () => {
    const client = createProfilesClient({ ...CREDENTIALS, baseUrl: mock.url });
    const ids: string[] = [];
    for await (const profile of client.profiles.list({ limit: 4 })) ids.push(profile.id);
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
  });

  it('validateResponses: the example page conforms to the contract', async () => {
    const client = createProfilesClient({ ...CREDENTIALS, baseUrl: mock.url, validateResponses: 'throw' });
    expect((await client.profiles.list()).data).toHaveLength(10);
  });
});
