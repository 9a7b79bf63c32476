import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  AbortError,
  ConnectionError,
  InternalServerError,
  RateLimitError,
  TimeoutError,
} from '../../src/index.js';
import { retryDelay } from '../../src/internal/request.js';
import { errorBody, hangingFetch, ID, json, page, profile, stubFetch, testClient } from '../helpers.js';

const ok = () => json(200, profile(1));

afterEach(() => {
  vi.useRealTimers();
});

describe('retries', () => {
  it('a 429 with Retry-After: 1 then a 200 succeeds, retried after exactly that second', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    const { fetch, requests } = stubFetch(json(429, errorBody(429), { 'retry-after': '1' }), ok());
    const result = testClient(fetch)
      .profiles.get(ID)
      .then((r) => r);
    await vi.advanceTimersByTimeAsync(999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await result).id).toBe(profile(1).id);
    expect(requests).toHaveLength(2);
  });

  it('500 three times gives InternalServerError after exactly 3 attempts with the default maxRetries', async () => {
    const { fetch, requests } = stubFetch(json(500, errorBody(500), { 'retry-after': '0' }));
    const error = await testClient(fetch)
      .profiles.get(ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(requests).toHaveLength(3);
  });

  it.each([400, 401, 403, 404])('a %i is sent once', async (status) => {
    const { fetch, requests } = stubFetch(json(status, errorBody(status)));
    await expect(testClient(fetch).profiles.get(ID)).rejects.toMatchObject({ status });
    expect(requests).toHaveLength(1);
  });

  it.each([408, 409, 429, 502, 503, 504])('a %i is retried', async (status) => {
    const { fetch, requests } = stubFetch(json(status, errorBody(status), { 'retry-after': '0' }), ok());
    await expect(testClient(fetch).profiles.get(ID)).resolves.toMatchObject({ id: profile(1).id });
    expect(requests).toHaveLength(2);
  });

  it('retries connection errors, then gives a ConnectionError', async () => {
    const { fetch, requests } = stubFetch(new TypeError('fetch failed'));
    const error = await testClient(fetch, { maxRetries: 1 })
      .profiles.get(ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe('Connection error to api.test (attempt 2 of 2): fetch failed');
    expect(requests).toHaveLength(2);
  });

  it('maxRetries per request overrides the client', async () => {
    const { fetch, requests } = stubFetch(json(429, errorBody(429), { 'retry-after': '0' }));
    await expect(
      testClient(fetch, { maxRetries: 5 }).profiles.get(ID, { maxRetries: 0 }),
    ).rejects.toBeInstanceOf(RateLimitError);
    expect(requests).toHaveLength(1);
  });

  it('computes delays: Retry-After seconds or date within 0-60 s, else backoff 0.5 s to 8 s with jitter', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryDelay(0, '3', now)).toBe(3000);
    expect(retryDelay(0, '0', now)).toBe(0);
    expect(retryDelay(0, 'Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10_000);
    for (let i = 0; i < 50; i++) {
      const first = retryDelay(0, '120', now);
      expect(first).toBeGreaterThan(375 - 1e-9);
      expect(first).toBeLessThanOrEqual(500);
      const late = retryDelay(10, null, now);
      expect(late).toBeGreaterThanOrEqual(6000);
      expect(late).toBeLessThanOrEqual(8000);
      expect(retryDelay(1, 'garbage', now)).toBeLessThanOrEqual(1000);
    }
  });
});

describe('timeouts and cancellation', () => {
  it('an attempt past timeoutMs gives a TimeoutError (after its retries)', async () => {
    const { fetch, requests } = hangingFetch();
    const error = await testClient(fetch, { timeoutMs: 50, maxRetries: 0 })
      .profiles.get(ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe('Request timed out after 50 ms (attempt 1 of 1).');
    expect(requests).toHaveLength(1);
  });

  it('a fetch that ignores its signal still times out', async () => {
    const { fetch } = stubFetch(() => new Promise<Response>(() => {}));
    const error = await testClient(fetch, { timeoutMs: 30, maxRetries: 0 })
      .profiles.get(ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('a timeout is retried, and the per-request timeout wins', async () => {
    const { fetch, requests } = hangingFetch(ok());
    const client = testClient(fetch, { timeoutMs: 60_000 });
    await expect(client.profiles.get(ID, { timeoutMs: 30 })).resolves.toMatchObject({ id: profile(1).id });
    expect(requests).toHaveLength(2);
  });

  it('the caller aborting a request in flight gives an AbortError, not retried', async () => {
    const { fetch, requests } = hangingFetch();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    await expect(testClient(fetch).profiles.get(ID, { signal: controller.signal })).rejects.toBeInstanceOf(
      AbortError,
    );
    expect(requests).toHaveLength(1);
  });

  it('the caller aborting during a backoff wait stops the wait at once', async () => {
    // The clock stands still: only the abort can end the 30 s wait.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    const { fetch, requests } = stubFetch(json(503, errorBody(503), { 'retry-after': '30' }));
    const controller = new AbortController();
    const error = testClient(fetch)
      .profiles.get(ID, { signal: controller.signal })
      .catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(50);
    expect(requests).toHaveLength(1);
    controller.abort();
    expect(await error).toBeInstanceOf(AbortError);
    expect(requests).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const { fetch, requests } = stubFetch(ok());
    await expect(testClient(fetch).profiles.list({}, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      AbortError,
    );
    expect(requests).toHaveLength(0);
  });

  it('pagination passes the signal to every page', async () => {
    const { fetch, requests } = stubFetch(page(0, 10), page(10, 10), page(20, 3));
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await (async () => {
      for await (const p of testClient(fetch).profiles.list({}, { signal: controller.signal })) {
        seen.push(p.id);
        if (seen.length === 10) controller.abort();
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(seen).toHaveLength(10);
    expect(requests).toHaveLength(1);
  });
});
