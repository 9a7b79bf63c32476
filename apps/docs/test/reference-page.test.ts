import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openapi } from '@insightiq/profiles-spec';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDocs } from '../scripts/serve.mjs';
import { launch, openPage, type PageLog, REDOC_HEADING, resultsDir } from './browser.js';

// The full Redoc reference: redoc.html, which the landing page (index.html, test/landing-page.test.ts)
// becomes when the reader asks for the interactive reference.
describe('the Redoc reference in headless Chromium, with no network', () => {
  let browser: Browser;
  let docs: { url: string; close(): Promise<void> };
  let page: Page;
  let log: PageLog;
  let text: string;
  let overview: string;

  beforeAll(async () => {
    rmSync(join(resultsDir, 'reference.png'), { force: true });
    docs = await serveDocs({ port: 0 });
    browser = await launch();
    ({ page, log } = await openPage(browser));
    const started = performance.now();
    await page.goto(`${docs.url}/index.html`, { waitUntil: 'load' });
    await page.getByRole('button', { name: 'Interactive reference' }).click();
    await page.getByText(REDOC_HEADING).waitFor();
    const paint = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    // Figures, not asserts.
    console.log(
      `reference page: ${(log.bytes / 1024).toFixed(0)} KiB transferred, first contentful paint ${paint.toFixed(0)} ms, ` +
        `"Retrieve all profiles" visible after ${(performance.now() - started).toFixed(0)} ms`,
    );
    overview = await page.locator('body').innerText();
    // As a reader does: open the operation from the sidebar.
    await page.getByText('Profiles', { exact: true }).first().click();
    await page.getByText('Retrieve all profiles').first().click();
    await page.getByText('Query', { exact: true }).first().waitFor();
    // Redoc renders the long response schema in steps: wait until its last field, `projects`, is there.
    await page.waitForFunction(() => document.body.innerText.includes('projects'), undefined, {
      timeout: 20_000,
    });
    text = await page.locator('body').innerText();
    // For a person to look at (test-results/reference.png), not an assertion.
    await page.screenshot({ path: join(resultsDir, 'reference.png') });
  });
  afterAll(async () => {
    await browser?.close();
    await docs?.close();
  });

  it('loads with no console error, no failed request and no request off the machine', () => {
    expect(log.consoleErrors).toEqual([]);
    expect(log.failedRequests).toEqual([]);
    expect(log.externalRequests).toEqual([]);
  });

  it('shows both operations, every query parameter with its bounds, and the downloads', () => {
    expect(text).toContain('Retrieve all profiles');
    expect(text).toContain('Retrieve a profile');
    for (const name of ['limit', 'offset', 'user_id', 'work_platform_id', 'account_id'])
      expect(text).toContain(name);
    expect(text).toMatch(/limit\s+integer, \[ 1 \.\. 100 \]/);
    expect(text).toMatch(/offset\s+integer, \[ 0 \.\. 9007199254740991 \]/);
    expect(text).toMatch(/Default:\s+10/);
    expect(text).toMatch(/account_id\s+string, \(uuid\)/);
    expect(overview).toContain('Downloads: openapi.json · openapi.yaml · Try it');
  });

  it('shows every Profile field name', () => {
    const fields = Object.keys((openapi.components.schemas.Profile as { properties: object }).properties);
    expect(fields.length).toBe(37);
    expect(fields.filter((f) => !text.includes(f))).toEqual([]);
  });

  it('shows the 200 example and, one click away each, the error responses with their examples', async () => {
    expect(text).toContain('"id": "9dd695b0-03e1-47fe-b368-a366d5c3b0f1"');
    expect(text).toContain('"full_name": "Peter Parker"');
    for (const [status, description, code] of [
      ['400', 'A query parameter is invalid', 'INVALID_PARAMETER_VALUE'],
      ['401', 'Credentials are missing, malformed or wrong', 'INVALID_CREDENTIALS'],
      ['403', 'The credentials are valid but not allowed', 'ACCESS_DENIED'],
      ['429', 'Rate limited', 'TOO_MANY_REQUESTS'],
      ['500', 'The API failed', 'INTERNAL_SERVER_ERROR'],
    ] as const) {
      await page.getByRole('tab', { name: status, exact: true }).first().click();
      const shown = await page.locator('body').innerText();
      expect(shown, status).toContain(description);
      expect(shown, status).toContain(code);
    }
  });

  it('carries the TypeScript, curl and axios samples of both operations', async () => {
    const dom = (await page.evaluate(() => document.body.textContent)) ?? '';
    expect(text).toContain('curl -u "$INSIGHTIQ_CLIENT_ID:$INSIGHTIQ_CLIENT_SECRET"');
    expect(dom).toContain("import { createProfilesClient } from '@insightiq/profiles-client'");
    expect(dom).toContain("import axios from 'axios'");
  });

  it('is served with Redoc telemetry off, so that it reports nothing about its readers', async () => {
    // Redoc 3 posts usage traces to otel.cloud.redocly.com about 5 s after load unless its options say
    // otherwise; the build refuses a page without `disableTelemetry: true`, and this reads it as served.
    const html = await (await fetch(`${docs.url}/redoc.html`)).text();
    const options = /const __redoc_options = (\{.*?\});/.exec(html)?.[1];
    expect(options && JSON.parse(options).disableTelemetry).toBe(true);
  });
});
