import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  ApiError,
  createProfilesClient,
  ProfilesError,
  parseTimestamp,
  ValidationError,
} from '../../src/index.js';
import { CLIENT_ID, errorBody, ID, json, page, profile, SECRET, stubFetch, testClient } from '../helpers.js';

afterEach(() => vi.unstubAllEnvs());

const basic = `Basic ${Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64')}`;

describe('createProfilesClient', () => {
  it('sends Basic credentials in the Authorization header only, with Accept and custom headers', async () => {
    const { fetch, requests } = stubFetch(page(0, 1));
    await testClient(fetch, { headers: { 'x-team': 'growth' } }).profiles.list(
      { limit: 5 },
      { headers: { 'x-call': '1' } },
    );
    const request = requests[0] as Request;
    expect(request.headers.get('authorization')).toBe(basic);
    expect(request.headers.get('accept')).toBe('application/json');
    expect(request.headers.get('x-team')).toBe('growth');
    expect(request.headers.get('x-call')).toBe('1');
    expect(request.url).not.toContain(SECRET);
    expect(request.url).not.toContain(CLIENT_ID);
  });

  it('encodes non-ASCII credentials as UTF-8', async () => {
    const { fetch, requests } = stubFetch(page(0, 1));
    await createProfilesClient({
      clientId: 'idé',
      clientSecret: 'sécret',
      baseUrl: 'https://x.test',
      fetch,
    }).profiles.list();
    expect(requests[0]?.headers.get('authorization')).toBe(
      `Basic ${Buffer.from('idé:sécret').toString('base64')}`,
    );
  });

  it('reads credentials and environment from the environment variables', async () => {
    vi.stubEnv('INSIGHTIQ_CLIENT_ID', CLIENT_ID);
    vi.stubEnv('INSIGHTIQ_CLIENT_SECRET', SECRET);
    vi.stubEnv('INSIGHTIQ_ENVIRONMENT', 'sandbox');
    const { fetch, requests } = stubFetch(page(0, 1));
    const client = createProfilesClient({ fetch });
    expect(client.baseUrl).toBe('https://api.sandbox.insightiq.ai');
    await client.profiles.list();
    expect(requests[0]?.headers.get('authorization')).toBe(basic);
  });

  it('picks the environment, defaults to production, and lets baseUrl win', () => {
    vi.stubEnv('INSIGHTIQ_ENVIRONMENT', '');
    const base = { clientId: 'a', clientSecret: 'b' };
    expect(createProfilesClient({ ...base }).baseUrl).toBe('https://api.insightiq.ai');
    expect(createProfilesClient({ ...base, environment: 'staging' }).baseUrl).toBe(
      'https://api.staging.insightiq.ai',
    );
    expect(
      createProfilesClient({ ...base, environment: 'staging', baseUrl: 'http://127.0.0.1:4010/' }).baseUrl,
    ).toBe('http://127.0.0.1:4010');
  });

  it.each([
    [{ clientId: undefined }, 'clientId', /is required: pass clientId or set INSIGHTIQ_CLIENT_ID/],
    [{ clientSecret: '' }, 'clientSecret', /set INSIGHTIQ_CLIENT_SECRET/],
    [{ environment: 'prod' }, 'environment', /must be one of production, sandbox, staging \(got "prod"\)/],
    [{ baseUrl: 'api.insightiq.ai' }, 'baseUrl', /must be an absolute http\(s\) URL/],
    [{ baseUrl: 'ftp://x.test' }, 'baseUrl', /must be an absolute http\(s\) URL/],
    [{ maxRetries: -1 }, 'maxRetries', /must be an integer >= 0 \(got -1\)/],
    [{ timeoutMs: 0 }, 'timeoutMs', /must be an integer >= 1/],
  ])('refuses %o with a ValidationError naming %s', (override, param, message) => {
    vi.stubEnv('INSIGHTIQ_CLIENT_ID', '');
    vi.stubEnv('INSIGHTIQ_CLIENT_SECRET', '');
    const options = { clientId: 'id', clientSecret: 'secret', ...override } as never;
    const error = (() => {
      try {
        createProfilesClient(options);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toBeInstanceOf(ProfilesError);
    expect(error).toMatchObject({ param });
    expect((error as Error).message).toMatch(message);
  });

  it('refuses plain http to a remote host unless allowInsecureHttp, and allows localhost', () => {
    const base = { clientId: 'id', clientSecret: 'secret' };
    expect(() => createProfilesClient({ ...base, baseUrl: 'http://api.insightiq.ai' })).toThrow(
      /Invalid baseUrl: must use https: credentials are not sent over plain http except to localhost/,
    );
    expect(
      createProfilesClient({ ...base, baseUrl: 'http://api.insightiq.ai', allowInsecureHttp: true }).baseUrl,
    ).toBe('http://api.insightiq.ai');
    for (const host of ['localhost:4010', '127.0.0.1:4010', '[::1]:4010']) {
      expect(createProfilesClient({ ...base, baseUrl: `http://${host}` }).baseUrl).toBe(`http://${host}`);
    }
  });
});

describe('input validation, before any request', () => {
  it.each([
    [{ limit: 0 }, 'limit', 'Invalid limit: must be an integer between 1 and 100 (got 0).'],
    [{ limit: 101 }, 'limit', 'Invalid limit: must be an integer between 1 and 100 (got 101).'],
    [{ limit: 2.5 }, 'limit', 'Invalid limit: must be an integer between 1 and 100 (got 2.5).'],
    [{ limit: '10' }, 'limit', 'Invalid limit: must be an integer between 1 and 100 (got "10").'],
    [{ offset: -1 }, 'offset', 'Invalid offset: must be an integer >= 0 (got -1).'],
    [{ offset: Number.NaN }, 'offset', 'Invalid offset: must be an integer >= 0 (got null).'],
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

describe('credentials never leak', () => {
  const leaks = (value: unknown) => {
    const texts = [String(value), JSON.stringify(value), inspect(value, { depth: 10, showHidden: true })];
    return texts.some((t) => t.includes(SECRET) || t.includes(basic.slice(6)));
  };

  it('not in the client', () => {
    const client = testClient(stubFetch(page(0, 0)).fetch);
    expect(leaks(client)).toBe(false);
    expect(leaks(client.profiles)).toBe(false);
  });

  it('not in any error: HTTP, malformed body, connection, timeout, abort, validation', async () => {
    const hostile = new TypeError(`socket hang up while sending ${basic} for ${SECRET}`);
    const cases = [
      stubFetch(json(401, errorBody(401))),
      stubFetch(json(500, errorBody(500))),
      stubFetch(new Response('not json', { status: 200 })),
      stubFetch(hostile),
      stubFetch(
        (_r: Request, { signal }: { signal: AbortSignal }) =>
          new Promise((_, rej) => signal.addEventListener('abort', () => rej(signal.reason))),
      ),
    ];
    const errors: unknown[] = [];
    for (const { fetch } of cases) {
      errors.push(
        await testClient(fetch, { maxRetries: 0, timeoutMs: 20 })
          .profiles.get(ID)
          .catch((e: unknown) => e),
      );
    }
    errors.push(
      await testClient(cases[0]?.fetch, {})
        .profiles.get(ID, { signal: AbortSignal.abort() })
        .catch((e) => e),
    );
    errors.push(
      await testClient(cases[0]?.fetch, {})
        .profiles.list({ limit: 0 })
        .catch((e) => e),
    );
    expect(errors.every((e) => e instanceof ProfilesError)).toBe(true);
    expect((errors[3] as Error).message).toBe(
      'Connection error (attempt 1 of 1): socket hang up while sending Basic [redacted] for [redacted]',
    );
    for (const error of errors) expect(leaks(error), String(error)).toBe(false);
    expect(errors[0]).toBeInstanceOf(ApiError);
  });

  it('not in a log of the request made by a custom fetch', async () => {
    const logged: string[] = [];
    const { fetch } = stubFetch(page(0, 1));
    const logging = (request: Request, init: { signal: AbortSignal }) => {
      logged.push(`${request.method} ${request.url}`);
      return fetch(request, init);
    };
    await testClient(logging).profiles.list();
    expect(logged).toEqual(['GET https://api.test/v1/profiles?offset=0']);
  });
});

describe('parseTimestamp', () => {
  it('reads offset-less timestamps as UTC', () => {
    expect(parseTimestamp('2021-11-08T18:53:18.337805').toISOString()).toBe('2021-11-08T18:53:18.337Z');
    expect(parseTimestamp('2016-01-01T00:00:00').toISOString()).toBe('2016-01-01T00:00:00.000Z');
    expect(parseTimestamp('2016-01-01T00:00:00.5').toISOString()).toBe('2016-01-01T00:00:00.500Z');
  });

  it('honours an explicit offset and passes null through', () => {
    expect(parseTimestamp('2021-11-08T18:53:18+02:00').toISOString()).toBe('2021-11-08T16:53:18.000Z');
    expect(parseTimestamp('2021-11-08T18:53:18Z').toISOString()).toBe('2021-11-08T18:53:18.000Z');
    expect(parseTimestamp(null)).toBeNull();
    expect(parseTimestamp(undefined)).toBeNull();
  });

  it.each(['yesterday', '2021-11-08', '2021-13-08T00:00:00', '2021-11-08 18:53:18', ''])(
    'throws for %j',
    (value) => {
      expect(() => parseTimestamp(value)).toThrow(RangeError);
    },
  );
});
