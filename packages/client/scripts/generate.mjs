#!/usr/bin/env node
// Generates src/generated/contract.ts, the part of the contract that the client enforces without a
// JSON Schema validator: the API's environments (the contract's servers) and the rules of each
// operation's parameters (bounds, defaults, formats, and their words), from what
// @insightiq/profiles-spec publishes (`parameterRules`, `openapi.servers`).
// `--check` writes nothing and fails when the committed file differs (the client's tests run it).
// `renderContractModule(document)` is exported for the test that regenerates from a changed contract.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGenerated } from '@insightiq/codegen-tools';
import { openapi } from '@insightiq/profiles-spec';
import { parameterRules } from '@insightiq/profiles-spec/parameters';

const pkgDir = join(fileURLToPath(import.meta.url), '../..');

/** The module's text for `document` (the bundled contract by default). */
export function renderContractModule(document = openapi) {
  const environments = Object.fromEntries(
    document.servers.map((s) => [s.description.toLowerCase(), s.url.replace(/\/+$/, '')]),
  );
  const rules = parameterRules(document);
  const json = (value) => JSON.stringify(value, null, 2);
  return `/**
 * This file was generated from @insightiq/profiles-spec by packages/client/scripts/generate.mjs.
 * Do not edit it by hand: run \`pnpm generate\` (or \`pnpm --filter @insightiq/profiles-client generate\`).
 */
import type { ParameterRule } from '@insightiq/profiles-spec/parameters';

/** The API's hosts (the contract's servers), by environment. Credentials are issued per environment. */
export const environments = ${json(environments)} as const;

/** The parameters of \`GET /v1/profiles\`. */
export const listProfilesRules: readonly ParameterRule[] = ${json(rules.listProfiles)};

/** The parameters of \`GET /v1/profiles/{id}\`. */
export const getProfileRules: readonly ParameterRule[] = ${json(rules.getProfile)};
`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const stale = writeGenerated(
    [{ path: join(pkgDir, 'src/generated/contract.ts'), text: renderContractModule() }],
    {
      check: process.argv.includes('--check'),
      root: pkgDir,
      hint: 'pnpm generate',
    },
  );
  process.exitCode = stale ? 1 : 0;
}
