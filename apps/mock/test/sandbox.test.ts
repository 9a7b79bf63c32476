import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProfile, createSandbox } from '@insightiq/profiles-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OptionError, type RunningMock, startMock } from '../src/index.js';
import { contract, expectConforms, get } from './helpers.js';

/** Every profile of the in-process sandbox the mock serves over HTTP (the same engine, the same seed). */
async function sandboxProfiles(profiles: number, seed: string): Promise<any[]> {
  const sandbox = createSandbox({ profiles, seed });
  const all: any[] = [];
  for (let offset = 0; offset < sandbox.size; offset += 100) {
    const res = await sandbox.fetch(`https://sandbox.test/v1/profiles?limit=100&offset=${offset}`, {
      headers: { authorization: `Basic ${btoa('id:secret')}` },
    });
    all.push(...((await res.json()) as { data: any[] }).data);
  }
  return all;
}

describe('sandbox semantics', () => {
  let mock: RunningMock;
  let all: any[];
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
    all = await sandboxProfiles(1000, 'insightiq');
  });
  afterAll(() => mock.close());

  it('serves the reference sample first, then 1,000 generated profiles, all contract-valid', () => {
    expect(mock.profiles).toBe(1010);
    expect(all.slice(0, 10).map((p) => p.user.name)).toContain('Peter Parker');
    for (const p of all) expect(contract.validateSchema('Profile', p), p.id).toEqual([]);
  });

  it('is deterministic for a seed, and different for another seed', async () => {
    expect(await sandboxProfiles(50, 'a')).toEqual(await sandboxProfiles(50, 'a'));
    expect((await sandboxProfiles(50, 'a'))[20]?.id).not.toBe((await sandboxProfiles(50, 'b'))[20]?.id);
  });

  it('the default page is 10 profiles, and metadata echoes offset and limit', async () => {
    const answer = await get(mock.url, '/v1/profiles');
    expect((answer.body as any).data.map((p: any) => p.id)).toEqual(all.slice(0, 10).map((p) => p.id));
    expect((answer.body as any).metadata).toEqual({ offset: 0, limit: 10, from_date: null, to_date: null });
    const later = await get(mock.url, '/v1/profiles?limit=3&offset=1005');
    expect((later.body as any).metadata).toMatchObject({ offset: 1005, limit: 3 });
    expect((later.body as any).data).toHaveLength(3);
  });

  it('walking offsets with limit=7 returns every profile exactly once', async () => {
    const seen: string[] = [];
    for (let offset = 0; ; offset += 7) {
      const answer = await get(mock.url, `/v1/profiles?limit=7&offset=${offset}`);
      expectConforms(answer, 'listProfiles');
      const ids = (answer.body as any).data.map((p: any) => p.id);
      seen.push(...ids);
      if (ids.length < 7) break;
    }
    expect(seen).toEqual(all.map((p) => p.id));
    expect(new Set(seen).size).toBe(1010);
  });

  it.each([
    ['user_id', (p: any) => p.user.id as string],
    ['work_platform_id', (p: any) => p.work_platform.id],
    ['account_id', (p: any) => p.account.id],
  ])('the %s filter returns exactly the matching profiles', async (param, fieldOf) => {
    for (const sample of [all[3], all[500], all[1009]]) {
      const value = fieldOf(sample);
      const expected = all.filter((p) => fieldOf(p) === value).map((p) => p.id);
      const answer = await get(mock.url, `/v1/profiles?limit=100&${param}=${value.toUpperCase()}`);
      expect((answer.body as any).data.map((p: any) => p.id)).toEqual(expected.slice(0, 100));
      expect(expected.length).toBeGreaterThan(0);
    }
  });

  it('combined filters are ANDed', async () => {
    const target = all[700] as any;
    const byUser = all.filter((p) => p.user.id === target.user.id);
    const expected = byUser.filter((p) => p.work_platform.id === target.work_platform.id).map((p) => p.id);
    const answer = await get(
      mock.url,
      `/v1/profiles?user_id=${target.user.id}&work_platform_id=${target.work_platform.id}`,
    );
    expect((answer.body as any).data.map((p: any) => p.id)).toEqual(expected);
    const none = await get(
      mock.url,
      `/v1/profiles?user_id=${target.user.id}&account_id=${(all[5] as any).account.id}`,
    );
    expect((none.body as any).data).toEqual([]);
  });

  it('get by id finds every profile, and 404s an unknown one', async () => {
    const profile = all[42] as any;
    const found = await get(mock.url, `/v1/profiles/${profile.id}`);
    expect(found.body).toEqual(profile);
    const missing = await get(mock.url, '/v1/profiles/11111111-2222-4333-8444-555555555555');
    expect(missing.status).toBe(404);
    expect((missing.body as any).error.message).toBe(
      'No profile exists with id 11111111-2222-4333-8444-555555555555.',
    );
  });
});

describe('--data: the user fixtures', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mock-data-'));
  const write = (name: string, value: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
    return path;
  };
  const mine = [0, 1, 2].map((index) => buildProfile({}, { seed: 'mine', index }));

  it('serves the file profiles only', async () => {
    const mock = await startMock({ port: 0, data: write('ok.json', { data: mine }) });
    try {
      expect(mock.profiles).toBe(3);
      const answer = await get(mock.url, '/v1/profiles');
      expect((answer.body as any).data).toEqual(mine);
    } finally {
      await mock.close();
    }
  });

  it.each([
    [
      'bad-gender.json',
      [mine[0], { ...mine[1], gender: 'MAN' }],
      /record 1 \(id [0-9a-f-]+\): field \/gender must be equal to one of the allowed values/,
    ],
    ['no-id.json', [{ ...mine[0], id: undefined }], /record 0: field \/ must have required property 'id'/],
    ['dup.json', [mine[0], mine[0]], /record 1 \(id [0-9a-f-]+\): duplicate id/],
    ['shape.json', { profiles: [] }, /expected a JSON array of profiles or an object with a "data" array/],
    ['broken.json', '[{', /cannot read it as JSON/],
  ])('%s is refused, naming the record and field', async (name, content, message) => {
    const path = write(name, content);
    await expect(startMock({ port: 0, data: path })).rejects.toThrow(message);
    await expect(startMock({ port: 0, data: path })).rejects.toThrow(`data ${path}: `);
  });
});

describe('options', () => {
  it.each([
    [{ mode: 'live' }, 'mode must be one of sandbox, examples, dynamic, proxy (got "live")'],
    [{ port: 70000 }, 'port must be an integer from 0 to 65535 (got 70000)'],
    [{ profiles: -5 }, 'profiles must be an integer from 0 to 1000000000 (got -5)'],
    [{ failRate: 2 }, 'failRate must be a number from 0 to 1 (got 2)'],
    [{ latencyMs: 1.5 }, 'latencyMs must be an integer from 0 to 60000 (got 1.5)'],
    [{ credentials: 'nocolon' }, 'credentials must be "CLIENT_ID:CLIENT_SECRET", both non-empty'],
    [{ mode: 'examples', data: 'x.json' }, 'data works in sandbox mode only'],
    [{ mode: 'examples', drift: 'all' }, 'drift works in sandbox mode only'],
  ])('%o is refused with an OptionError: %s', async (options, message) => {
    const refused = startMock({ port: 0, ...(options as object) });
    await expect(refused).rejects.toThrow(message);
    await expect(refused).rejects.toBeInstanceOf(OptionError);
  });

  it('a port in use is explained', async () => {
    const first = await startMock({ port: 0, profiles: 0 });
    try {
      const port = Number(new URL(first.url).port);
      await expect(startMock({ port, profiles: 0 })).rejects.toThrow(`port ${port} on 127.0.0.1 is in use`);
    } finally {
      await first.close();
    }
  });
});

describe('CORS', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, profiles: 0 });
  });
  afterAll(() => mock.close());

  it('answers a preflight from any localhost origin', async () => {
    for (const origin of ['http://127.0.0.1:8080', 'http://localhost:3000', 'http://[::1]:5173']) {
      const res = await fetch(`${mock.url}/v1/profiles`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization',
        },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
      // The typed client names itself with x-insightiq-client in browsers, where user-agent is the browser's.
      expect(res.headers.get('access-control-allow-headers')).toContain('x-insightiq-client');
      expect(res.headers.get('access-control-allow-methods')).toContain('GET');
    }
  });

  it('allows and exposes headers on responses, errors included, but not to other origins', async () => {
    const ok = await get(mock.url, '/v1/profiles', { origin: 'http://localhost:8080' });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
    expect(ok.headers.get('access-control-expose-headers')).toContain('request-id');
    const denied = await get(mock.url, '/v1/profiles', {
      origin: 'http://localhost:8080',
      authorization: '',
    });
    expect(denied.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
    const other = await get(mock.url, '/v1/profiles', { origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
