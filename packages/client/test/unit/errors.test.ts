import { describe, expect, it } from 'vitest';
import {
  AbortError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  ProfilesError,
  RateLimitError,
} from '../../src/index.js';
import { errorBody, hangingFetch, ID, json, profile, RID, stubFetch, testClient } from '../helpers.js';

describe('HTTP errors', () => {
  it.each([
    [400, BadRequestError],
    [401, AuthenticationError],
    [403, PermissionDeniedError],
    [404, NotFoundError],
    [429, RateLimitError],
    [500, InternalServerError],
    [503, InternalServerError],
    [418, ApiError],
  ])(
    '%i gives %s with status, type, errorCode, message, requestId, headers and body',
    async (status, ErrorClass) => {
      const { fetch } = stubFetch(json(status, errorBody(status), { 'x-extra': 'yes' }));
      const error = await testClient(fetch, { maxRetries: 0 })
        .profiles.get(ID)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ErrorClass);
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toBeInstanceOf(ProfilesError);
      expect(error).toMatchObject({
        status,
        type: 'INVALID_REQUEST_PARAMETERS',
        errorCode: 'SOMETHING_WRONG',
        requestId: RID,
        body: errorBody(status),
        name: ErrorClass.name,
      });
      expect((error as ApiError).headers['x-extra']).toBe('yes');
      expect((error as ApiError).message).toBe(
        `${status} failed with ${status} [SOMETHING_WRONG] (request id ${RID})`,
      );
    },
  );

  it('falls back to error.code when error_code is absent', async () => {
    const body = { error: { type: 'T', code: 'OLD_CODE', message: 'm' } };
    const { fetch } = stubFetch(json(400, body));
    const error = await testClient(fetch)
      .profiles.get(ID)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ errorCode: 'OLD_CODE' });
  });

  it('takes the request id from the header, else from the body', async () => {
    const other = '11111111-2222-4333-8444-555555555555';
    const fromHeader = stubFetch(json(404, errorBody(404, { request_id: other })));
    expect(
      await testClient(fromHeader.fetch)
        .profiles.get(ID)
        .catch((e: any) => e.requestId),
    ).toBe(RID);
    const noHeader = new Response(JSON.stringify(errorBody(404, { request_id: other })), { status: 404 });
    const fromBody = stubFetch(noHeader);
    expect(
      await testClient(fromBody.fetch)
        .profiles.get(ID)
        .catch((e: any) => e.requestId),
    ).toBe(other);
  });

  it('keeps a non-JSON error body as text', async () => {
    const { fetch } = stubFetch(new Response('<html>bad gateway</html>', { status: 502 }));
    const error = await testClient(fetch, { maxRetries: 0 })
      .profiles.get(ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, body: '<html>bad gateway</html>', errorCode: undefined });
  });
});

describe('malformed success responses', () => {
  it('a 200 whose body is not JSON gives a clear ApiError', async () => {
    const { fetch } = stubFetch(new Response('{"data": [', { status: 200, headers: { 'request-id': RID } }));
    const error = await testClient(fetch)
      .profiles.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, body: '{"data": [', requestId: RID });
    expect((error as Error).message).toContain('response body is not valid JSON');
  });

  it.each([
    ['an array', []],
    ['data as an object', { data: {}, metadata: { offset: 0, limit: 10 } }],
    ['no metadata', { data: [] }],
    ['null', null],
  ])('a list body that is %s gives an ApiError', async (_name, body) => {
    const { fetch } = stubFetch(json(200, body));
    const error = await testClient(fetch)
      .profiles.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as Error).message).toContain('response body is not the documented shape');
  });

  it('a profile body without an id gives an ApiError', async () => {
    const { fetch } = stubFetch(json(200, { name: 'x' }));
    const error = await testClient(fetch)
      .profiles.get(ID)
      .catch((e: unknown) => e);
    expect((error as Error).message).toContain('not the documented shape');
  });
});

describe('the built package', () => {
  it('uses fetch only: no Node built-in on the runtime path (browsers, Deno, Bun, edge workers)', async () => {
    const { readFileSync } = await import('node:fs');
    for (const file of ['index.js', 'index.cjs']) {
      const code = readFileSync(new URL(`../../dist/${file}`, import.meta.url), 'utf8');
      expect(code).not.toMatch(
        /from\s+["']node:|require\(["']node:|from\s+["'](fs|http|https|net|crypto|util|buffer)["']/,
      );
      expect(code).not.toMatch(/\bBuffer\./);
    }
  });
});

describe('RateLimitError.retryAfter', () => {
  const rateLimited = async (headers: Record<string, string>) =>
    (await testClient(stubFetch(json(429, errorBody(429), headers)).fetch, { maxRetries: 0 })
      .profiles.get(ID)
      .catch((e: unknown) => e)) as RateLimitError;

  it('reads Retry-After as seconds, an HTTP date, or nothing', async () => {
    expect((await rateLimited({ 'retry-after': '30' })).retryAfter).toBe(30);
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    const fromDate = (await rateLimited({ 'retry-after': inTwoMinutes })).retryAfter as number;
    expect(fromDate).toBeGreaterThan(100);
    expect(fromDate).toBeLessThanOrEqual(120);
    expect((await rateLimited({})).retryAfter).toBeUndefined();
    expect((await rateLimited({ 'retry-after': 'soon' })).retryAfter).toBeUndefined();
  });

  it('keeps the response headers, as every ApiError does', async () => {
    const error = await rateLimited({ 'retry-after': '90', 'x-ratelimit-reset': '90' });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.headers).toMatchObject({ 'retry-after': '90', 'x-ratelimit-reset': '90' });
  });
});

describe('one caller signal shared by many calls', () => {
  it('adds one listener to it, so 50 concurrent calls print no MaxListenersExceededWarning', async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      const client = testClient(stubFetch(json(200, profile(1))).fetch);
      await Promise.all(
        Array.from({ length: 50 }, () => client.profiles.get(ID, { signal: controller.signal })),
      );
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((w) => w.name)).toEqual([]);
      // And it still aborts every call that shares it.
      const hanging = Array.from({ length: 12 }, () =>
        testClient(hangingFetch().fetch)
          .profiles.get(ID, { signal: controller.signal })
          .catch((e: unknown) => e),
      );
      controller.abort();
      for (const error of await Promise.all(hanging)) expect(error).toBeInstanceOf(AbortError);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
