import { request } from 'node:http';
import { createSandbox } from '@insightiq/profiles-sandbox';
import { prng } from '@insightiq/profiles-sandbox/internal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../src/index.js';
import { AUTH, contract } from './helpers.js';

const rand = prng('fuzz');
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
const KEYS = [
  'limit',
  'offset',
  'user_id',
  'work_platform_id',
  'account_id',
  'LIMIT',
  'limit[]',
  '',
  'unknown',
  'offset%00',
];
const VALUES = [
  '0',
  '1',
  '-1',
  '100',
  '101',
  '10.5',
  '1e3',
  '0x10',
  '  7',
  '+5',
  '99999999999999999999999',
  'NaN',
  'Infinity',
  '',
  'é',
  '😀',
  '%',
  '%ZZ',
  '%00',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  ['$', '{jndi:ldap://x}'].join(''),
  '3640aa41-55d3-4198-9092-ef9ced03d7fb',
  '3640AA41-55D3-4198-9092-EF9CED03D7FB',
  '{"$gt":""}',
  'null',
  'true',
  '[]',
];
const enc = (s: string) =>
  rand() < 0.7 ? encodeURIComponent(s) : s.replace(/[^\x21-\x7e]/gu, encodeURIComponent);

/** A random query string: 0-4 pairs, repeated keys, odd separators and encodings. */
function randomQuery(): string {
  const parts: string[] = [];
  for (let i = Math.floor(rand() * 5); i > 0; i--) {
    const key = pick(KEYS);
    const value = rand() < 0.2 ? pick(VALUES) + pick(VALUES) : pick(VALUES);
    parts.push(rand() < 0.1 ? enc(key) : `${enc(key)}=${enc(value)}`);
  }
  return parts.join(rand() < 0.1 ? '&&' : '&');
}

const send = (url: string, path: string) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const req = request(url + path, { headers: { authorization: AUTH } }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );

describe('fuzzing the query string', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock.close());

  it('600 random queries: never a 5xx or a crash; every answer a contract-valid 200 or 4xx', async () => {
    const statuses = new Map<number, number>();
    for (let i = 0; i < 600; i++) {
      const path = (rand() < 0.8 ? '/v1/profiles?' : `/v1/profiles/${enc(pick(VALUES))}?`) + randomQuery();
      const answer = await send(mock.url, path);
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      expect(answer.status, path).toBeLessThan(500);
      // `/v1/profiles/` (an empty id) is the list, as the mock routes it.
      const operationId = /^\/v1\/profiles\/?\?/.test(path) ? 'listProfiles' : 'getProfile';
      if (answer.body.includes('ROUTE_NOT_FOUND')) {
        expect(answer.status).toBe(404);
        continue;
      }
      const issues = contract.validateResponse({
        operationId,
        status: answer.status,
        headers: answer.headers,
        text: answer.body,
      });
      expect(issues, `${path} -> ${answer.status} ${answer.body.slice(0, 200)}`).toEqual([]);
    }
    expect(statuses.get(200)).toBeGreaterThan(20);
    expect(statuses.get(400)).toBeGreaterThan(100);
    const health = await send(mock.url, '/v1/profiles?limit=1');
    expect(health.status).toBe(200);
  });
});

describe('fuzzing the query string in process (sandbox.fetch, the same engine without HTTP)', () => {
  it('600 random queries: never a 5xx or a throw; every answer a contract-valid 200 or 4xx', async () => {
    const sandbox = createSandbox();
    const statuses = new Map<number, number>();
    for (let i = 0; i < 600; i++) {
      const path = (rand() < 0.8 ? '/v1/profiles?' : `/v1/profiles/${enc(pick(VALUES))}?`) + randomQuery();
      const res = await sandbox.fetch(`https://sandbox.test${path}`, { headers: { authorization: AUTH } });
      const body = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, path).toBeLessThan(500);
      if (body.includes('ROUTE_NOT_FOUND')) continue;
      const operationId = /^\/v1\/profiles\/?\?/.test(path) ? 'listProfiles' : 'getProfile';
      const issues = contract.validateResponse({
        operationId,
        status: res.status,
        headers: res.headers,
        text: body,
      });
      expect(issues, `${path} -> ${res.status} ${body.slice(0, 200)}`).toEqual([]);
    }
    expect(statuses.get(200)).toBeGreaterThan(20);
    expect(statuses.get(400)).toBeGreaterThan(100);
  });
});
