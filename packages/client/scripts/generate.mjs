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
import { openapi, parameterRules } from '@insightiq/profiles-spec';

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

/** The API's hosts (the contract's servers), by environment. Credentials are issued per environment. */
export const environments = ${json(environments)} as const;

/** One parameter's rule, as the contract states it. */
export interface ParameterRule {
  readonly name: string;
  /** Present (true) when the parameter must be sent. */
  readonly required?: boolean;
  readonly type: string;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  /** The value the API uses when the parameter is not sent. */
  readonly default?: unknown;
  /** The rule in words, as the API's 400 errors word it. */
  readonly rule: string;
}

/** The parameters of \`GET /v1/profiles\`. */
export const listProfilesRules: readonly ParameterRule[] = ${json(rules.listProfiles.map(pick))};

/** The parameters of \`GET /v1/profiles/{id}\`. */
export const getProfileRules: readonly ParameterRule[] = ${json(rules.getProfile.map(pick))};
`;
}

const pick = ({ name, required, type, format, minimum, maximum, default: fallback, rule }) =>
  Object.fromEntries(
    Object.entries({
      name,
      required: required || undefined,
      type,
      format,
      minimum,
      maximum,
      default: fallback,
      rule,
    }).filter(([, v]) => v !== undefined),
  );

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
