import { ProfilesError, ResponseValidationError } from '../errors.js';
import type { Config } from './config.js';
import { headersOf } from './request.js';

interface Validator {
  validateResponse(response: {
    operationId: string;
    status: number;
    headers: Headers;
    body: unknown;
  }): Array<{ pointer: string; message: string }>;
}

// Not a literal: bundlers leave the import alone, so the validator (Ajv and the contract) stays out of
// the client's bundle and is loaded, where it is installed, on the first check only.
const SPEC_VALIDATE = '@insightiq/profiles-spec/validate';
let validator: Promise<Validator> | undefined;

function loadValidator(): Promise<Validator> {
  validator ??= import(/* @vite-ignore */ /* webpackIgnore: true */ SPEC_VALIDATE).then(
    (m: { createContractValidator: () => Validator }) => m.createContractValidator(),
    (cause: unknown) => {
      validator = undefined;
      throw new ProfilesError(
        'validateResponses needs @insightiq/profiles-spec: install it (npm install @insightiq/profiles-spec).',
        { cause },
      );
    },
  );
  return validator;
}

/** Checks a parsed 2xx body against the contract, as `config.validateResponses` says. */
export async function checkResponse(
  config: Config,
  operationId: string,
  response: Response,
  body: unknown,
): Promise<void> {
  if (config.validateResponses === 'off') return;
  const violations = (await loadValidator()).validateResponse({
    operationId,
    status: response.status,
    headers: response.headers,
    body,
  });
  if (!violations.length) return;
  const error = new ResponseValidationError(response.status, headersOf(response), body, violations);
  if (config.validateResponses === 'throw') throw error;
  config.logger.warn(`[insightiq-profiles-client] ${error.message}`, { violations });
}
