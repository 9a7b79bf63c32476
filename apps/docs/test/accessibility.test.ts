// Every built page is accessible: no critical or serious axe-core finding (WCAG 2.0 A and AA, WCAG 2.1
// AA) in the reader's light mode or dark mode. The pages are found in dist/ (every .html, at any
// depth), not listed here, so that a page the build adds is checked too. A Redoc page is analysed
// once rendered, then again with each operation of its menu open (Redoc renders an operation only
// when it is reached). Of the archived versions (v/<version>/), only the newest is checked: the same
// code renders every version, and each would add some 40 s to the run.
import { readdirSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { compareVersions } from '@insightiq/release-tools/archive';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDocs } from '../scripts/serve.mjs';
import { isLocal, launch, redocHydrated } from './browser.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];
const BLOCKING = new Set(['critical', 'serious']);
const SCHEMES = ['light', 'dark'] as const;
const WAIT = 30_000;
const dist = fileURLToPath(new URL('../dist', import.meta.url));

/** The version of a page under v/<version>/, else undefined. */
const versionOf = (page: string) => /^v\/([^/]+)\//.exec(page)?.[1];

/**
 * Every built page, as a URL path relative to dist/ (`index.html`, `v/1.0.0/index.html`): all of
 * the current reference's, and those of the newest archived version.
 */
function builtPages(): string[] {
  const all = readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && extname(entry.name) === '.html')
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'));
  const versions = [...new Set(all.map(versionOf).filter((v) => v !== undefined))];
  const newest = versions.sort(compareVersions).at(-1);
  const pages = all.filter((page) => [undefined, newest].includes(versionOf(page))).sort();
  if (pages.length === 0) throw new Error(`no .html page in ${dist}: build first`);
  return pages;
}

/** A bounded wait that says what it waited for when it times out. */
async function waitFor<T>(what: string, page: Page, wait: Promise<T>): Promise<T> {
  return wait.catch((error: Error) => {
    throw new Error(`waited ${WAIT / 1000} s for ${what} at ${page.url()}: ${error.message}`);
  });
}

/** One line per critical or serious violation: rule, impact, what it means, and its nodes. */
function blocking(results: AxeResults, where: string): string[] {
  return results.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => {
      const nodes = v.nodes.slice(0, 8).map((n) => {
        const why = [...n.any, ...n.all, ...n.none][0]?.message ?? '';
        return `\n    ${n.target.join(' ')}: ${why}`;
      });
      const more = v.nodes.length > 8 ? `\n    ... and ${v.nodes.length - 8} more` : '';
      return `${where}: ${v.id} (${v.impact}, ${v.nodes.length} nodes): ${v.help}${nodes.join('')}${more}`;
    });
}

/** Whether the page is a Redoc page: its menu is in the rendered markup. */
const isRedoc = (page: Page) =>
  page
    .locator('[data-component-name="Menu/Menu"]')
    .count()
    .then((n) => n > 0);

/** Opens every collapsed group of Redoc's menu; returns the links of its operations. */
async function operationLinks(page: Page): Promise<string[]> {
  const groups = page.locator('[data-component-name="Menu/MenuItem"].menu-item-type-group');
  for (let i = 0; i < (await groups.count()); i++) {
    const group = groups.nth(i);
    if ((await group.locator('.menu-item-type-operation').count()) > 0) continue;
    await group.locator('a').first().click();
    const name = await group.locator('a').first().innerText();
    await waitFor(
      `the operations of menu group "${name.trim()}"`,
      page,
      group.locator('.menu-item-type-operation').first().waitFor({ timeout: WAIT }),
    );
  }
  const links = page.locator('.menu-item-type-operation a[href^="#/"]');
  return links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

/** Clicks the operation's menu link and waits until its section, with its title, is rendered. */
async function openOperation(page: Page, href: string) {
  await page.locator(`.menu-item-type-operation a[href="${href}"]`).click();
  const title = page.locator(`[id="${href.slice(2)}"] h2`).first();
  await waitFor(`operation ${href} to render`, page, title.waitFor({ timeout: WAIT }));
}

describe('every built page, in light and dark mode: no critical or serious axe-core finding', () => {
  let browser: Browser;
  let docs: { url: string; close(): Promise<void> };
  const covered: string[] = [];

  beforeAll(async () => {
    docs = await serveDocs({ port: 0 });
    browser = await launch();
  });
  afterAll(async () => {
    // Figures, not asserts: what was analysed.
    console.log(`axe-core (${TAGS.join(', ')}) analysed:\n  ${covered.join('\n  ')}`);
    await browser?.close();
    await docs?.close();
  });

  const cases = builtPages().flatMap((path) => SCHEMES.map((scheme) => [path, scheme] as const));
  it.each(cases)('%s in %s mode', async (path, colorScheme) => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      // The site is offline: anything off the machine is refused.
      await context.route('**/*', (route) =>
        isLocal(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
      );
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme });
      await page.goto(`${docs.url}/${path}`, { waitUntil: 'load' });
      const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
      expect(dark, 'the page sees the emulated colour scheme').toBe(colorScheme === 'dark');
      const analyse = async (state: string) => {
        // Menus such as the version picker are <details>: opened, so that their content is analysed.
        await page.locator('details').evaluateAll((all) => {
          for (const details of all) (details as HTMLDetailsElement).open = true;
        });
        // Only the violations are wanted: axe then leaves out the details of what passed.
        const results = await new AxeBuilder({ page })
          .withTags(TAGS)
          .options({ resultTypes: ['violations'] })
          .analyze();
        covered.push(`${path} (${colorScheme}) ${state}`);
        return blocking(results, `${path} (${colorScheme}) ${state}`);
      };
      const findings = [];
      if (await isRedoc(page)) {
        await redocHydrated(page, WAIT);
        findings.push(...(await analyse('as rendered')));
        const operations = await operationLinks(page);
        expect(operations.length, `operations in the Redoc menu of ${path}`).toBeGreaterThan(0);
        for (const href of operations) {
          await openOperation(page, href);
          findings.push(...(await analyse(`with ${href} open`)));
        }
      } else {
        findings.push(...(await analyse('as loaded')));
      }
      expect(findings.length, `critical or serious findings:\n${findings.join('\n')}\n`).toBe(0);
    } finally {
      await context.close();
    }
  });
});
