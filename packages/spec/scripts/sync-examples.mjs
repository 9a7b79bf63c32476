#!/usr/bin/env node
// Writes the named examples that come from the API's own sample response
// (openapi/reference/profiles-list.sample.json, verbatim from the reference page) into
// openapi/components/examples/. YAML cannot hold the sample byte for byte, so the YAML
// examples are generated from it; `pnpm --filter @insightiq/profiles-spec sync-examples`
// rewrites them and `--check` (run by the spec tests too) fails when they are stale.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGenerated } from '@insightiq/codegen-tools';
import { stringify } from 'yaml';

const openapiDir = join(dirname(fileURLToPath(import.meta.url)), '../../../openapi');
const samplePath = join(openapiDir, 'reference/profiles-list.sample.json');
const banner =
  '# Generated from openapi/reference/profiles-list.sample.json by packages/spec/scripts/sync-examples.mjs.\n# Do not edit: run `pnpm --filter @insightiq/profiles-spec sync-examples`.\n';

/** The example files this script owns, with their content. */
export function renderExamples() {
  const sample = JSON.parse(readFileSync(samplePath, 'utf8'));
  const profileIndex = 3;
  const files = {
    'ProfileListSample.yaml': {
      summary: "The API's own sample response",
      description:
        "The sample response of the API's reference page for `GET /v1/profiles`, kept verbatim in `openapi/reference/profiles-list.sample.json`. It is the ground truth of what the API returns: never edit it to make a test pass; fix the contract.",
      value: sample,
    },
    'ProfileSample.yaml': {
      summary: "One profile of the API's own sample",
      description: `Profile ${profileIndex + 1} of the reference page's sample response (${sample.data[profileIndex].full_name}, ${sample.data[profileIndex].work_platform.name}).`,
      value: sample.data[profileIndex],
    },
  };
  return Object.entries(files).map(([name, example]) => ({
    path: join(openapiDir, 'components/examples', name),
    text: banner + stringify(example, { lineWidth: 0 }),
  }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const stale = writeGenerated(renderExamples(), {
    check: process.argv.includes('--check'),
    root: join(openapiDir, '..'),
    hint: 'pnpm --filter @insightiq/profiles-spec sync-examples',
  });
  process.exitCode = stale ? 1 : 0;
}
