#!/usr/bin/env node
// Builds the static API reference into dist/ with writeReference: index.html (the reference as
// static HTML, readable without JavaScript, which turns into Redoc on request: static-page.mjs),
// redoc.html (Redoc, offline: redoc.mjs renders it, offline-html.mjs removes its network requests and
// makes its links relative), try-it.html (try-it.mjs), the bundled contract as openapi.json and
// openapi.yaml for download, as published, the pages for agents (agent-pages.mjs: llms.txt,
// llms-full.txt, operations/*.md), and last a precompressed .br and .gz beside each text file
// (precompress.mjs).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { plainSummary, writeAgentPages } from './agent-pages.mjs';
import { offlineHtml } from './offline-html.mjs';
import { publishable } from './precompress.mjs';
import { pageDocument, renderRedoc } from './redoc.mjs';
import { redocWithHeader, renderStaticPage } from './static-page.mjs';
import { renderTryIt } from './try-it.mjs';
import { verificationFromEnv } from './verify-report.mjs';
import { siteVersions } from './versions.mjs';

const require = createRequire(import.meta.url);
const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The downloads every reference links to (its pages say `openapi.json` and `openapi.yaml`). */
const DOWNLOADS = ['openapi.json', 'openapi.yaml'];

/**
 * Writes the whole reference of one contract into `dir` (created if needed): index.html, redoc.html,
 * try-it.html, the downloads, and the pages for agents. `header` is an HTML fragment placed in the
 * top bar of every page (such as a version picker; none by default). `downloads` holds the texts of
 * `openapi.json` and `openapi.yaml` as published. `verification` (verify-report.mjs) puts the last
 * `insightiq-profiles verify` run on each operation. Every link it writes is relative to `dir`.
 * Returns the names of the files written, relative to `dir`.
 */
export function writeReference(spec, dir, { header = '', downloads, verification } = {}) {
  const missing = DOWNLOADS.filter((name) => typeof downloads?.[name] !== 'string');
  if (missing.length)
    throw new Error(`writeReference: options.downloads must give the text of ${missing.join(' and ')}`);
  mkdirSync(dir, { recursive: true });
  for (const name of DOWNLOADS) writeFileSync(join(dir, name), downloads[name]);
  const page = pageDocument(spec, { verification });
  const redoc = join(dir, 'redoc.html');
  const summary = plainSummary(spec.info.description);
  renderRedoc(page, { appDir, output: redoc, description: summary });
  writeFileSync(redoc, redocWithHeader(offlineHtml(readFileSync(redoc, 'utf8')), header));
  writeFileSync(join(dir, 'index.html'), renderStaticPage(page, { appDir, header, summary }));
  writeFileSync(join(dir, 'try-it.html'), renderTryIt(page, { appDir, header }));
  return ['index.html', 'redoc.html', 'try-it.html', ...DOWNLOADS, ...writeAgentPages(dir, spec)];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = join(appDir, 'dist');
  const specJson = require.resolve('@insightiq/profiles-spec/openapi.json');
  const downloads = {
    'openapi.json': readFileSync(specJson, 'utf8'),
    'openapi.yaml': readFileSync(specJson.replace(/\.json$/, '.yaml'), 'utf8'),
  };
  // INSIGHTIQ_VERIFY_REPORT: read first, so that a bad report fails the build before it starts.
  const verification = verificationFromEnv();
  rmSync(dist, { recursive: true, force: true });
  const spec = JSON.parse(downloads['openapi.json']);
  // Every release of the archive at v/<version>/, the changelog, and the version picker (versions.mjs).
  const versions = siteVersions(spec, { currentPath: specJson });
  const files = writeReference(spec, dist, { downloads, verification, header: versions.header });
  files.push(...versions.write(dist, { writeReference, appDir }));
  console.log(`built ${dist}: ${files.join(', ')}`);
  // Last, so that it covers every file the steps above wrote.
  publishable(dist);
}
