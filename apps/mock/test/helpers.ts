import { createContractValidator } from '@insightiq/profiles-spec/validate';
import { expect } from 'vitest';

export const contract = createContractValidator();
export const AUTH = `Basic ${Buffer.from('client-id:client-secret').toString('base64')}`;

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/**
 * GETs a path of the mock with valid credentials unless `headers.authorization` says otherwise;
 * through `fetchImpl` when given (a sandbox's in-process fetch).
 */
export async function get(
  base: string,
  path: string,
  headers: Record<string, string> = {},
  fetchImpl: (input: string, init: RequestInit) => Promise<Response> = fetch,
): Promise<Answer> {
  const res = await fetchImpl(base + path, { headers: { authorization: AUTH, ...headers } });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, body, text };
}

/** Asserts that an answer conforms to the contract: status, headers and body. */
export function expectConforms(answer: Answer, operationId: 'listProfiles' | 'getProfile', label = ''): void {
  const issues = contract.validateResponse({
    operationId,
    status: answer.status,
    headers: answer.headers,
    body: answer.body,
  });
  expect(issues, `${label} ${answer.status} ${answer.text.slice(0, 300)}`).toEqual([]);
}
