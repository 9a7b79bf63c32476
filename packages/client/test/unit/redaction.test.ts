import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ApiError, ProfilesError } from '../../src/index.js';
import { CLIENT_ID, errorBody, ID, json, page, SECRET, stubFetch, testClient } from '../helpers.js';

const basic = `Basic ${Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64')}`;

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
      'Connection error to api.test (attempt 1 of 1): socket hang up while sending Basic [redacted] for [redacted]',
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
