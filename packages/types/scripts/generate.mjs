#!/usr/bin/env node
// Generates the committed TypeScript of @insightiq/profiles-types from the bundled contract
// (@insightiq/profiles-spec/openapi.json) with openapi-typescript:
//   src/generated/openapi.ts            paths, components, operations
//   src/generated/named.ts              a named interface per object schema (`Profile`, `ProfileList`, ...)
//                                       and a named alias per string schema (`Timestamp`), so that
//                                       editors show `Profile`, not its 37 fields
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

/** The exported name of a schema (`Error` would shadow the global). */
const NAMES = { Error: 'ErrorBody' };
const nameOf = (schema) => NAMES[schema] ?? schema;
const schemas = spec.components.schemas;
const refName = (s) => s?.$ref?.replace('#/components/schemas/', '');
const isObject = (name) => schemas[name]?.type === 'object';
/** A named string schema (`Timestamp`): an alias that editors show by name. */
const isNamedString = (name) => schemas[name]?.type === 'string' && !schemas[name].enum;
const isNamed = (name) => isObject(name) || isNamedString(name);
const doc = (text, indent) =>
  text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\n+/g, ' ').trim()} */\n` : '';

/** The named type of a property whose schema is (an array of, or a nullable) object schema; else undefined. */
function namedType(s) {
  if (isNamed(refName(s))) return nameOf(refName(s));
  if (s.type === 'array' && isNamed(refName(s.items))) return `${nameOf(refName(s.items))}[]`;
  const branches = s.anyOf ?? s.oneOf;
  if (branches?.length === 2 && branches.some((b) => b.type === 'null')) {
    const other = branches.find((b) => b.type !== 'null');
    if (isNamed(refName(other))) return `${nameOf(refName(other))} | null`;
  }
  return undefined;
}

/**
 * One interface per object schema. Each extends openapi-typescript's type of that schema and
 * re-declares only the properties that hold other object schemas, with their named types: the same
 * types (the compiler checks that each override is assignable), under names an editor shows.
 */
function renderNamed() {
  const out = [`import type { components } from './openapi.js';\n`];
  for (const [name, schema] of Object.entries(schemas)) {
    if (isNamedString(name)) {
      // \`& {}\` changes nothing (any string is one) but keeps the alias, which editors then show.
      out.push(
        `${doc(schema.description ?? schema.title, '')}export type ${nameOf(name)} = components['schemas']['${name}'] & {};\n`,
      );
      continue;
    }
    if (!isObject(name)) continue;
    const required = new Set(schema.required ?? []);
    const overrides = Object.entries(schema.properties ?? {})
      .map(([prop, s]) => [prop, s, namedType(s)])
      .filter(([, , type]) => type)
      .map(
        ([prop, s, type]) =>
          `${doc(s.description, '  ')}  ${prop}${required.has(prop) ? '' : '?'}: ${type};\n`,
      );
    // An interface extends names, not indexed types: each schema's type gets a (private) name first.
    out.push(
      `type ${name}Schema = components['schemas']['${name}'];\n${doc(schema.description ?? schema.title, '')}export interface ${nameOf(name)} extends ${name}Schema {${overrides.length ? `\n${overrides.join('')}` : ''}}\n`,
    );
  }
  return out.join('\n');
}

/** TSDoc for openapi-typescript's top-level declarations, which it writes without any. */
const TOP_LEVEL_DOCS = {
  paths:
    "Every path of the contract, keyed by its template: `paths['/v1/profiles']['get']` is `GET /v1/profiles`.",
  webhooks: 'The contract declares no webhooks.',
  components:
    "The contract's components: `components['schemas']['Profile']`, and its parameters, responses and headers.",
  $defs: 'The contract declares no `$defs`.',
  operations: "Every operation by operationId (`operations['listProfiles']`): its parameters and responses.",
};
const documented = (text) =>
  text.replace(/^export (interface|type) (\$?\w+)/gm, (line, _, name) =>
    TOP_LEVEL_DOCS[name] ? `/** ${TOP_LEVEL_DOCS[name]} */\n${line}` : line,
  );

const files = [
  [
    join(pkgDir, 'src/generated/named.ts'),
    `${banner('@insightiq/profiles-spec/openapi.json')}${renderNamed()}`,
  ],
  [
    join(pkgDir, 'src/generated/openapi.ts'),
    `${banner('@insightiq/profiles-spec/openapi.json')}\n${documented(astToString(ast))}`,
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
