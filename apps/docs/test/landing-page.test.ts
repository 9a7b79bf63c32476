// The landing page (dist/index.html) is the whole reference as static HTML, generated from the
// contract: every operation, method, path, parameter with its rule, response status, Profile field and
// code sample is in the page as served, and visible with JavaScript off. With JavaScript, each Copy
// button copies its exact sample, and the page becomes the full Redoc reference on request or by a
// deep link (not on its own: its first load stays one small file). The expectations are read from the
// contract, not listed by hand.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { openapi } from '@insightiq/profiles-spec';
import { parameterRules } from '@insightiq/profiles-spec/parameters';
import { followRefs } from '@insightiq/profiles-spec/validate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDocs } from '../scripts/serve.mjs';
import { escapeHtml } from '../scripts/static-markdown.mjs';
import { launch, openPage, REDOC_HEADING, redocHydrated, resultsDir } from './browser.js';

type Doc = Parameters<typeof parameterRules>[0];
type Schema = Record<string, unknown> & { properties?: Record<string, unknown> };
const doc = openapi as unknown as Doc & { paths: Record<string, Record<string, Record<string, unknown>>> };
const resolve = <T>(value: unknown) => followRefs(doc, value, '').value as T;
const rules = parameterRules(doc);

/** What the page must show of each operation, read from the contract. */
const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => {
    const id = op.operationId as string;
    return {
      id,
      method: method.toUpperCase(),
      path,
      summary: op.summary as string,
      parameters: (rules[id] ?? []).map(({ name, rule }) => ({ name, rule })),
      statuses: Object.keys(op.responses as object),
      samples: (op['x-codeSamples'] as Array<{ lang: string; label?: string; source: string }>) ?? [],
    };
  }),
);

/** Every field name of a schema, nested ones too (through $ref, arrays and anyOf/oneOf). */
function fieldNames(value: unknown, seen = new Set<unknown>()): string[] {
  const schema = resolve<Schema>(value) ?? {};
  if (seen.has(schema)) return [];
  seen.add(schema);
  const kinds = [schema.items, ...((schema.anyOf ?? schema.oneOf ?? []) as unknown[])].filter(Boolean);
  return [
    ...Object.entries(schema.properties ?? {}).flatMap(([name, prop]) => [name, ...fieldNames(prop, seen)]),
    ...kinds.flatMap((kind) => fieldNames(kind, seen)),
  ];
}
const profileFields = [...new Set(fieldNames(openapi.components.schemas.Profile))];

/** The section of the page that holds one operation. */
const sectionOf = (html: string, id: string) => {
  const start = html.indexOf(`<section class="operation" id="op-${id}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</section>', start));
};

let docs: { url: string; close(): Promise<void> };
let browser: Browser;
beforeAll(async () => {
  [docs, browser] = await Promise.all([serveDocs({ port: 0 }), launch()]);
});
afterAll(async () => {
  await browser?.close();
  await docs?.close();
});

describe('the landing page as served', () => {
  let html: string;
  beforeAll(async () => {
    html = await (await fetch(`${docs.url}/`)).text();
  });

  it('reads its expectations from the contract', () => {
    expect(operations.map((o) => o.id)).toEqual(['listProfiles', 'getProfile']);
    expect(operations.every((o) => o.samples.length === 3)).toBe(true);
    expect(profileFields.length).toBeGreaterThan(37);
  });

  it.each(operations)(
    'holds $method $path: summary, parameters with their rules, statuses, samples',
    (op) => {
      const section = sectionOf(html, op.id);
      expect(section, `the section of ${op.id}`).not.toBe('');
      expect(section).toContain(escapeHtml(op.summary));
      expect(section).toContain(
        `<span class="method">${op.method}</span> <code>${escapeHtml(op.path)}</code>`,
      );
      for (const { name, rule } of op.parameters) {
        expect(section).toContain(`<td data-label="Name"><code>${name}</code></td>`);
        expect(section).toContain(escapeHtml(rule));
      }
      for (const status of op.statuses) expect(section).toContain(`id="op-${op.id}-${status}"`);
      op.samples.forEach((sample, i) => {
        const pre = `<pre id="sample-${op.id}-${i}" tabindex="0"><code>${escapeHtml(sample.source)}</code></pre>`;
        expect(section.includes(pre), `the ${sample.lang} sample of ${op.id}, exact`).toBe(true);
      });
    },
  );

  it('holds every Profile field, nested ones included', () => {
    const shown = new Set(
      [...html.matchAll(/<td data-label="Field"><code>([^<]*)<\/code>/g)].map((m) => m[1]?.split('.').pop()),
    );
    expect(profileFields.filter((field) => !shown.has(field))).toEqual([]);
  });

  it('is at most 300 kB over the wire: one brotli file, nothing else to load first', () => {
    const brotli = statSync(join(resultsDir, '../dist/index.html.br')).size;
    console.log(`index.html.br: ${(brotli / 1000).toFixed(1)} kB`);
    expect(brotli).toBeLessThan(300_000);
    expect(
      /<(script|link|img)[^>]+(src|href)=["'](?!data:|#)[^"']+\.(js|css|png|svg|woff2?)/.test(html),
    ).toBe(false);
  });
});

describe('with JavaScript off, in Chromium', () => {
  let page: Page;
  const requests: string[] = [];
  beforeAll(async () => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 1400, height: 900 },
    });
    page = await context.newPage();
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`${docs.url}/index.html`, { waitUntil: 'load' });
    await page.screenshot({ path: join(resultsDir, 'landing-no-js.png') });
  });

  it('loads one file, and shows no button that would need JavaScript', async () => {
    expect(requests).toEqual(['/index.html']);
    expect(await page.getByRole('button', { includeHidden: true }).count()).toBeGreaterThan(0);
    for (const button of await page.getByRole('button', { includeHidden: true }).all())
      expect(await button.isVisible()).toBe(false);
  });

  it.each(operations)('shows $method $path with its parameters, rules, responses and samples', async (op) => {
    const section = page.locator(`#op-${op.id}`);
    expect(await section.isVisible()).toBe(true);
    const text = await section.innerText();
    expect(text).toContain(op.summary);
    expect(text).toContain(`${op.method} ${op.path}`);
    for (const { name, rule } of op.parameters) {
      const row = section.locator('tr', {
        has: page.locator(`td[data-label="Name"] code`, { hasText: name }),
      });
      expect(await row.first().isVisible(), name).toBe(true);
      expect(await row.first().innerText()).toContain(rule);
    }
    for (const status of op.statuses)
      expect(await page.locator(`#op-${op.id}-${status}`).isVisible()).toBe(true);
    for (const [i, sample] of op.samples.entries()) {
      const pre = page.locator(`#sample-${op.id}-${i}`);
      expect(await pre.isVisible(), sample.lang).toBe(true);
      expect((await pre.innerText()).trimEnd()).toBe(sample.source.trimEnd());
    }
  });

  it('shows every Profile field', async () => {
    const text = await page.locator('main').innerText();
    expect(profileFields.filter((field) => !new RegExp(`\\b${field}\\b`).test(text))).toEqual([]);
  });
});

describe('with JavaScript, in Chromium', () => {
  it('copies each sample exactly with its Copy button', async () => {
    const { page, log } = await openPage(browser);
    await page.addInitScript(() => {
      const copied: string[] = [];
      Object.assign(window, { copied });
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: async (text: string) => void copied.push(text) },
      });
    });
    await page.goto(`${docs.url}/index.html`, { waitUntil: 'load' });
    const expected = operations.flatMap((op) =>
      op.samples.map((s, i) => ({ id: `sample-${op.id}-${i}`, s })),
    );
    for (const { id } of expected) await page.locator(`button[data-copy="${id}"]`).click();
    await page.waitForFunction(
      (n) => (window as unknown as { copied: string[] }).copied.length === n,
      expected.length,
      {
        timeout: 10_000,
      },
    );
    const copied = await page.evaluate(() => (window as unknown as { copied: string[] }).copied);
    expect(copied).toEqual(expected.map(({ s }) => s.source));
    const last = expected.at(-1)?.s;
    expect(await page.locator('#copy-status').textContent()).toBe(
      `Copied the ${last?.lang}: ${last?.label} sample.`,
    );
    // Only the last one copied says so: the clipboard holds its sample alone.
    const copiedButtons = page.getByRole('button', { name: 'Copied', exact: true });
    expect(await copiedButtons.count()).toBe(1);
    expect(await copiedButtons.getAttribute('data-copy')).toBe(expected.at(-1)?.id);
    expect(await page.getByRole('button', { name: 'Copy', exact: true }).count()).toBe(expected.length - 1);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('becomes the Redoc reference when the reader asks, and not before', async () => {
    const { page, log } = await openPage(browser);
    const redoc = redocLoads(page);
    await page.goto(`${docs.url}/index.html`, { waitUntil: 'load' });
    await page.getByRole('heading', { name: 'Retrieve all profiles' }).waitFor({ timeout: 10_000 });
    expect(redoc, 'redoc.html fetched before the reader asked').toEqual([]);
    await page.getByRole('button', { name: 'Interactive reference' }).click();
    await redocShown(page);
    await page.getByText(REDOC_HEADING).first().waitFor({ timeout: 10_000 });
    expect(redoc).toHaveLength(1);
    expect(new URL(page.url()).pathname).toBe('/index.html');
    expect(log.consoleErrors).toEqual([]);
    expect(log.failedRequests).toEqual([]);
    expect(log.externalRequests).toEqual([]);
    await page.close();
  });

  it('its contents links move within the page: Redoc neither loads nor reloads the page', async () => {
    const { page, log } = await openPage(browser);
    const redoc = redocLoads(page);
    await page.goto(`${docs.url}/index.html`, { waitUntil: 'load' });
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.locator('nav.contents a[href="#errors"]').click();
    await page.waitForFunction(() => location.hash === '#errors', undefined, { timeout: 10_000 });
    expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(redoc).toEqual([]);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('becomes the Redoc reference when the reader follows a deep link from the landing page', async () => {
    const { page, log } = await openPage(browser);
    await page.goto(`${docs.url}/index.html`, { waitUntil: 'load' });
    await page.evaluate(() => {
      location.hash = '#operation/getProfile';
    });
    await redocShown(page);
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it('goes back to the landing page, whole, when the reader goes Back from Redoc', async () => {
    const { page, log } = await openPage(browser);
    await page.goto(`${docs.url}/index.html`, { waitUntil: 'load' });
    await page.getByRole('button', { name: 'Interactive reference' }).click();
    await redocShown(page);
    expect(new URL(page.url()).hash).toBe('#/');
    await page.goBack();
    await page
      .getByRole('button', { name: 'Interactive reference' })
      .waitFor({ timeout: 10_000 })
      .catch((error: Error) => {
        throw new Error(`waited 10 s for the landing page after Back, at ${page.url()}: ${error.message}`);
      });
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.locator('#redoc').count()).toBe(0);
    await page.getByRole('heading', { name: 'Retrieve all profiles' }).waitFor({ timeout: 10_000 });
    expect(log.consoleErrors).toEqual([]);
    await page.close();
  });

  it.each(['#/section/errors', '#/profiles/listprofiles', '#tag/Profiles', '#operation/getProfile'])(
    'becomes the Redoc reference on arrival by the deep link %s',
    async (hash) => {
      const { page, log } = await openPage(browser);
      await page.goto(`${docs.url}/index.html${hash}`);
      await redocShown(page);
      expect(log.consoleErrors).toEqual([]);
      await page.close();
    },
  );
});

/** The requests `page` makes for redoc.html from now on: each is a load of the Redoc reference. */
function redocLoads(page: Page): string[] {
  const loads: string[] = [];
  page.on('request', (r) => r.url().endsWith('/redoc.html') && loads.push(r.url()));
  return loads;
}

/**
 * Waits (30 s at most) for Redoc to run in the page: its menu hydrated by React (its server-rendered
 * markup comes before). Names the landing page's own status when it said the load failed.
 */
async function redocShown(page: Page) {
  await redocHydrated(page).catch(async (error: Error) => {
    const status = await page
      .locator('#interactive-status')
      .textContent({ timeout: 1_000 })
      .catch(() => '');
    throw new Error(`${error.message} (the landing page's status: ${status || 'none'})`);
  });
  expect(await page.locator('#redoc [data-testid="search-trigger"]').count()).toBe(1);
}
