// Every released version of the reference: the release archive (openapi/releases/, written by
// `pnpm version-packages`, read through @insightiq/release-tools) gives each released contract, whose
// whole reference the build writes at v/<version>/; the current contract stays at the root. Every page
// carries the version picker (a <details> menu of plain links: it works without JavaScript) and a link
// to the changelog, with links relative to the page, so the site works under any path.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readReleases } from '@insightiq/release-tools/archive';
import { repoRoot } from '@insightiq/release-tools/repo';
import { stringify } from 'yaml';
import { changelogEntries } from './changelog.mjs';
import { writeChangelog } from './changelog-page.mjs';
import { escapeHtml } from './static-markdown.mjs';

/** Where a release's reference lives in the site, relative to its root. */
export const versionDir = (version) => `v/${version}/`;

/** The released contracts of the repository's archive, oldest first (`{ version, date, packages, path }`). */
export const siteReleases = (root = repoRoot()) => readReleases(root);

/** The picker's look: the house colours (src/try-it.css), light and dark, self-contained for any page. */
export const PICKER_CSS = `.iq-versions{--iqv-text:#333;--iqv-bg:#fff;--iqv-border:#d6d6d6;--iqv-accent:#32329f;display:flex;flex-wrap:wrap;gap:4px 16px;align-items:center;font:14px/1.5 -apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--iqv-text)}
@media (prefers-color-scheme:dark){.iq-versions{--iqv-text:#e6e6e6;--iqv-bg:#16161a;--iqv-border:#4a4a4a;--iqv-accent:#a3a3ff}}
.iq-versions a{color:var(--iqv-accent)}
.iq-versions details{position:relative}
.iq-versions summary{cursor:pointer;padding:2px 8px;border:1px solid var(--iqv-border);border-radius:4px;background:var(--iqv-bg)}
.iq-versions ul{position:absolute;z-index:10;margin:4px 0 0;padding:4px 0;min-width:16em;list-style:none;border:1px solid var(--iqv-border);border-radius:4px;background:var(--iqv-bg)}
.iq-versions li a{display:block;padding:4px 12px}
.iq-versions a[aria-current]{font-weight:700}`;

/** A release's label in the picker: its version and the day it was released. */
const releaseLabel = (release) => `${release.version} (released ${release.date.slice(0, 10)})`;

/**
 * The header fragment of one page: the version picker and the changelog link.
 * `shown` is the version the page shows (`current` for the root); `toRoot` the relative path from the
 * page's folder to the site's root (`` at the root, `../../` under v/<version>/); `page` the page's
 * own file name, so the changelog marks no version as the one shown.
 */
export function versionPicker(releases, { shown, toRoot = '', current, page = 'index.html' }) {
  const item = (href, label, isShown) =>
    `<li><a href="${escapeHtml(href)}"${isShown ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a></li>`;
  const currentLabel = `Current${current ? ` (${current})` : ''}`;
  const items = [
    item(`${toRoot}index.html`, currentLabel, shown === 'current'),
    ...[...releases]
      .reverse()
      .map((r) => item(`${toRoot}${versionDir(r.version)}index.html`, releaseLabel(r), shown === r.version)),
  ];
  const showing = shown === 'current' ? currentLabel : shown ? shown : 'all versions';
  const changelog = page === 'changelog.html' ? '' : `<a href="${toRoot}changelog.html">Changelog</a>`;
  return `<style>${PICKER_CSS}</style><nav class="iq-versions" aria-label="Versions"><details><summary>Version: ${escapeHtml(showing)}</summary><ul>${items.join('')}</ul></details>${changelog}</nav>`;
}

/** An archived contract (`spec`) and its downloads: its JSON as archived, and the same contract as YAML. */
function readRelease(release) {
  const json = readFileSync(release.path, 'utf8');
  const spec = JSON.parse(json);
  return { spec, downloads: { 'openapi.json': json, 'openapi.yaml': stringify(spec, { lineWidth: 0 }) } };
}

/**
 * Writes the whole reference of each release at `dist/v/<version>/` with `writeReference` (build.mjs),
 * each page with the picker showing that release. Returns the files written, relative to `dist`.
 */
export function writeReleases(dist, releases, { writeReference, current }) {
  return releases.flatMap((release) => {
    const { spec, downloads } = readRelease(release);
    const header = versionPicker(releases, { shown: release.version, toRoot: '../../', current });
    const dir = versionDir(release.version);
    const files = writeReference(spec, join(dist, dir), { header, downloads });
    return files.map((file) => `${dir}${file}`);
  });
}

/**
 * The build's versions step for the current contract `spec` (whose bundle is at `currentPath`):
 * `header`, the picker of the root's pages, and `write`, which writes every release's reference at
 * v/<version>/ and the changelog (changelog.html, .md, .xml) into `dist`, returning their files.
 */
export function siteVersions(spec, { currentPath, root = repoRoot() }) {
  const releases = siteReleases(root);
  const current = spec.info.version;
  return {
    releases,
    header: versionPicker(releases, { shown: 'current', current }),
    write(dist, { writeReference, appDir }) {
      const files = writeReleases(dist, releases, { writeReference, current });
      const header = versionPicker(releases, { current, page: 'changelog.html' });
      const entries = changelogEntries(releases, currentPath);
      return [...files, ...writeChangelog(dist, entries, { spec, header, appDir })];
    },
  };
}
