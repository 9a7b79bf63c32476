#!/usr/bin/env node
// Builds the static API reference into dist/: index.html (Redoc, rendered by `redocly build-docs
// --inlineBundle`, with no request to any CDN), try-it.html (the Try it panel, self-contained) and
// the bundled contract as openapi.json and openapi.yaml for download.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { followRefs } from '@insightiq/profiles-spec/validate';

const require = createRequire(import.meta.url);
const appDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(appDir, 'dist');
const specJson = require.resolve('@insightiq/profiles-spec/openapi.json');
const spec = JSON.parse(readFileSync(specJson, 'utf8'));

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, '.work'), { recursive: true });
copyFileSync(specJson, join(dist, 'openapi.json'));
copyFileSync(specJson.replace(/\.json$/, '.yaml'), join(dist, 'openapi.yaml'));

// The page's copy of the contract links to the downloads and to Try it, and lists the kit's local
// mock as a server; the downloads stay as published, describing the API alone.
const LOCAL_MOCK = {
  url: 'http://127.0.0.1:4010',
  description: 'Local mock (pnpm start in the contract kit)',
};
const page = structuredClone(spec);
page.servers = [...page.servers, LOCAL_MOCK];
page.info.description = `**Downloads:** [openapi.json](openapi.json) · [openapi.yaml](openapi.yaml) · **[Try it](try-it.html)**: send requests to the local mock or the API from your browser.\n\n${page.info.description}\n\n## Try it\nRun the contract kit's local mock (\`pnpm start\`) and call it at \`${LOCAL_MOCK.url}\`, the **Local mock** server below, with any client id and secret.`;
for (const item of Object.values(page.paths)) {
  for (const op of Object.values(item)) {
    op.description = `[Try it →](try-it.html#${op.operationId})\n\n${op.description ?? ''}`;
  }
}
writeFileSync(join(dist, '.work/openapi.json'), JSON.stringify(page));
const redoclyArgs = [
  'build-docs',
  join(dist, '.work/openapi.json'),
  '--output',
  join(dist, 'index.html'),
  '--inlineBundle',
  '--title',
  'InsightIQ Profiles API reference',
  '--openapi.hideLoading',
  '--openapi.expandResponses=200',
  '--openapi.jsonSamplesExpandLevel=3',
  '--openapi.schemaExpansionLevel=2',
  '--lint-config=off',
];
try {
  // Redocly prints banners on every run; its output is shown only when it fails.
  // REDOCLY_TELEMETRY=off: the CLI reports nothing, and the page it renders gets disableTelemetry: true
  // (Redoc 3 otherwise posts usage traces to otel.cloud.redocly.com from every reader's browser).
  execFileSync(join(appDir, 'node_modules/.bin/redocly'), redoclyArgs, {
    stdio: 'pipe',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
  });
} catch (error) {
  process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
  throw new Error('redocly build-docs failed');
}
rmSync(join(dist, '.work'), { recursive: true });

// Redoc's footer logo comes from Redocly's CDN; an offline page must not ask for it.
const LOGO = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/%3E';
let html = readFileSync(join(dist, 'index.html'), 'utf8');
html = html.replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g, LOGO);
// No favicon request either.
html = html.replace('<head>', '<head><link rel="icon" href="data:,">');
const options = /const __redoc_options = (\{.*?\});/.exec(html)?.[1];
if (!options || JSON.parse(options).disableTelemetry !== true) {
  throw new Error(
    `redocly build-docs rendered Redoc with telemetry on (__redoc_options: ${options ?? 'not found'}); ` +
      'the published page must not report its readers to otel.cloud.redocly.com. Check REDOCLY_TELEMETRY ' +
      'support in the installed @redocly/cli.',
  );
}
writeFileSync(join(dist, 'index.html'), html);

// Try it: one self-contained page with the parameters, bounds and servers of the contract.
const deref = (v) => followRefs(spec, v, '').value;
const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({
    operationId: op.operationId,
    method: method.toUpperCase(),
    path,
    summary: op.summary,
    parameters: (op.parameters ?? [])
      .map(deref)
      .map(({ name, in: where, required, description, schema, example }) => ({
        name,
        in: where,
        required: Boolean(required),
        description,
        schema,
        example,
      })),
  })),
);
const src = (name) => readFileSync(join(appDir, 'src', name), 'utf8');
const tryIt = src('try-it.html')
  .replace('/*CSS*/', () => src('try-it.css'))
  .replace('/*SPEC*/', () => JSON.stringify({ servers: page.servers, operations }).replace(/</g, '\\u003c'))
  .replace('/*JS*/', () => src('try-it.js'));
writeFileSync(join(dist, 'try-it.html'), tryIt);
console.log(
  `built ${dist}: index.html (${(html.length / 1024).toFixed(0)} KiB), try-it.html, openapi.json, openapi.yaml`,
);
