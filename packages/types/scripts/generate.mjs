#!/usr/bin/env node
// Generates the committed TypeScript of @insightiq/profiles-types from the bundled contract
// (@insightiq/profiles-spec/openapi.json) with openapi-typescript:
//   src/generated/openapi.ts            paths, components, operations
//   test/fixtures/reference-sample.ts   the API's own sample as a typed const, for the type tests
// `--check` writes nothing and fails when a committed file differs from what would be generated
// (the package's test task runs it, so CI fails on stale types).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
// The same write-or-check loop as the spec's generated examples (the spec flows into the types).
import { writeGenerated } from '../../spec/scripts/generated-files.mjs';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const specPath = require.resolve('@insightiq/profiles-spec/openapi.json');
const samplePath = join(pkgDir, '../../openapi/reference/profiles-list.sample.json');
const banner = (from) =>
  `/**\n * This file was generated from ${from} by packages/types/scripts/generate.mjs.\n * Do not edit it by hand: run \`pnpm generate\` (or \`pnpm --filter @insightiq/profiles-types generate\`).\n */\n`;

const spec = JSON.parse(readFileSync(specPath, 'utf8'));
const ast = await openapiTS(spec, { alphabetize: false, exportType: false });
const sample = readFileSync(samplePath, 'utf8').trim();

const files = [
  [
    join(pkgDir, 'src/generated/openapi.ts'),
    `${banner('@insightiq/profiles-spec/openapi.json')}\n${astToString(ast)}`,
  ],
  [
    join(pkgDir, 'test/fixtures/reference-sample.ts'),
    `${banner('openapi/reference/profiles-list.sample.json')}import type { ProfileList } from '../../src/index.js';\n\n/** The reference page's sample response, as a const that must satisfy \`ProfileList\`. */\nexport const referenceSample = ${sample} as const satisfies ProfileList;\n`,
  ],
];

const stale = writeGenerated(
  files.map(([path, text]) => ({ path, text })),
  { check: process.argv.includes('--check'), root: pkgDir, hint: 'pnpm generate' },
);
process.exitCode = stale ? 1 : 0;
