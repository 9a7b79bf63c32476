#!/usr/bin/env node
// Builds the static API reference into dist/: index.html (Redoc, offline: redoc.mjs renders it,
// offline-html.mjs removes its network requests and makes its links relative), try-it.html
// (try-it.mjs), the bundled contract as openapi.json and openapi.yaml for download, as published, the
// pages for agents (agent-pages.mjs: llms.txt, llms-full.txt, operations/*.md), and last a
// precompressed .br and .gz beside each text file (precompress.mjs).
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeAgentPages } from './agent-pages.mjs';
import { offlineHtml } from './offline-html.mjs';
import { publishable } from './precompress.mjs';
import { pageDocument, renderRedoc } from './redoc.mjs';
import { renderTryIt } from './try-it.mjs';

const require = createRequire(import.meta.url);
const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(appDir, 'dist');
const specJson = require.resolve('@insightiq/profiles-spec/openapi.json');
const spec = JSON.parse(readFileSync(specJson, 'utf8'));

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
copyFileSync(specJson, join(dist, 'openapi.json'));
copyFileSync(specJson.replace(/\.json$/, '.yaml'), join(dist, 'openapi.yaml'));

const page = pageDocument(spec);
const index = join(dist, 'index.html');
renderRedoc(page, { appDir, output: index });
const html = offlineHtml(readFileSync(index, 'utf8'));
writeFileSync(index, html);
writeFileSync(join(dist, 'try-it.html'), renderTryIt(page, { appDir }));
const agentFiles = writeAgentPages(dist, spec);
console.log(
  `built ${dist}: index.html (${(html.length / 1024).toFixed(0)} KiB), try-it.html, openapi.json, openapi.yaml, ${agentFiles.join(', ')}`,
);
// Last, so that it covers every file the steps above wrote.
publishable(dist);
