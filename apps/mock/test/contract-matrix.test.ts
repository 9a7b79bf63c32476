import { createSandbox } from '@insightiq/profiles-sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../src/index.js';
import { AUTH, contract, expectConforms, get } from './helpers.js';

const ID = '3640aa41-55d3-4198-9092-ef9ced03d7fb';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const wrongAuth = `Basic ${Buffer.from('someone:else').toString('base64')}`;

type Row = [
  label: string,
  op: 'listProfiles' | 'getProfile',
  path: string,
  headers: Record<string, string>,
  status: number,
];

const matrix: Row[] = [
  ['list, defaults', 'listProfiles', '/v1/profiles', {}, 200],
  ['list, a page', 'listProfiles', '/v1/profiles?limit=5&offset=3', {}, 200],
  ['list, past the end', 'listProfiles', '/v1/profiles?offset=100000', {}, 200],
  [
    'list, every filter',
    'listProfiles',
    `/v1/profiles?user_id=${ID}&work_platform_id=${ID}&account_id=${ID}`,
    {},
    200,
  ],
  ['list, limit=0', 'listProfiles', '/v1/profiles?limit=0', {}, 400],
  ['list, limit=101', 'listProfiles', '/v1/profiles?limit=101', {}, 400],
  ['list, limit=abc', 'listProfiles', '/v1/profiles?limit=abc', {}, 400],
  ['list, offset=-1', 'listProfiles', '/v1/profiles?offset=-1', {}, 400],
  ['list, user_id not a UUID', 'listProfiles', '/v1/profiles?user_id=bob', {}, 400],
  ['list, work_platform_id not a UUID', 'listProfiles', '/v1/profiles?work_platform_id=1', {}, 400],
  ['list, account_id not a UUID', 'listProfiles', '/v1/profiles?account_id=x', {}, 400],
  ['list, no auth', 'listProfiles', '/v1/profiles', { authorization: '' }, 401],
  ['list, malformed auth', 'listProfiles', '/v1/profiles', { authorization: 'Bearer abc' }, 401],
  ['list, wrong auth', 'listProfiles', '/v1/profiles', { authorization: wrongAuth }, 401],
  ['list, fault 429', 'listProfiles', '/v1/profiles', { 'x-mock-fault': '429' }, 429],
  ['list, fault 500', 'listProfiles', '/v1/profiles', { 'x-mock-fault': '500' }, 500],
  ['list, fault delay', 'listProfiles', '/v1/profiles', { 'x-mock-fault': 'delay=50' }, 200],
  ['get, found', 'getProfile', `/v1/profiles/${ID}`, {}, 200],
  ['get, not found', 'getProfile', '/v1/profiles/00000000-0000-4000-8000-000000000000', {}, 404],
  ['get, malformed id', 'getProfile', '/v1/profiles/not-a-uuid', {}, 400],
  ['get, no auth', 'getProfile', `/v1/profiles/${ID}`, { authorization: '' }, 401],
  ['get, wrong auth', 'getProfile', `/v1/profiles/${ID}`, { authorization: wrongAuth }, 401],
  ['get, fault 429', 'getProfile', `/v1/profiles/${ID}`, { 'x-mock-fault': '429;retry-after=3' }, 429],
  ['get, fault 500', 'getProfile', `/v1/profiles/${ID}`, { 'x-mock-fault': '500' }, 500],
];

describe.each(['sandbox', 'examples', 'in-process'] as const)(
  '%s mode: every response conforms to the contract',
  (mode) => {
    // `in-process`: the same engine without HTTP, through sandbox.fetch, as unit tests use it.
    let mock: Pick<RunningMock, 'url' | 'close'>;
    let fetchImpl: ((input: string, init: RequestInit) => Promise<Response>) | undefined;
    beforeAll(async () => {
      if (mode === 'in-process') {
        const sandbox = createSandbox({ credentials: 'client-id:client-secret' });
        fetchImpl = sandbox.fetch;
        mock = { url: 'https://sandbox.test', close: async () => {} };
      } else {
        mock = await startMock({ port: 0, mode, credentials: 'client-id:client-secret' });
      }
    });
    afterAll(() => mock.close());
    const call = (base: string, path: string, headers: Record<string, string> = {}) =>
      get(base, path, headers, fetchImpl);

    const rows = mode !== 'examples' ? matrix : matrix.filter(([label]) => !label.includes('not found'));
    it.each(rows)('%s', async (label, op, path, headers, status) => {
      const answer = await call(mock.url, path, headers);
      expect(answer.status, answer.text).toBe(status);
      expectConforms(answer, op, label);
      const requestId = answer.headers.get('request-id') as string;
      expect(requestId).toMatch(UUID);
      if (status >= 400) {
        expect((answer.body as any).error.request_id).toBe(requestId);
        expect((answer.body as any).error.http_status_code).toBe(status);
      }
      if (status === 401) expect(answer.headers.get('www-authenticate')).toBe('Basic realm="InsightIQ"');
      if (status === 429) expect(answer.headers.get('retry-after')).toBe(label.startsWith('get') ? '3' : '1');
    });

    it('gives every response a fresh request id', async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 5; i++)
        ids.add((await call(mock.url, '/v1/profiles?limit=1')).headers.get('request-id') as string);
      expect(ids.size).toBe(5);
    });

    it('names the parameter and the rule in a 400', async () => {
      const answer = await call(mock.url, '/v1/profiles?limit=0&offset=-2');
      expect((answer.body as any).error).toMatchObject({
        type: 'INVALID_REQUEST_PARAMETERS',
        error_code: 'INVALID_PARAMETER_VALUE',
        message:
          'Invalid value for query parameter limit: must be an integer between 1 and 100. Invalid value for query parameter offset: must be an integer between 0 and 9007199254740991.',
      });
    });
  },
);

describe('examples mode: Prefer picks an example or a status', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, mode: 'examples' });
  });
  afterAll(() => mock.close());

  it('Prefer: code=404 answers the documented 404 example of getProfile', async () => {
    const answer = await get(mock.url, `/v1/profiles/${ID}`, { prefer: 'code=404' });
    expect(answer.status).toBe(404);
    expectConforms(answer, 'getProfile');
    expect((answer.body as any).error.error_code).toBe('PROFILE_NOT_FOUND');
  });

  it('Prefer: example=referenceSample answers the sample', async () => {
    const answer = await get(mock.url, '/v1/profiles', { prefer: 'example=referenceSample' });
    expectConforms(answer, 'listProfiles');
    expect((answer.body as any).data).toHaveLength(10);
  });

  it('x-mock-fault: malformed truncates the example body too', async () => {
    const answer = await get(mock.url, '/v1/profiles', { 'x-mock-fault': 'malformed' });
    expect(answer.status).toBe(200);
    expect(answer.text.length).toBeGreaterThan(100);
    expect(() => JSON.parse(answer.text)).toThrow();
  });

  it('a status the operation does not document is a 400 in the API error shape, not a Prism problem', async () => {
    const answer = await get(mock.url, '/v1/profiles', { prefer: 'code=404' });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect((answer.body as any).error).toMatchObject({
      error_code: 'INVALID_PREFER_HEADER',
      http_status_code: 400,
    });
    expect((answer.body as any).error.message).toContain('Prefer: code=404');
  });
});

describe('faults outside the contract, for resilience tests', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock.close());

  it('503, a status the contract does not document, still answers with its Error body and request id', async () => {
    const answer = await get(mock.url, '/v1/profiles', { 'x-mock-fault': '503' });
    expect(answer.status).toBe(503);
    expect(contract.validateSchema('Error', answer.body)).toEqual([]);
    const requestId = answer.headers.get('request-id');
    expect(requestId).toMatch(UUID);
    expect((answer.body as any).error).toMatchObject({
      error_code: 'SERVICE_UNAVAILABLE',
      http_status_code: 503,
      request_id: requestId,
    });
  });

  it('malformed answers 200 with a body that is not JSON', async () => {
    const answer = await get(mock.url, '/v1/profiles', { 'x-mock-fault': 'malformed' });
    expect(answer.status).toBe(200);
    expect(answer.text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(answer.text)).toThrow();
  });

  it('drop closes the connection without an answer', async () => {
    await expect(get(mock.url, '/v1/profiles', { 'x-mock-fault': 'drop' })).rejects.toThrow(/fetch failed/);
  });

  it('an unknown fault is a 400 that lists the known ones', async () => {
    const answer = await get(mock.url, '/v1/profiles', { 'x-mock-fault': 'explode' });
    expect(answer.status).toBe(400);
    expect((answer.body as any).error.message).toBe(
      'Unknown x-mock-fault "explode": use one of 429, 429;retry-after=N, 500, 503, delay=MS (0-30000), drop, malformed, drift, drift=KIND[,KIND].',
    );
  });

  it('an unknown route or method gets the Error body', async () => {
    const route = await get(mock.url, '/v1/users');
    expect([route.status, (route.body as any).error.error_code]).toEqual([404, 'ROUTE_NOT_FOUND']);
    const res = await fetch(`${mock.url}/v1/profiles`, { method: 'POST', headers: { authorization: AUTH } });
    expect([res.status, res.headers.get('allow')]).toEqual([405, 'GET, HEAD, OPTIONS']);
  });
});

describe('global faults', () => {
  it('--fail-rate 1 fails every request with a contract-valid 500, --latency-ms delays it', async () => {
    const mock = await startMock({ port: 0, failRate: 1, latencyMs: 30 });
    try {
      const answer = await get(mock.url, '/v1/profiles');
      expect(answer.status).toBe(500);
      expectConforms(answer, 'listProfiles');
      expect((answer.body as any).error.message).toBe('Injected failure (--fail-rate).');
    } finally {
      await mock.close();
    }
  });

  it('--fail-rate 0.5 fails about half, deterministically for a seed', async () => {
    const mock = await startMock({ port: 0, failRate: 0.5, seed: 's1' });
    try {
      let failed = 0;
      for (let i = 0; i < 100; i++)
        if ((await get(mock.url, '/v1/profiles?limit=1')).status === 500) failed++;
      expect(failed).toBeGreaterThan(25);
      expect(failed).toBeLessThan(75);
    } finally {
      await mock.close();
    }
  });
});
