// Every released version of the reference: with the fixture archive of two releases
// (release-fixture.ts), the build's steps (writeReference of build.mjs, siteVersions of versions.mjs)
// write the site into a temporary folder: the current contract at the root, each release at
// v/<version>/, the changelog. Served under a sub-path, with JavaScript off, every page's version
// picker opens and each of its links (and the changelog link) reaches the page it names.
import {
  createReadStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { launch } from './browser.js';
import { type ReleaseFixture, releaseFixture } from './release-fixture.js';

type WriteReference = (spec: unknown, dir: string, options: Record<string, unknown>) => string[];
interface Versions {
  siteVersions(
    spec: unknown,
    options: { currentPath: string; root: string },
  ): {
    header: string;
    write(dist: string, options: { writeReference: WriteReference; appDir: string }): string[];
  };
}
// The scripts are plain JavaScript without declarations: loaded by URL, typed here.
const load = <T>(name: string) => import(new URL(`../scripts/${name}`, import.meta.url).href) as Promise<T>;
const appDir = fileURLToPath(new URL('..', import.meta.url));
const BASE = '/docs/profiles/';
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.xml': 'application/atom+xml' };

let fixture: ReleaseFixture;
let site: string;
let server: Server;
let root: string;
let browser: Browser;

/** A static host for `dir` under BASE only (404 elsewhere), as any host of the site would be. */
function serve(dir: string): Promise<Server> {
  const host = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.startsWith(BASE) ? join(dir, path.slice(BASE.length) || 'index.html') : '';
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => host.listen(0, '127.0.0.1', () => resolve(host)));
}

beforeAll(async () => {
  fixture = releaseFixture();
  site = mkdtempSync(join(tmpdir(), 'docs-site-'));
  const { writeReference } = await load<{ writeReference: WriteReference }>('build.mjs');
  const { siteVersions } = await load<Versions>('versions.mjs');
  const versions = siteVersions(fixture.current, { currentPath: fixture.currentPath, root: fixture.root });
  const json = JSON.stringify(fixture.current);
  writeReference(fixture.current, site, {
    downloads: { 'openapi.json': json, 'openapi.yaml': json },
    header: versions.header,
  });
  versions.write(site, { writeReference, appDir });
  server = await serve(site);
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}${BASE}`;
  browser = await launch();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  server?.close();
  fixture?.remove();
  if (site) rmSync(site, { recursive: true, force: true });
});

const pages = () =>
  readdirSync(site, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(site, join(e.parentPath, e.name)))
    .sort();
const PICKER = ['Current (1.1.0)', '1.1.0 (released 2026-12-01)', '1.0.0 (released 2026-11-02)'];

describe('the built site with two releases', () => {
  it('has the reference of each release at v/<version>/, with its contract as downloads', () => {
    for (const version of ['1.0.0', '1.1.0']) {
      for (const file of ['index.html', 'redoc.html', 'try-it.html', 'llms.txt']) {
        expect(existsSync(join(site, `v/${version}/${file}`)), `v/${version}/${file}`).toBe(true);
      }
      const archived = readFileSync(join(fixture.root, `openapi/releases/${version}.json`), 'utf8');
      expect(readFileSync(join(site, `v/${version}/openapi.json`), 'utf8')).toBe(archived);
      expect(parse(readFileSync(join(site, `v/${version}/openapi.yaml`), 'utf8'))).toEqual(
        JSON.parse(archived),
      );
    }
    const fields = (version: string) =>
      Object.keys(
        JSON.parse(readFileSync(join(site, `v/${version}/openapi.json`), 'utf8')).components.schemas.Profile
          .properties,
      );
    expect(fields('1.0.0')).toContain('nick_name');
    expect(fields('1.1.0')).not.toContain('nick_name');
    // The root shows the current contract, each v/<version>/ its release.
    const shown = { '': '1.1.0', 'v/1.0.0/': '1.0.0', 'v/1.1.0/': '1.1.0' };
    for (const [dir, version] of Object.entries(shown)) {
      expect(readFileSync(join(site, `${dir}redoc.html`), 'utf8')).toContain(
        `InsightIQ Profiles API (${version})`,
      );
    }
    // Each release's page is its own contract's: the parameter added in 1.1.0 is on its page only.
    const added = 'Searches the profiles by name.';
    expect(readFileSync(join(site, 'v/1.1.0/index.html'), 'utf8')).toContain(added);
    expect(readFileSync(join(site, 'v/1.0.0/index.html'), 'utf8')).not.toContain(added);
  });

  it('puts the picker on every page, marking the version shown, with the changelog link', () => {
    expect(pages()).toEqual(
      expect.arrayContaining([
        'changelog.html',
        'index.html',
        'try-it.html',
        'v/1.0.0/index.html',
        'v/1.1.0/try-it.html',
      ]),
    );
    for (const name of pages()) {
      const html = readFileSync(join(site, name), 'utf8');
      const navs = html.match(/<nav class="iq-versions"[\s\S]*?<\/nav>/g) ?? [];
      expect(navs, `pickers in ${name}`).toHaveLength(1);
      const labels = [...(navs[0] as string).matchAll(/<li><a [^>]*>([^<]+)<\/a><\/li>/g)].map((m) => m[1]);
      expect(labels, name).toEqual(PICKER);
      const shown = /<a [^>]*aria-current="page"[^>]*>([^<]+)</.exec(navs[0] as string)?.[1];
      const version = /^v\/([^/]+)\//.exec(name)?.[1];
      if (name === 'changelog.html') expect(shown).toBeUndefined();
      else expect(shown, name).toBe(version ? PICKER.find((l) => l.startsWith(`${version} `)) : PICKER[0]);
      expect((navs[0] as string).includes('changelog.html">Changelog</a>'), name).toBe(
        name !== 'changelog.html',
      );
    }
  });
});

/** Opens the picker (a click on its <summary>: no script needed) and returns its links' hrefs. */
async function pickerLinks(page: Page): Promise<{ label: string; href: string }[]> {
  await page.locator('.iq-versions summary').click();
  return page
    .locator('.iq-versions a')
    .evaluateAll((links) =>
      links.map((a) => ({ label: a.textContent ?? '', href: (a as HTMLAnchorElement).href })),
    );
}

describe(`served under ${BASE}, with JavaScript off`, () => {
  it('every link of every page’s picker reaches the page it names', { timeout: 180_000 }, async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const expected: Record<string, string> = {
      'Current (1.1.0)': `${root}index.html`,
      '1.1.0 (released 2026-12-01)': `${root}v/1.1.0/index.html`,
      '1.0.0 (released 2026-11-02)': `${root}v/1.0.0/index.html`,
      Changelog: `${root}changelog.html`,
    };
    for (const name of pages()) {
      const response = await page.goto(`${root}${name}`);
      expect(response?.status(), name).toBe(200);
      const links = await pickerLinks(page);
      expect(links.length, name).toBe(name === 'changelog.html' ? 3 : 4);
      for (const { label, href } of links) {
        expect(href, `${label} on ${name}`).toBe(expected[label]);
        const reached = await page.request.get(href);
        expect(reached.status(), `${href} from ${name}`).toBe(200);
      }
      await page.locator('.iq-versions a', { hasText: '1.0.0' }).click();
      expect(page.url()).toBe(expected['1.0.0 (released 2026-11-02)']);
      await expect(page.locator('.iq-versions [aria-current="page"]').textContent()).resolves.toBe(
        '1.0.0 (released 2026-11-02)',
      );
    }
    await context.close();
  });

  it('the changelog page links its Atom feed, and the feed is served', async () => {
    const page = await browser.newPage();
    await page.goto(`${root}changelog.html`);
    const feed = await page
      .locator('link[rel="alternate"][type="application/atom+xml"]')
      .getAttribute('href');
    expect(feed).toBe('changelog.xml');
    const response = await page.request.get(new URL(feed as string, page.url()).href);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('<entry>');
    await expect(page.getByRole('heading', { name: '1.1.0', exact: true }).count()).resolves.toBe(1);
    await page.close();
  });
});
