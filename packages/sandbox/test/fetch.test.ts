import { describe, expect, it } from 'vitest';
import { createSandbox, OptionError, type SandboxOptions } from '../src/index.js';
import { AUTH, expectConforms, ORIGIN, read } from './helpers.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('sandbox.fetch: the API semantics, in process', () => {
  const sandbox = createSandbox({ profiles: 50 });
  const get = async (path: string, headers: Record<string, string> = AUTH, init: RequestInit = {}) =>
    read(await sandbox.fetch(`${ORIGIN}${path}`, { headers, ...init }));

  it('lists the reference page’s profiles first, pages by limit and offset, and echoes them', async () => {
    const first = await get('/v1/profiles?limit=3');
    expectConforms(first, 'listProfiles');
    expect(first.body.data.map((p: { full_name: string }) => p.full_name)[0]).toBe('Peter Parker');
    expect(first.body.metadata).toEqual({ offset: 0, limit: 3, from_date: null, to_date: null });
    expect(first.headers.get('request-id')).toMatch(UUID);
    const last = await get('/v1/profiles?limit=100&offset=55');
    expect(last.body.data).toHaveLength(5);
    expect(sandbox.size).toBe(60);
  });

  it('gets a profile by id, generated or from the sample, and 404s an unknown one', async () => {
    const page = (await get('/v1/profiles?limit=2&offset=20')).body.data;
    for (const profile of page) {
      const one = await get(`/v1/profiles/${profile.id}`);
      expectConforms(one, 'getProfile');
      expect(one.body).toEqual(profile);
    }
    const missing = await get('/v1/profiles/11111111-2222-4333-8444-555555555555');
    expect(missing.status).toBe(404);
    expectConforms(missing, 'getProfile');
    expect(missing.body.error.request_id).toBe(missing.headers.get('request-id'));
  });

  it('filters by user, platform and account, alone and combined', async () => {
    const all = (await get('/v1/profiles?limit=100')).body.data as any[];
    const byKey = (pick: (p: any) => string, value: string) =>
      all.filter((p) => pick(p) === value).map((p) => p.id);
    const target = all[23];
    for (const [query, expected] of [
      [`user_id=${target.user.id}`, byKey((p) => p.user.id, target.user.id)],
      [
        `work_platform_id=${target.work_platform.id}`,
        byKey((p) => p.work_platform.id, target.work_platform.id),
      ],
      [`account_id=${target.account.id}`, [target.id]],
      [
        `user_id=${target.user.id}&work_platform_id=${target.work_platform.id}`,
        all
          .filter((p) => p.user.id === target.user.id && p.work_platform.id === target.work_platform.id)
          .map((p) => p.id),
      ],
      [`user_id=${target.user.id}&account_id=${all[0].account.id}`, []],
    ] as const) {
      const answer = await get(`/v1/profiles?limit=100&${query}`);
      expect(
        answer.body.data.map((p: { id: string }) => p.id),
        query,
      ).toEqual(expected);
    }
    const platformPage = await get(
      `/v1/profiles?limit=3&offset=4&work_platform_id=${target.work_platform.id}`,
    );
    expect(platformPage.body.data.map((p: { id: string }) => p.id)).toEqual(
      byKey((p) => p.work_platform.id, target.work_platform.id).slice(4, 7),
    );
  });

  it('answers a bad parameter with the API’s 400 body, in the contract’s words', async () => {
    const answer = await get('/v1/profiles?limit=0&offset=-1');
    expect(answer.status).toBe(400);
    expectConforms(answer, 'listProfiles');
    expect(answer.body.error.message).toBe(
      'Invalid value for query parameter limit: must be an integer between 1 and 100. Invalid value for query parameter offset: must be an integer between 0 and 9007199254740991.',
    );
  });

  it('answers missing, malformed and (with credentials set) wrong credentials with a 401', async () => {
    const strict = createSandbox({ profiles: 0, credentials: 'id:s3cr3t' });
    const call = async (authorization?: string) =>
      read(await strict.fetch(`${ORIGIN}/v1/profiles`, { headers: authorization ? { authorization } : {} }));
    expect((await call()).body.error.error_code).toBe('MISSING_CREDENTIALS');
    expect((await call('Basic aWQ6czNjcjN0A')).body.error.error_code).toBe('MALFORMED_CREDENTIALS');
    expect((await call(`Basic ${btoa('id:wrong')}`)).body.error.error_code).toBe('INVALID_CREDENTIALS');
    const wrong = await call(`Basic ${btoa('id:wrong')}`);
    expect(wrong.headers.get('www-authenticate')).toBe('Basic realm="InsightIQ"');
    expectConforms(wrong, 'listProfiles');
    expect((await call(`Basic ${btoa('id:s3cr3t')}`)).status).toBe(200);
  });

  it('injects faults: 429 with Retry-After, 500, 503, malformed, drop', async () => {
    const limited = await get('/v1/profiles', { ...AUTH, 'x-mock-fault': '429;retry-after=7' });
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '7']);
    expect((await get('/v1/profiles', { ...AUTH, 'x-mock-fault': '500' })).status).toBe(500);
    expect((await get('/v1/profiles', { ...AUTH, 'x-mock-fault': '503' })).status).toBe(503);
    const malformed = await get('/v1/profiles', { ...AUTH, 'x-mock-fault': 'malformed' });
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.text)).toThrow();
    await expect(
      sandbox.fetch(`${ORIGIN}/v1/profiles`, { headers: { ...AUTH, 'x-mock-fault': 'drop' } }),
    ).rejects.toThrow(TypeError);
    const unknown = await get('/v1/profiles', { ...AUTH, 'x-mock-fault': 'teapot' });
    expect(unknown.status).toBe(400);
  });

  it('names unknown query parameters in x-mock-warning, and 404s and 405s like the API', async () => {
    const answer = await get('/v1/profiles?limit=1&userid=x');
    expect(answer.headers.get('x-mock-warning')).toBe('unknown query parameter ignored: userid');
    expect((await get('/v2/other')).status).toBe(404);
    const post = await read(
      await sandbox.fetch(`${ORIGIN}/v1/profiles`, { method: 'POST', headers: AUTH, body: '{}' }),
    );
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD, OPTIONS']);
    const head = await sandbox.fetch(`${ORIGIN}/v1/profiles`, { method: 'HEAD', headers: AUTH });
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it('honours the caller’s abort signal while it waits (latency)', async () => {
    const slow = createSandbox({ profiles: 0, latencyMs: 60_000 });
    const controller = new AbortController();
    const pending = slow.fetch(`${ORIGIN}/v1/profiles`, { headers: AUTH, signal: controller.signal });
    controller.abort(new Error('gave up'));
    await expect(pending).rejects.toThrow('gave up');
  });

  it('a fail rate injects 500s, repeatably for a seed', async () => {
    const statuses = async () => {
      const flaky = createSandbox({ profiles: 0, failRate: 0.5, seed: 'flaky' });
      const out: number[] = [];
      for (let i = 0; i < 20; i++)
        out.push((await flaky.fetch(`${ORIGIN}/v1/profiles`, { headers: AUTH })).status);
      return out;
    };
    const first = await statuses();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await statuses()).toEqual(first);
  });

  it('refuses bad options with an OptionError that names the option as it was passed', () => {
    const refusal = (options: SandboxOptions) => {
      try {
        createSandbox(options);
      } catch (error) {
        expect(error).toBeInstanceOf(OptionError);
        const { option, rule, message } = error as OptionError;
        expect(message).toBe(`${option} ${rule}`);
        return message;
      }
      throw new Error(`createSandbox(${JSON.stringify(options)}) did not throw`);
    };
    expect(refusal({ profiles: -5 })).toBe('profiles must be an integer from 0 to 1000000000 (got -5)');
    expect(refusal({ failRate: 2 })).toBe('failRate must be a number from 0 to 1 (got 2)');
    expect(refusal({ latencyMs: 1.5 })).toBe('latencyMs must be an integer from 0 to 60000 (got 1.5)');
    expect(refusal({ credentials: 'nocolon' })).toBe(
      'credentials must be "CLIENT_ID:CLIENT_SECRET", both non-empty',
    );
    expect(refusal({ data: {} as unknown as unknown[] })).toBe('data must be an array of profiles');
  });
});
