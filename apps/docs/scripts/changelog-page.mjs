// The changelog's pages: changelog.html (the house look of src/try-it.css, light and dark, the version
// picker in its header, a <link rel="alternate"> to the feed), changelog.md (changelog.mjs's Markdown,
// for agents) and changelog.xml, an Atom 1.0 feed with one entry per release. Links are relative.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { changelogMarkdown, entrySummary } from './changelog.mjs';
import { escapeHtml } from './static-markdown.mjs';
import { housePage } from './static-page.mjs';

/** The Markdown this module's texts use (`code`, **bold**) as HTML, escaped first. */
const inline = (text) =>
  escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');

/** A stable absolute IRI for the feed and each entry: a name-based (SHA-1) UUID URN of `name`. */
export function uuidUrn(name) {
  const hex = createHash('sha1').update(`insightiq-profiles-changelog:${name}`).digest('hex');
  const variant = ((Number.parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** An entry's anchor on the changelog page. */
export const entryId = (entry) => (entry.version ? `v${entry.version}` : 'unreleased');

/** One entry as HTML: its heading, summary and each change with its rating. */
function entryHtml(entry, { headingLevel = 2 } = {}) {
  const h = `h${headingLevel}`;
  const changes = entry.changes.map(
    (c) =>
      `<li><span class="rating rating-${c.impact}">${c.impact}</span> ${inline(c.words)} <code class="where">${escapeHtml(c.pointer)}</code></li>`,
  );
  return [
    `<${h} id="${entryId(entry)}">${escapeHtml(entry.title)}</${h}>`,
    ...entrySummary(entry).map((line) => `<p>${inline(line)}</p>`),
    changes.length ? `<ul class="changes">${changes.join('')}</ul>` : '',
  ].join('\n');
}

/** The changelog's own rules, on top of the house's (src/try-it.css). */
const PAGE_CSS = `main{display:block;max-width:960px}
main section{padding:8px 0 16px;border-bottom:1px solid var(--border)}
main h2{margin:16px 0 8px;font-size:20px;font-weight:500}
.changes{padding-left:20px}
.changes li{margin:6px 0}
.where{color:var(--muted);font-size:12px;overflow-wrap:anywhere}
.rating{display:inline-block;min-width:4.5em;padding:0 6px;border:1px solid var(--border);border-radius:4px;font-size:12px;font-weight:700;text-align:center}
.rating-major{color:var(--error);border-color:var(--error)}
.rating-minor{color:var(--accent);border-color:var(--accent)}
.rating-patch{color:var(--text)}
header nav{margin-bottom:8px}`;

/** changelog.html: the page, with `header` (the version picker) above its title. */
export function changelogHtml(entries, { title, header = '', appDir }) {
  const css = readFileSync(join(appDir, 'src/try-it.css'), 'utf8');
  const sections = entries.map(
    (entry) => `<section aria-labelledby="${entryId(entry)}">\n${entryHtml(entry)}\n</section>`,
  );
  return housePage({
    title: `Changelog · ${title}`,
    description: `What changed in the ${title} contract at each release, rated major, minor or patch, with the package versions that shipped it.`,
    head: `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(title)} changelog (Atom)" href="changelog.xml">
<style>${css}\n${PAGE_CSS}</style>`,
    body: `<header>
${header}
<a class="back" href="index.html">← API reference</a>
<h1>Changelog: ${escapeHtml(title)}</h1>
<p class="note">Generated from <code>redocly diff</code> between consecutive released contracts, newest first. Subscribe: <a href="changelog.xml">Atom feed</a> · for agents: <a href="changelog.md">changelog.md</a>.</p>
</header>
<main>
${sections.join('\n')}
</main>`,
  });
}

/** changelog.xml: an Atom 1.0 feed, one entry per release (newest first), each with its changes as HTML. */
export function changelogAtom(entries, { title, author, updatedWhenEmpty = new Date().toISOString() }) {
  const releases = entries.filter((entry) => entry.version !== null);
  const updated = releases[0]?.date ?? updatedWhenEmpty;
  const items = releases.map(
    (entry) => `  <entry>
    <id>${uuidUrn(`release:${entry.version}`)}</id>
    <title>${escapeHtml(`${title} ${entry.version}`)}</title>
    <updated>${escapeHtml(entry.date)}</updated>
    <link rel="alternate" type="text/html" href="changelog.html#${entryId(entry)}"/>
    <content type="html">${escapeHtml(entryHtml(entry, { headingLevel: 3 }))}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${uuidUrn('feed')}</id>
  <title>${escapeHtml(`${title}: changelog`)}</title>
  <updated>${escapeHtml(updated)}</updated>
  <author><name>${escapeHtml(author)}</name></author>
  <link rel="self" type="application/atom+xml" href="changelog.xml"/>
  <link rel="alternate" type="text/html" href="changelog.html"/>
${items.join('\n')}
</feed>
`;
}

/** Writes changelog.html, changelog.md and changelog.xml into `dist`; returns their names. */
export function writeChangelog(dist, entries, { spec, header, appDir }) {
  const title = spec.info.title;
  const author = spec.info.contact?.name ?? title;
  writeFileSync(join(dist, 'changelog.html'), changelogHtml(entries, { title, header, appDir }));
  writeFileSync(join(dist, 'changelog.md'), changelogMarkdown(entries, { title }));
  writeFileSync(join(dist, 'changelog.xml'), changelogAtom(entries, { title, author }));
  return ['changelog.html', 'changelog.md', 'changelog.xml'];
}
