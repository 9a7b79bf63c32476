import { run } from '@insightiq/profiles-cli';
import { createProfilesClient, ValidationError } from '@insightiq/profiles-client';
import { type RunningMock, startMock } from '@insightiq/profiles-mock';
import { createSandbox } from '@insightiq/profiles-sandbox';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDocs } from '../scripts/serve.mjs';
import { launch, openPage } from './browser.js';

// One piece of code decides whether a parameter value keeps its rule and words the problem
// (`@insightiq/profiles-spec/parameters`). The same bad values, given to every surface of the kit,
// must come back with the same rule text from each.
const LIMIT = 'must be an integer between 1 and 100';
const CASES: Array<{
  what: string;
  query: [string, string][];
  typed: Record<string, unknown>;
  rule: string;
}> = [
  { what: 'limit 0', query: [['limit', '0']], typed: { limit: 0 }, rule: LIMIT },
  { what: 'limit 101', query: [['limit', '101']], typed: { limit: 101 }, rule: LIMIT },
  { what: 'limit 2.5', query: [['limit', '2.5']], typed: { limit: 2.5 }, rule: LIMIT },
  {
    what: 'offset -1',
    query: [['offset', '-1']],
    typed: { offset: -1 },
    rule: 'must be an integer between 0 and 9007199254740991',
  },
  {
    what: 'a bad UUID',
    query: [['user_id', 'not-a-uuid']],
    typed: { user_id: 'not-a-uuid' },
    rule: 'must be a UUID',
  },
  {
    what: 'a repeated parameter',
    query: [
      ['limit', '5'],
      ['limit', '6'],
    ],
    typed: { limit: [5, 6] },
    rule: 'must be given once, not 2 times',
  },
];
const AUTH = { authorization: `Basic ${btoa('one-checker:secret')}` };
const search = (query: [string, string][]) => new URLSearchParams(query).toString();
const output = () => {
  let text = '';
  return { write: (s: string) => (text += s), text: () => text };
};

let mock: RunningMock;
let docs: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;
const sandbox = createSandbox({ profiles: 0 });

beforeAll(async () => {
  [mock, docs, browser] = await Promise.all([startMock({ port: 0 }), serveDocs({ port: 0 }), launch()]);
  ({ page } = await openPage(browser));
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([mock?.close(), docs?.close()]);
});

describe.each(CASES)('$what gets "$rule" from every surface', ({ query, typed, rule }) => {
  it('the client, before sending', async () => {
    const client = createProfilesClient({ baseUrl: mock.url, clientId: 'a', clientSecret: 'b' });
    const error = await client.profiles.list(typed as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).rule).toBe(rule);
  });

  it('the sandbox, in process', async () => {
    const res = await sandbox.fetch(`https://api.test/v1/profiles?${search(query)}`, { headers: AUTH });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain(`: ${rule}.`);
  });

  it('the mock, over HTTP', async () => {
    const res = await fetch(`${mock.url}/v1/profiles?${search(query)}`, { headers: AUTH });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toContain(`: ${rule}.`);
  });

  it('the CLI, on its flags', async () => {
    const [stdout, stderr] = [output(), output()];
    const flags = query.flatMap(([name, value]) => [`--${name.replace(/_/g, '-')}`, value]);
    const env = { INSIGHTIQ_BASE_URL: mock.url, INSIGHTIQ_CLIENT_ID: 'a', INSIGHTIQ_CLIENT_SECRET: 'b' };
    const code = await withEnv(env, () => run(['profiles', 'list', ...flags], { stdout, stderr }));
    expect(code).toBe(2);
    expect(stderr.text()).toContain(`--${query[0]?.[0].replace(/_/g, '-')} ${rule}`);
  });

  it('the Try it page, as the reader types (or follows a link)', async () => {
    await page.goto('about:blank');
    await page.goto(`${docs.url}/try-it.html#listProfiles?${search(query)}`);
    const name = query[0]?.[0] as string;
    expect(await page.textContent(`#problem-${name}`)).toBe(`${name} ${rule}`);
  });
});

/** Runs `fn` with these environment variables set, then puts the old values back. */
async function withEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const old = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(old)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
