// The reference page: Redoc, rendered by `redocly build-docs --inlineBundle` from the page's own
// copy of the contract, which links to the downloads and to Try it and lists the kit's local mock
// as a server (the downloads stay as published, describing the API alone).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TITLE } from './static-page.mjs';
import { verificationNote } from './verify-report.mjs';

/** The kit's local mock, which the page and Try it offer besides the API's own servers. */
export const LOCAL_MOCK = {
  url: 'http://127.0.0.1:4010',
  description: 'Local mock (pnpm start in the contract kit)',
};

/** A section of the page, from `src/` (its comment line dropped). */
const section = (name) =>
  readFileSync(new URL(`../src/${name}`, import.meta.url), 'utf8').replace(/<!--.*?-->\n/g, '');
/** Testing against the sandbox (its snippets are type-checked by the docs tests). */
const TESTING = section('testing.md');
/** The command line (its commands are run by the CLI's tests). */
const COMMAND_LINE = section('command-line.md');

/**
 * The contract as the reference page shows it. `verification` (from `verify-report.mjs`, the build's
 * INSIGHTIQ_VERIFY_REPORT) adds to each operation when and against what it was last verified.
 */
export function pageDocument(spec, { verification } = {}) {
  const page = structuredClone(spec);
  page.servers = [...page.servers, LOCAL_MOCK];
  page.info.description = `**Downloads:** [openapi.json](openapi.json) · [openapi.yaml](openapi.yaml) · **[Try it](try-it.html)**: send requests to the local mock or the API from your browser.\n\n${page.info.description}\n\n## Try it\nRun the contract kit's local mock (\`pnpm start\`) and call it at \`${LOCAL_MOCK.url}\`, the **Local mock** server below, with any client id and secret.\n\n${TESTING}\n\n${COMMAND_LINE}`;
  for (const item of Object.values(page.paths)) {
    for (const op of Object.values(item)) {
      const verified = verificationNote(verification, op.operationId);
      op.description = `[Try it →](try-it.html#${op.operationId})\n\n${verified ? `${verified}\n\n` : ''}${op.description ?? ''}`;
    }
  }
  return page;
}

/** Renders `page` into `output` with the Redocly CLI of `appDir`; `description` is its meta description. */
export function renderRedoc(page, { appDir, output, description = '' }) {
  // A folder of its own: renders run one after another (each release's) and in parallel tests.
  const work = mkdtempSync(join(tmpdir(), 'redoc-page-'));
  writeFileSync(join(work, 'openapi.json'), JSON.stringify(page));
  const args = [
    'build-docs',
    join(work, 'openapi.json'),
    '--output',
    output,
    '--inlineBundle',
    '--title',
    TITLE,
    '--openapi.hideLoading',
    '--openapi.expandResponses=200',
    '--openapi.jsonSamplesExpandLevel=3',
    '--openapi.schemaExpansionLevel=2',
    '--lint-config=off',
    // Redoc 3 has no theme option: its contrast fixes (src/redoc.css, see there) go into the page's
    // head through build-docs' default template with one <style> more (src/redoc.hbs).
    '--template',
    join(appDir, 'src/redoc.hbs'),
    `--templateOptions.css=${readFileSync(join(appDir, 'src/redoc.css'), 'utf8')}`,
    `--templateOptions.description=${description}`,
  ];
  try {
    // Redocly prints banners on every run; its output is shown only when it fails.
    // REDOCLY_TELEMETRY=off: the CLI reports nothing, and the page it renders gets disableTelemetry: true
    // (Redoc 3 otherwise posts usage traces to otel.cloud.redocly.com from every reader's browser).
    execFileSync(join(appDir, 'node_modules/.bin/redocly'), args, {
      stdio: 'pipe',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
    });
  } catch (error) {
    process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error('redocly build-docs failed');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
