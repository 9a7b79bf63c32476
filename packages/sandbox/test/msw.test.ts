import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../src/index.js';
import { createHandlers } from '../src/msw.js';
import { AUTH, expectConforms, read } from './helpers.js';

describe('MSW handlers backed by the sandbox (msw 2.15, setupServer)', () => {
  const sandbox = createSandbox({ profiles: 20 });
  const server = setupServer(...createHandlers(sandbox, { baseUrl: 'https://api.insightiq.ai' }));
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterAll(() => server.close());

  it('answers the global fetch with the sandbox’s pages and profiles', async () => {
    const page = await read(
      await fetch('https://api.insightiq.ai/v1/profiles?limit=5&offset=10', { headers: AUTH }),
    );
    expectConforms(page, 'listProfiles');
    expect(page.body.metadata).toMatchObject({ offset: 10, limit: 5 });
    const one = await read(
      await fetch(`https://api.insightiq.ai/v1/profiles/${page.body.data[0].id}`, { headers: AUTH }),
    );
    expect(one.body).toEqual(page.body.data[0]);
  });

  it('keeps the API’s errors, and turns a dropped connection into a network error', async () => {
    const unauthorized = await read(await fetch('https://api.insightiq.ai/v1/profiles'));
    expect(unauthorized.status).toBe(401);
    await expect(
      fetch('https://api.insightiq.ai/v1/profiles', { headers: { ...AUTH, 'x-mock-fault': 'drop' } }),
    ).rejects.toThrow(TypeError);
  });

  it('with no baseUrl, answers any origin', async () => {
    const any = setupServer(...createHandlers(createSandbox({ profiles: 0 })));
    server.close();
    any.listen({ onUnhandledFrame: 'error' });
    try {
      const answer = await read(await fetch('https://elsewhere.test/v1/profiles?limit=1', { headers: AUTH }));
      expect(answer.body.data).toHaveLength(1);
    } finally {
      any.close();
      server.listen({ onUnhandledFrame: 'error' });
    }
  });
});
