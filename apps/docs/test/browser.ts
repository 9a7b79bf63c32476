import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openapi } from '@insightiq/profiles-spec';
import { chromiumLaunchOptions, isLocal } from '@insightiq/testkit';
import { type Browser, chromium, type Page } from 'playwright-core';

/** The heading Redoc renders for the contract: its title and version (`InsightIQ Profiles API (1.0.0)`). */
export const REDOC_HEADING = `${openapi.info.title} (${openapi.info.version})`;

export const resultsDir = join(fileURLToPath(new URL('.', import.meta.url)), '../test-results');
mkdirSync(resultsDir, { recursive: true });

/** Debian's Chromium, headless, with no background networking (this machine has no network). */
export const launch = (): Promise<Browser> => chromium.launch(chromiumLaunchOptions());

export { isLocal };

/** What a page did that an offline page must not: console errors, failed requests, requests leaving the machine. */
export interface PageLog {
  consoleErrors: string[];
  failedRequests: string[];
  externalRequests: string[];
  bytes: number;
}

/** Opens a page that may only reach localhost: any other request is recorded and refused. */
export async function openPage(browser: Browser): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const log: PageLog = { consoleErrors: [], failedRequests: [], externalRequests: [], bytes: 0 };
  page.on('console', (m) => m.type() === 'error' && log.consoleErrors.push(m.text()));
  page.on('pageerror', (e) => log.consoleErrors.push(String(e)));
  page.on('requestfailed', (r) => log.failedRequests.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('response', async (r) => {
    try {
      log.bytes += (await r.body()).length;
    } catch {}
  });
  // Recorded as the request starts (before any waitForRequest of a test resolves), then refused.
  page.on('request', (r) => isLocal(r.url()) || log.externalRequests.push(r.url()));
  await page.route('**/*', (route) =>
    isLocal(route.request().url()) ? route.continue() : route.abort('blockedbyclient'),
  );
  return { page, log };
}

/**
 * Waits (`timeoutMs` at most) until React has hydrated Redoc's menu: the server-rendered markup is
 * there before, and a click on it does nothing until then. Throws saying what it waited for.
 */
export async function redocHydrated(page: Page, timeoutMs = 30_000): Promise<void> {
  await page
    .waitForFunction(
      () => {
        const link = document.querySelector('[data-component-name="Menu/Menu"] a');
        return link !== null && Object.keys(link).some((key) => key.startsWith('__reactFiber'));
      },
      undefined,
      { timeout: timeoutMs },
    )
    .catch((error: Error) => {
      throw new Error(
        `waited ${timeoutMs / 1000} s for Redoc to hydrate its menu at ${page.url()}: ${error.message}`,
      );
    });
}
