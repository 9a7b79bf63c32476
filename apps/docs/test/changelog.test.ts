// The changelog from a fixture archive of two releases (release-fixture.ts): each change in words with
// its semver rating (redocly diff through the release tools' rating), the package versions that
// shipped each release, "first release" for the first, an Unreleased entry; and the Atom feed, parsed
// by Chromium's XML parser, with one entry per release.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReleases } from '@insightiq/release-tools/archive';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browser.js';
import { PACKAGES, type ReleaseFixture, releaseFixture } from './release-fixture.js';

interface Change {
  impact: string;
  words: string;
  pointer: string;
}
interface Entry {
  version: string | null;
  title: string;
  date: string | null;
  packages: Record<string, string> | null;
  rating: string | null;
  changes: Change[];
}
interface Changelog {
  changelogEntries(releases: unknown[], currentPath: string): Entry[];
  changeInWords(change: unknown, base: unknown, revision: unknown): string;
}
interface Rating {
  rateContract(basePath: string, revisionPath: string): { changes: unknown[] };
}
interface ChangelogPage {
  writeChangelog(
    dist: string,
    entries: Entry[],
    options: { spec: unknown; header: string; appDir: string },
  ): string[];
}
// The scripts are plain JavaScript without declarations: loaded by URL, typed here.
const load = <T>(name: string) => import(new URL(`../scripts/${name}`, import.meta.url).href) as Promise<T>;
const appDir = fileURLToPath(new URL('..', import.meta.url));

let fixture: ReleaseFixture;
let entries: Entry[];
let dist: string;
let browser: Browser;

beforeAll(async () => {
  fixture = releaseFixture();
  const { changelogEntries } = await load<Changelog>('changelog.mjs');
  entries = changelogEntries(readReleases(fixture.root), fixture.currentPath);
  dist = mkdtempSync(join(tmpdir(), 'docs-changelog-'));
  const { writeChangelog } = await load<ChangelogPage>('changelog-page.mjs');
  writeChangelog(dist, entries, {
    spec: fixture.current,
    header: '<nav aria-label="Versions"></nav>',
    appDir,
  });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  fixture?.remove();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

const read = (name: string) => readFileSync(join(dist, name), 'utf8');
const shippedIn = (version: string) => PACKAGES.map((name) => `${name}@${version}`);

describe('the changelog from two archived releases', () => {
  it('has Unreleased, then each release newest first', () => {
    expect(entries.map((e) => e.title)).toEqual(['Unreleased', '1.1.0', '1.0.0']);
  });

  it('says each change of 1.1.0 in words with its rating, and the versions that shipped it', () => {
    const release = entries[1] as Entry;
    expect(release.rating).toBe('major');
    expect(release.changes).toEqual([
      {
        impact: 'major',
        words: 'GET /v1/profiles: Property `nick_name` of `Profile` was removed.',
        pointer: '/components/schemas/Profile/properties/nick_name',
        rule: 'property-removed',
      },
      {
        impact: 'minor',
        words: 'GET /v1/profiles: Added the query parameter `q`.',
        pointer: '/paths/~1v1~1profiles/get/parameters/5',
        rule: 'added',
      },
    ]);
    expect(release.packages).toEqual(Object.fromEntries(PACKAGES.map((name) => [name, '1.1.0'])));
    const md = read('changelog.md');
    const section = md.slice(md.indexOf('## 1.1.0'), md.indexOf('## 1.0.0'));
    expect(section).toContain('Released 2026-12-01.');
    expect(section).toContain(
      `Shipped in ${shippedIn('1.1.0')
        .map((p) => `\`${p}\``)
        .join(', ')}.`,
    );
    expect(section).toContain('2 change(s) since 1.0.0, rated **major** overall.');
    expect(section).toContain(
      '- **major**: GET /v1/profiles: Property `nick_name` of `Profile` was removed. `/components/schemas/Profile/properties/nick_name`',
    );
    expect(section).toContain('- **minor**: GET /v1/profiles: Added the query parameter `q`.');
  });

  it('says "first release" for 1.0.0, and rates the unreleased change against 1.1.0', () => {
    const [unreleased, , first] = entries as [Entry, Entry, Entry];
    expect(first.changes).toEqual([]);
    const md = read('changelog.md');
    expect(md.slice(md.indexOf('## 1.0.0'))).toContain('First release: no earlier release to compare with.');
    expect(unreleased.rating).toBe('minor');
    expect(unreleased.changes.map((c) => [c.impact, c.words])).toEqual([
      ['minor', 'GET /v1/profiles: Added the field `username` of `Profile`.'],
    ]);
    expect(md).toContain('The current contract against 1.1.0, the last release: not released yet.');
  });

  it('changelog.html shows each change with its rating and links the feed', () => {
    const html = read('changelog.html');
    expect(html).toContain(
      '<link rel="alternate" type="application/atom+xml" title="InsightIQ Profiles API changelog (Atom)" href="changelog.xml">',
    );
    expect(html).toContain('<h2 id="v1.1.0">1.1.0</h2>');
    expect(html).toMatch(
      /<li><span class="rating rating-major">major<\/span> GET \/v1\/profiles: Property <code>nick_name<\/code> of <code>Profile<\/code> was removed\. /,
    );
    expect(html).toContain(
      '<span class="rating rating-minor">minor</span> GET /v1/profiles: Added the query parameter <code>q</code>.',
    );
    expect(html).toContain('<code>@insightiq/profiles-client@1.1.0</code>');
  });
});

describe('a change no rule rates', () => {
  it('says which property changed, and where', async () => {
    const { changeInWords } = await load<Changelog>('changelog.mjs');
    // @ts-expect-error: the release tools' rating is plain JavaScript, without declarations.
    const { rateContract } = (await import('@insightiq/release-tools/contract-rating')) as Rating;
    const [base, revision] = [structuredClone(fixture.current), structuredClone(fixture.current)] as any[];
    revision.components.schemas.Profile.properties.full_name.description = 'The name.';
    const [basePath, revisionPath] = [join(dist, 'base.json'), join(dist, 'revision.json')];
    writeFileSync(basePath, JSON.stringify(base));
    writeFileSync(revisionPath, JSON.stringify(revision));
    const words = rateContract(basePath, revisionPath).changes.map((c) => changeInWords(c, base, revision));
    expect(words).toEqual([
      'GET /v1/profiles: Changed `description` of `/components/schemas/Profile/properties/full_name`.',
    ]);
  });
});

describe('the Atom feed', () => {
  it('parses as XML and is an Atom 1.0 feed with one entry per release', async () => {
    const page = await browser.newPage();
    const feed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      const error = doc.querySelector('parsererror')?.textContent ?? null;
      const root = doc.documentElement;
      const child = (el: Element, name: string) =>
        [...el.children].filter(
          (c) => c.localName === name && c.namespaceURI === 'http://www.w3.org/2005/Atom',
        );
      const text = (el: Element, name: string) => child(el, name).map((c) => c.textContent);
      return {
        error,
        root: [root.localName, root.namespaceURI],
        id: text(root, 'id'),
        title: text(root, 'title'),
        updated: text(root, 'updated'),
        author: child(root, 'author').map((a) => text(a, 'name')),
        links: child(root, 'link').map((l) => [l.getAttribute('rel'), l.getAttribute('href')]),
        entries: child(root, 'entry').map((e) => ({
          id: text(e, 'id'),
          title: text(e, 'title'),
          updated: text(e, 'updated'),
          link: child(e, 'link').map((l) => l.getAttribute('href')),
          contentType: child(e, 'content').map((c) => c.getAttribute('type')),
          content: text(e, 'content'),
        })),
      };
    }, read('changelog.xml'));
    await page.close();
    expect(feed.error).toBeNull();
    expect(feed.root).toEqual(['feed', 'http://www.w3.org/2005/Atom']);
    expect(feed.id).toEqual([
      expect.stringMatching(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
    ]);
    expect(feed.title).toEqual(['InsightIQ Profiles API: changelog']);
    expect(feed.updated).toEqual(['2026-12-01T09:30:00Z']);
    expect(feed.author).toEqual([['InsightIQ']]);
    expect(feed.links).toEqual([
      ['self', 'changelog.xml'],
      ['alternate', 'changelog.html'],
    ]);
    expect(feed.entries.map((e) => [e.title, e.updated, e.link, e.contentType])).toEqual([
      [['InsightIQ Profiles API 1.1.0'], ['2026-12-01T09:30:00Z'], ['changelog.html#v1.1.0'], ['html']],
      [['InsightIQ Profiles API 1.0.0'], ['2026-11-02T09:00:00Z'], ['changelog.html#v1.0.0'], ['html']],
    ]);
    const ids = feed.entries.flatMap((e) => e.id);
    expect(new Set([...ids, ...feed.id]).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^urn:uuid:/);
    expect(feed.entries[0]?.content[0]).toContain(
      '<span class="rating rating-major">major</span> GET /v1/profiles: Property <code>nick_name</code>',
    );
    expect(feed.entries[1]?.content[0]).toContain('First release');
  });
});
