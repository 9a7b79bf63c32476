import { createContractValidator } from '@insightiq/profiles-spec/validate';
import { expect } from 'vitest';

export const contract = createContractValidator();
export const AUTH = { authorization: `Basic ${btoa('client-id:client-secret')}` };
export const ORIGIN = 'https://sandbox.test';

/** The body of a response, parsed, with its status and headers. */
export async function read(response: Response) {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: response.status, headers: response.headers, body: body as any, text };
}

/** Asserts that an answer conforms to the contract: status, headers and body. */
export function expectConforms(
  answer: Awaited<ReturnType<typeof read>>,
  operationId: 'listProfiles' | 'getProfile',
) {
  const issues = contract.validateResponse({
    operationId,
    status: answer.status,
    headers: answer.headers,
    body: answer.body,
  });
  expect(issues, `${answer.status} ${answer.text.slice(0, 300)}`).toEqual([]);
}
