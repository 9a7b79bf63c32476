import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Logger, ValidationError } from '../../src/index.js';
import { clientHeader } from '../../src/internal/user-agent.js';
import { CLIENT_ID, errorBody, ID, json, page, profile, SECRET, stubFetch, testClient } from '../helpers.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
const token = Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64');

/** A logger that keeps every call, level by level. */
function captureLogger() {
  const lines: Array<[string, string, unknown]> = [];
  const at =
    (level: string) =>
    (message: string, details?: unknown): void => {
      lines.push([level, message, details]);
    };
  const logger: Logger = { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
  return { logger, lines };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('the user agent', () => {
  it('names the client, its version and the runtime on every request', async () => {
    const { fetch, requests } = stubFetch(json(200, profile(1)));
    await testClient(fetch).profiles.get(ID);
    expect(requests[0]?.headers.get('user-agent')).toBe(
      `insightiq-profiles-client/${version} node/${process.versions.node}`,
    );
  });

  it('names Deno and Bun before the Node version they also report', () => {
    vi.stubGlobal('Deno', { version: { deno: '2.9.6' } });
    expect(clientHeader()).toEqual({ 'user-agent': `insightiq-profiles-client/${version} deno/2.9.6` });
    vi.unstubAllGlobals();
    vi.stubGlobal('Bun', { version: '1.4.4' });
    expect(clientHeader()).toEqual({ 'user-agent': `insightiq-profiles-client/${version} bun/1.4.4` });
  });

  it('in a browser, where a page cannot set user-agent, sends x-insightiq-client instead', () => {
    const saved = globalThis.process;
    try {
      (globalThis as { process?: unknown }).process = undefined;
      expect(clientHeader()).toEqual({ 'x-insightiq-client': `insightiq-profiles-client/${version}` });
    } finally {
      globalThis.process = saved;
    }
  });
});

describe('the logger', () => {
  it('logs nothing by default', async () => {
    const { logger, lines } = captureLogger();
    const { fetch } = stubFetch(json(500, errorBody(500), { 'retry-after': '0' }), json(200, profile(1)));
    await testClient(fetch, { logger }).profiles.get(ID);
    expect(lines).toEqual([]);
  });

  it('at info, logs each attempt (method, path, status, duration, request id) and each retry with its reason and wait', async () => {
    const { logger, lines } = captureLogger();
    const { fetch } = stubFetch(json(503, errorBody(503), { 'retry-after': '0' }), json(200, profile(1)));
    await testClient(fetch, { logger, logLevel: 'info' }).profiles.get(ID);
    expect(lines.map(([level]) => level)).toEqual(['info', 'warn', 'info']);
    expect(lines[0]?.[1]).toMatch(
      new RegExp(`^\\[insightiq-profiles-client\\] GET /v1/profiles/${ID} → 503 in \\d+ ms$`),
    );
    expect(lines[0]?.[2]).toMatchObject({ status: 503, attempt: 1, requestId: expect.any(String) });
    expect(lines[1]?.[1]).toBe(
      `[insightiq-profiles-client] GET /v1/profiles/${ID}: retrying in 0 ms after 503`,
    );
    expect(lines[1]?.[2]).toEqual({ attempt: 2, waitMs: 0 });
    expect(lines[2]?.[1]).toMatch(/→ 200 in \d+ ms$/);
  });

  it('at error, logs only the call that failed', async () => {
    const { logger, lines } = captureLogger();
    const { fetch } = stubFetch(json(404, errorBody(404)));
    await testClient(fetch, { logger, logLevel: 'error' })
      .profiles.get(ID)
      .catch(() => {});
    expect(lines).toHaveLength(1);
    expect(lines[0]?.[0]).toBe('error');
    expect(lines[0]?.[1]).toContain(`GET /v1/profiles/${ID} failed: 404 failed with 404`);
  });

  it('takes its level from INSIGHTIQ_LOG, and refuses an unknown level', async () => {
    vi.stubEnv('INSIGHTIQ_LOG', 'info');
    const { logger, lines } = captureLogger();
    const { fetch } = stubFetch(page(0, 1));
    await testClient(fetch, { logger }).profiles.list();
    expect(lines).toHaveLength(1);
    expect(() => testClient(fetch, { logLevel: 'verbose' as 'info' })).toThrow(
      new ValidationError('logLevel', 'must be one of off, error, warn, info, debug', 'verbose'),
    );
  });

  it('never logs the credentials, at any level, whatever fails', async () => {
    const { logger, lines } = captureLogger();
    const { fetch } = stubFetch(
      new Error(`socket hang up while sending Basic ${token} for ${SECRET}`),
      json(429, errorBody(429), { 'retry-after': '0' }),
      json(200, { data: 'not a list', metadata: {} }),
    );
    await testClient(fetch, { logger, logLevel: 'debug' })
      .profiles.list()
      .catch(() => {});
    const text = JSON.stringify(lines);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(token);
  });
});

describe('raw.use() middleware', () => {
  it('sees every profiles.* request and response', async () => {
    const { fetch, requests } = stubFetch(page(0, 2), json(200, profile(1)));
    const client = testClient(fetch);
    const seen: string[] = [];
    client.raw.use({
      onRequest({ request }) {
        request.headers.set('x-trace-id', 'trace-1');
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
        return request;
      },
      onResponse({ response }) {
        seen.push(`${response.status}`);
        return response;
      },
    });
    await client.profiles.list({ limit: 10 });
    await client.profiles.get(ID);
    expect(seen).toEqual(['GET /v1/profiles', '200', `GET /v1/profiles/${ID}`, '200']);
    expect(requests.map((r) => r.headers.get('x-trace-id'))).toEqual(['trace-1', 'trace-1']);
  });
});
