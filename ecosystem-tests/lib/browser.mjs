// Runs a built browser project in Debian's headless Chromium: a static server on loopback serves
// the project, the page calls the mock (another origin, so CORS applies), and any request that
// would leave the machine is refused and reported.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromiumLaunchOptions, isLocal } from '@insightiq/testkit';
import { chromium } from 'playwright-core';
import { within } from './process.mjs';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript' };

/** Serves `dir` on a free loopback port. */
function serve(dir) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    try {
      const body = await readFile(join(dir, path === '/' ? 'index.html' : path));
      res.writeHead(200, { 'content-type': TYPES[extname(path) || '.html'] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Opens `dir`'s index.html with `?mock=<mockUrl>`; resolves to the text of `#result` once the program has finished. */
export async function runInBrowser(dir, mockUrl) {
  const server = await serve(dir);
  const browser = await chromium
    .launch({ ...chromiumLaunchOptions(), timeout: 60_000 })
    .catch(async (error) => {
      await closeServer(server);
      throw error;
    });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e}`));
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (isLocal(url)) return route.continue();
      problems.push(`left the machine: ${url}`);
      return route.abort('blockedbyclient');
    });
    const { port } = server.address();
    await page.goto(`http://127.0.0.1:${port}/?mock=${encodeURIComponent(mockUrl)}`, { timeout: 30_000 });
    const result = page.locator('#result:not([data-status="pending"])');
    await result.waitFor({ timeout: 60_000 });
    const status = await result.getAttribute('data-status');
    const text = await result.textContent();
    // 404 and 429 are the program's own expected errors: Chromium logs each failed request.
    const unexpected = problems.filter((p) => !/status of (404|429)/.test(p));
    if (status !== 'ok' || unexpected.length) {
      throw new Error(
        `the page reported ${status}: ${text}${unexpected.length ? `\n${unexpected.join('\n')}` : ''}`,
      );
    }
    return text;
  } finally {
    await within(browser.close(), 30_000, 'headless Chromium to close');
    await closeServer(server);
  }
}

/** Closes the static server and its open connections. */
function closeServer(server) {
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeAllConnections();
  return within(closed, 10_000, 'the static server of the browser project to close');
}
