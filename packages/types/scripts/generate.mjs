#!/usr/bin/env node
// Generates the committed TypeScript of @insightiq/profiles-types from the bundled contract
// (@insightiq/profiles-spec/openapi.json) with openapi-typescript:
//   src/generated/openapi.ts            paths, components, operations
//   test/fixtures/reference-sample.ts   the API's own sample (the bundle's ProfileListSample example)
//                                       as a typed const, for the type tests
// It reads nothing but what the spec package publishes.
// `--check` writes nothing and fails when a committed file differs from what would be generated
// (the package's test task runs it, so CI fails on stale types).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGenerated } from '@insightiq/codegen-tools';
import openapiTS, { astToString } from 'openapi-typescript';

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const specPath = require.resolve('@insightiq/profiles-spec/openapi.json');
const banner = (from) =>
  `/**\n * This file was generated from ${from} by packages/types/scripts/generate.mjs.\n * Do not edit it by hand: run \`pnpm generate\` (or \`pnpm --filter @insightiq/profiles-types generate\`).\n */\n`;

const spec = JSON.parse(readFileSync(specPath, 'utf8'));
const ast = await openapiTS(spec, { alphabetize: false, exportType: false });
const sample = spec.components.examples.ProfileListSample.value;

const files = [
  [
    join(pkgDir, 'src/generated/openapi.ts'),
    `${banner('@insightiq/profiles-spec/openapi.json')}\n${astToString(ast)}`,
  ],
  [
    join(pkgDir, 'test/fixtures/reference-sample.ts'),
    `${banner('the ProfileListSample example of @insightiq/profiles-spec/openapi.json')}import type { ProfileList } from '../../src/index.js';\n\n/** The reference page's sample response, as a const that must satisfy \`ProfileList\`. */\nexport const referenceSample = ${JSON.stringify(sample, null, 2)} as const satisfies ProfileList;\n`,
  ],
];

const stale = writeGenerated(
  files.map(([path, text]) => ({ path, text })),
  { check: process.argv.includes('--check'), root: pkgDir, hint: 'pnpm generate' },
);
process.exitCode = stale ? 1 : 0;
