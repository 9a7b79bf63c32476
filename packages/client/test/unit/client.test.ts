import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProfilesClient, ProfilesError, ValidationError } from '../../src/index.js';
import { CLIENT_ID, page, SECRET, stubFetch, testClient } from '../helpers.js';

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

describe('the base URL', () => {
  it('comes from the option, then INSIGHTIQ_BASE_URL, then the environment', () => {
    vi.stubEnv('INSIGHTIQ_BASE_URL', 'http://127.0.0.1:4010');
    vi.stubEnv('INSIGHTIQ_ENVIRONMENT', 'sandbox');
    const base = { clientId: CLIENT_ID, clientSecret: SECRET };
    expect(createProfilesClient({ ...base, baseUrl: 'https://proxy.test/' }).baseUrl).toBe(
      'https://proxy.test',
    );
    expect(createProfilesClient(base).baseUrl).toBe('http://127.0.0.1:4010');
    expect(createProfilesClient({ ...base, environment: 'staging' }).baseUrl).toBe('http://127.0.0.1:4010');
    vi.stubEnv('INSIGHTIQ_BASE_URL', '');
    expect(createProfilesClient(base).baseUrl).toBe('https://api.sandbox.insightiq.ai');
  });

  it('refuses credentials in the URL, and no part of the error holds the secret', () => {
    const error = (() => {
      try {
        createProfilesClient({
          clientId: CLIENT_ID,
          clientSecret: SECRET,
          baseUrl: `https://id:${SECRET}@api.example.com`,
        });
      } catch (e) {
        return e as ValidationError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error?.message).toBe(
      'Invalid baseUrl: must not carry credentials: pass clientId and clientSecret instead (got "https://***@api.example.com").',
    );
    for (const text of [error?.message, error?.stack, inspect(error)]) expect(text).not.toContain(SECRET);
  });

  it('an unparsable URL with credentials in it is refused without them too', () => {
    expect(() =>
      createProfilesClient({
        clientId: CLIENT_ID,
        clientSecret: SECRET,
        baseUrl: `https://id:${SECRET}@exa mple`,
      }),
    ).toThrow('Invalid baseUrl: must be an absolute http(s) URL (got "https://***@exa mple").');
  });
});
