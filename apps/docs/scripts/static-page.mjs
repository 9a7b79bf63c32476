// The landing page of the reference (index.html): the whole reference as static HTML, generated
// from the page's contract (redoc.mjs's pageDocument), readable at first sight and without
// JavaScript: the introduction, then every operation (static-operations.mjs). With JavaScript, Copy
// buttons copy each code sample, and the page turns into the full Redoc reference (redoc.html) when
// the reader asks for it or arrives by one of Redoc's deep links (src/reference.js).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parameterRules } from '@insightiq/profiles-spec/parameters';
import { operationModel, operationsOf } from './operation-model.mjs';
import { escapeHtml, idMaker, inlineScript, markdownFor } from './static-markdown.mjs';
import { operationHtml } from './static-operations.mjs';

/** The page's title, also Redoc's (`redocly build-docs --title`). */
export const TITLE = 'InsightIQ Profiles API reference';

/** The table of contents: the introduction's sections, then each tag's operations. */
function contentsHtml(intro, groups) {
  const item = (id, text) => `<li><a href="#${id}">${escapeHtml(text)}</a></li>`;
  const sections = intro.filter((h) => h.level === 2).map((h) => item(h.id, h.text));
  const tags = groups.map(
    ({ tag, id, operations }) =>
      `<li><a href="#${id}">${escapeHtml(tag)}</a><ul>${operations
        .map(({ op }) => item(`op-${escapeHtml(op.operationId)}`, op.summary ?? op.operationId))
        .join('')}</ul></li>`,
  );
  return (
    '<nav class="contents" aria-labelledby="contents-title"><h2 id="contents-title">Contents</h2>' +
    `<ul>${sections.join('')}${tags.join('')}</ul></nav>`
  );
}

/** The operations grouped by their first tag, in the contract's order; tag descriptions from `tags`. */
function tagGroups(page, uniqueId) {
  const groups = new Map();
  for (const operation of operationsOf(page)) {
    const tag = operation.op.tags?.[0] ?? 'Operations';
    if (!groups.has(tag)) {
      const about = (page.tags ?? []).find((t) => t.name === tag)?.description;
      groups.set(tag, { tag, id: uniqueId(`tag-${tag}`), about, operations: [] });
    }
    groups.get(tag).operations.push(operation);
  }
  return [...groups.values()];
}

/** The top bar of every page: the site's name, the `header` fragment, and the links. */
function topBar(header) {
  return `<header class="top">
<p class="brand"><a href="index.html">InsightIQ Profiles API</a></p>
${header}
<nav class="links" aria-label="Site">
<a href="try-it.html">Try it</a>
<a href="openapi.json">openapi.json</a>
<a href="openapi.yaml">openapi.yaml</a>
<a href="llms.txt">llms.txt</a>
<button type="button" id="interactive" class="copy needs-js" aria-describedby="interactive-status">Interactive reference</button>
<span id="interactive-status" class="hint" role="status"></span>
</nav>
</header>`;
}

/** The page's body: the top bar, the contents, and the reference itself. */
function bodyHtml(page, header) {
  const uniqueId = idMaker();
  const md = markdownFor(uniqueId);
  const intro = [];
  const introHtml = md.render(page.info.description, { top: 2, headings: intro });
  const groups = tagGroups(page, uniqueId);
  const rules = parameterRules(page);
  const tags = groups.map(
    ({ tag, id, about, operations }) =>
      `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(tag)}</h2>\n${md.render(about, { top: 3 })}` +
      `${operations.map((operation) => operationHtml(operationModel(page, operation, rules), md)).join('\n')}</section>`,
  );
  return `${topBar(header)}
<div class="layout">
${contentsHtml(intro, groups)}
<main id="content">
<h1>${escapeHtml(page.info.title)} <span class="version">${escapeHtml(page.info.version)}</span></h1>
${introHtml}
${tags.join('\n')}
<p id="copy-status" class="visually-hidden" role="status"></p>
</main>
</div>`;
}

/**
 * A generated page of the site (the landing page, the changelog): the head every one has, with its
 * `title` and meta `description` (both plain text), then `head` (more head elements, as HTML), and
 * `body` (HTML).
 */
export function housePage({ title, description, head, body }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<meta name="description" content="${escapeHtml(description)}">
<link rel="icon" href="data:,">
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * The landing page of `page` (a pageDocument): one HTML file, its CSS (src/try-it.css, the house's
 * rules, then src/reference.css) and script (src/reference.js) inline. `summary` is its meta
 * description; `header` an HTML fragment for the top bar.
 */
export function renderStaticPage(page, { appDir, header = '', summary = '' }) {
  const src = (name) => readFileSync(join(appDir, 'src', name), 'utf8');
  return housePage({
    title: TITLE,
    description: summary,
    head: `<script>document.documentElement.classList.add('js')</script>
<style>${src('try-it.css')}
${src('reference.css')}</style>`,
    body: `${bodyHtml(page, header)}
<script>${inlineScript(src('reference.js'))}</script>`,
  });
}

/** Redoc's page (redoc.html) with `header` in a bar at its top; unchanged when `header` is empty. */
export function redocWithHeader(html, header) {
  if (!header) return html;
  const bar = `<div class="iq-header" style="padding:8px 16px;border-bottom:1px solid #d6d6d6">${header}</div>`;
  return html.replace('<body>', () => `<body>\n${bar}`);
}
