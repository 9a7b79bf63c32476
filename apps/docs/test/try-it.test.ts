import { join } from 'node:path';
import { type RunningMock, startMock } from '@insightiq/profiles-mock';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveDocs } from '../scripts/serve.mjs';
import { launch, openPage, type PageLog, resultsDir } from './browser.js';

describe('Try it, in headless Chromium against the mock', () => {
  let browser: Browser;
  let docs: { url: string; close(): Promise<void> };
  let mock: RunningMock;
  let page: Page;
  let log: PageLog;

  beforeAll(async () => {
    [docs, mock, browser] = await Promise.all([
      serveDocs({ port: 0 }),
      startMock({ port: 0, credentials: 'docs-client:docs-secret' }),
      launch(),
    ]);
    ({ page, log } = await openPage(browser));
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([docs?.close(), mock?.close()]);
  });

  /** A fresh page load of Try it on `operation`, pointed at the mock with the right credentials. */
  const open = async (operation: string) => {
    await page.goto('about:blank');
    await page.goto(`${docs.url}/try-it.html#${operation}`);
    await fill({ '#base-url': mock.url, '#username': 'docs-client', '#password': 'docs-secret' });
  };
  // Each test's page may only reach this machine and log no error but the 4xx it asks for.
  afterEach(() => {
    expect(log.externalRequests).toEqual([]);
    expect(log.failedRequests).toEqual([]);
    expect(log.consoleErrors.filter((e) => !/status of (400|401)/.test(e))).toEqual([]);
    log.externalRequests.length = 0;
    log.failedRequests.length = 0;
    log.consoleErrors.length = 0;
  });

  const fill = async (fields: Record<string, string>) => {
    for (const [selector, value] of Object.entries(fields)) await page.fill(selector, value);
  };
  const send = async () => {
    await page.click('#send');
    await page.waitForFunction(
      () => !['–', 'sending…'].includes(document.getElementById('status')?.textContent ?? '–'),
    );
    return {
      status: (await page.textContent('#status')) ?? '',
      requestId: (await page.textContent('#request-id')) ?? '',
      time: (await page.textContent('#time')) ?? '',
      body: (await page.textContent('#body')) ?? '',
    };
  };

  it('is reachable from each operation of the reference page', async () => {
    await page.goto(`${docs.url}/index.html`);
    await page.getByText('Profiles', { exact: true }).first().click();
    await page.getByText('Retrieve a profile').first().click();
    await page.locator('a[href="try-it.html#getProfile"]').click();
    await page.waitForURL(/try-it\.html#getProfile/);
    expect(await page.getAttribute('[data-operation="getProfile"]', 'aria-selected')).toBe('true');
  });

  it('lists the local mock first, then sandbox, staging and production', async () => {
    await page.goto(`${docs.url}/try-it.html`);
    const options = await page.locator('#server option').allTextContents();
    expect(options.map((o) => o.split(' (')[0])).toEqual(['Local mock', 'Production', 'Sandbox', 'Staging']);
    expect(await page.inputValue('#base-url')).toBe('http://127.0.0.1:4010');
  });

  it('sends a list request and shows status, request id, time and the ten profiles', async () => {
    await open('listProfiles');
    const result = await send();
    expect(result.status).toBe('200 OK');
    expect(result.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.time).toMatch(/^\d+ ms$/);
    const body = JSON.parse(result.body);
    expect(body.data).toHaveLength(10);
    expect(body.data[0].full_name).toBe('Peter Parker');
    await page.screenshot({ path: join(resultsDir, 'try-it.png') });
  });

  it('checks bounds before sending, and shows the API 400 when told to send anyway', async () => {
    await open('listProfiles');
    await fill({ 'input[name="limit"]': '0' });
    expect(await page.textContent('#problem-limit')).toBe('limit must be an integer between 1 and 100');
    const blocked = await send();
    expect(blocked.status).toBe('not sent');
    expect(blocked.body).toContain('limit must be an integer between 1 and 100');
    await page.check('#skip-checks');
    const result = await send();
    expect(result.status).toBe('400 Bad Request');
    expect(JSON.parse(result.body).error).toMatchObject({
      error_code: 'INVALID_PARAMETER_VALUE',
      message: 'Invalid value for query parameter limit: must be an integer between 1 and 100.',
      http_status_code: 400,
    });
  });

  it('shows the 401 for wrong credentials', async () => {
    await open('listProfiles');
    await fill({ 'input[name="limit"]': '5', '#password': 'wrong-secret' });
    const result = await send();
    expect(result.status).toBe('401 Unauthorized');
    expect(JSON.parse(result.body).error.error_code).toBe('INVALID_CREDENTIALS');
  });

  it('updates the curl and TypeScript snippets to the values chosen, without the credentials', async () => {
    await open('listProfiles');
    await fill({ '#password': 'wrong-secret' });
    expect(await page.textContent('#snippet-ts')).toContain('const page = await client.profiles.list();');
    await fill({ 'input[name="limit"]': '25', 'input[name="offset"]': '50' });
    const curl = (await page.textContent('#snippet-curl')) ?? '';
    const ts = (await page.textContent('#snippet-ts')) ?? '';
    expect(curl).toContain(`'${mock.url}/v1/profiles?limit=25&offset=50'`);
    expect(ts).toContain('client.profiles.list({ limit: 25, offset: 50 })');
    expect(ts).toContain(`createProfilesClient({ baseUrl: "${mock.url}" })`);
    expect(curl + ts).not.toContain('wrong-secret');
    expect(curl + ts).not.toContain('docs-client');
  });

  it('keeps the request in the address, so that a link opens it filled in', async () => {
    await open('listProfiles');
    await fill({ 'input[name="limit"]': '25' });
    expect(await page.evaluate(() => location.hash)).toBe('#listProfiles?limit=25');
    await page.goto('about:blank');
    await page.goto(`${docs.url}/try-it.html#listProfiles?limit=7&user_id=x`);
    expect(await page.inputValue('input[name="limit"]')).toBe('7');
    expect(await page.textContent('#problem-user_id')).toBe('user_id must be a UUID');
  });

  it('copies the curl command, exactly as shown, with one click', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: docs.url });
    await open('listProfiles');
    await fill({ 'input[name="limit"]': '3' });
    await page.click('#copy-curl');
    await page.waitForFunction(() => document.getElementById('copy-status')?.textContent !== '');
    expect(await page.textContent('#copy-status')).toBe('Copied the curl command.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.textContent('#snippet-curl'));
    expect(copied).toContain(`'${mock.url}/v1/profiles?limit=3'`);
    expect(copied).not.toContain('docs-secret');
  });

  it("follows the reader's dark mode", async () => {
    /** The page's background and text colours, as the browser computed them. */
    const colours = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.body);
        return { background: style.backgroundColor, text: style.color };
      });
    const luminance = (rgb: string) => {
      const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number) as [number, number, number];
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    await page.emulateMedia({ colorScheme: 'light' });
    await open('listProfiles');
    const light = await colours();
    expect(luminance(light.background)).toBeGreaterThan(0.9);
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await colours();
    expect(luminance(dark.background)).toBeLessThan(0.15);
    expect(luminance(dark.text)).toBeGreaterThan(0.8);
    await page.screenshot({ path: join(resultsDir, 'try-it-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('gets one profile on the other tab', async () => {
    await open('listProfiles');
    await page.click('[data-operation="getProfile"]');
    await fill({ 'input[name="id"]': '3640aa41-55d3-4198-9092-ef9ced03d7fb' });
    const result = await send();
    expect(result.status).toBe('200 OK');
    expect(JSON.parse(result.body).full_name).toBe('Mark Ruffalo');
  });
});
