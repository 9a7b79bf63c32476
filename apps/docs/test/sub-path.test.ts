// The built folder is a static site that works under any path: served under /docs/profiles/, the
// reference and Try it load with no failed request, no console error and no request outside it; and
// no built page links root-relative (`/...`), which would leave the sub-path.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDocs } from '../scripts/serve.mjs';
import { launch, openPage, type PageLog, REDOC_HEADING } from './browser.js';

const BASE = '/docs/profiles/';
const dist = fileURLToPath(new URL('../dist', import.meta.url));
/** Every built page, as a path relative to dist/. */
const builtPages = () =>
  readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extname(entry.name) === '.html')
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)));

/** The http(s) requests of a page whose path is not under BASE (blob: and data: URLs stay in the page). */
const outside = (urls: string[]) =>
  urls.filter((url) => /^https?:/.test(url) && !new URL(url).pathname.startsWith(BASE));

/** A bounded wait for something on the page, saying what it waited for if it times out. */
async function shows(page: Page, text: string, what: string) {
  await page
    .getByText(text)
    .first()
    .waitFor({ timeout: 30_000 })
    .catch((error: Error) => {
      throw new Error(`waited 30 s for ${what} ("${text}") at ${page.url()}: ${error.message}`);
    });
}

describe(`the built site served under ${BASE}`, () => {
  let browser: Browser;
  let docs: { url: string; close(): Promise<void> };
  let root: string;

  beforeAll(async () => {
    docs = await serveDocs({ port: 0, base: BASE });
    root = `${docs.url}${BASE}`;
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await docs?.close();
  });

  it('answers under the sub-path only', async () => {
    expect((await fetch(`${root}index.html`)).status).toBe(200);
    expect((await fetch(root)).status).toBe(200);
    expect((await fetch(`${docs.url}/index.html`)).status).toBe(404);
    expect((await fetch(`${docs.url}/docs/other/index.html`)).status).toBe(404);
    const bare = await fetch(root.slice(0, -1), { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([301, BASE]);
  });

  it('loads the reference there, its Redoc form, and its menu stays there', async () => {
    const requests: string[] = [];
    const { page, log } = await openPage(browser);
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${root}index.html`, { waitUntil: 'load' });
    await shows(page, 'Retrieve all profiles', 'the landing page');
    await page.getByRole('button', { name: 'Interactive reference' }).click();
    await shows(page, REDOC_HEADING, 'the Redoc reference to render');
    await page.getByText('Profiles', { exact: true }).first().click();
    await shows(page, 'Retrieve all profiles', 'the operations after a click on "Profiles"');
    expect(new URL(page.url()).pathname).toBe(`${BASE}index.html`);
    expectClean(log, requests);
    await page.close();
  });

  it('loads Try it there, and its link back to the reference', async () => {
    const requests: string[] = [];
    const { page, log } = await openPage(browser);
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${root}try-it.html`, { waitUntil: 'load' });
    await shows(page, 'Try it: InsightIQ Profiles API', 'the Try it page');
    await page.getByText('← API reference').click();
    await shows(page, 'Retrieve all profiles', 'the reference, from Try it');
    expect(page.url()).toBe(`${root}index.html`);
    expectClean(log, requests);
    await page.close();
  });

  it('has no root-relative href or src in any built page', () => {
    const pages = builtPages();
    expect(pages).toEqual(expect.arrayContaining(['index.html', 'redoc.html', 'try-it.html']));
    for (const name of pages) {
      const html = readFileSync(join(dist, name), 'utf8');
      const links = html.match(/\s(?:href|src)\s*=\s*["']?\/(?!\/)[^"'\s>]*/gi) ?? [];
      expect(links, `root-relative links in ${name}`).toEqual([]);
    }
  });
});

function expectClean(log: PageLog, requests: string[]) {
  expect(log.consoleErrors).toEqual([]);
  expect(log.failedRequests).toEqual([]);
  expect(log.externalRequests).toEqual([]);
  expect(outside(requests), `requests outside ${BASE}`).toEqual([]);
  expect(requests.length).toBeGreaterThan(0);
}
