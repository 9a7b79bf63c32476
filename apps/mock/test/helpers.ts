import type { ChildProcess } from 'node:child_process';
import { createContractValidator } from '@insightiq/profiles-spec/validate';
import { waitFor } from '@insightiq/testkit';
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
    text: answer.text,
  });
  expect(issues, `${label} ${answer.status} ${answer.text.slice(0, 300)}`).toEqual([]);
}

/**
 * Resolves to a child's exit code (null when a signal ended it) once it has exited; fails after
 * `timeoutMs` saying which child it waited for, with what `output` holds then.
 */
export async function exitCodeOf(
  child: ChildProcess,
  label: string,
  output: () => string = () => '',
  timeoutMs = 20_000,
): Promise<number | null> {
  await waitFor(() => child.exitCode !== null || child.signalCode !== null, {
    label: `${label} to exit`,
    timeoutMs,
    detail: () => `what it printed:\n${output()}`,
  });
  return child.exitCode;
}
