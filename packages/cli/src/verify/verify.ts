import { type ProfilesClient, ValidationError } from '@insightiq/profiles-client';
import { openapi } from '@insightiq/profiles-spec';
import { checkValues } from '@insightiq/profiles-spec/parameters';
import { ruleOf } from '../contract.js';
import { CHECKS, type Check, type VerifyContext } from './checks.js';
import { createConform, createSend } from './exchange.js';
import { type CheckResult, VERIFY_DEFAULTS, type VerifyOptions, type VerifyReport } from './types.js';
import { type Walk, walkPages } from './walk.js';

/** The package version, set at build time (tsup and vitest `define` it from package.json). */
declare const __VERSION__: string;

/** Throws a `ValidationError` when `limit` breaks the contract's rule (before any request). */
export function checkVerifyOptions({ limit }: Pick<VerifyOptions, 'limit'>): void {
  const issue = checkValues([ruleOf('listProfiles', 'limit')], { limit });
  if (issue) throw new ValidationError(issue.name, issue.rule, issue.got);
}

/** Runs one check: its outcome, `interrupted` once the signal aborts, and a thrown error as its failure. */
async function runCheck(check: Check, context: VerifyContext, signal?: AbortSignal): Promise<CheckResult> {
  const started = performance.now();
  const result = (outcome: Pick<CheckResult, 'status' | 'violations' | 'note'>): CheckResult => ({
    id: check.id,
    name: check.title,
    operationId: check.operationId,
    status: outcome.status,
    durationMs: Math.round(performance.now() - started),
    violations: outcome.violations,
    ...(outcome.note !== undefined && { note: outcome.note }),
  });
  const interrupted = { status: 'skipped' as const, violations: [], note: 'interrupted' };
  if (signal?.aborted) return result(interrupted);
  try {
    const outcome = await check.run(context);
    if (!Array.isArray(outcome)) return result({ status: 'skipped', violations: [], note: outcome.skipped });
    return result({ status: outcome.length > 0 ? 'failed' : 'passed', violations: outcome });
  } catch (error) {
    if (signal?.aborted) return result(interrupted);
    const request = (error as { request?: string }).request ?? '(before any request)';
    return result({
      status: 'failed',
      violations: [{ pointer: '', message: (error as Error).message, request }],
    });
  }
}

/**
 * Runs the conformance checks (`CHECKS`, in order) against the deployment `client` points at: every
 * answer against the contract (status, headers, body), and the API's semantics (paging, filters,
 * get, errors, auth). Requests go through `client.raw`, so that the answers are the deployment's own.
 */
export async function verify(client: ProfilesClient, options: VerifyOptions = {}): Promise<VerifyReport> {
  const {
    limit = VERIFY_DEFAULTS.limit,
    maxPages = VERIFY_DEFAULTS.maxPages,
    timeoutMs = VERIFY_DEFAULTS.timeoutMs,
    signal,
  } = options;
  checkVerifyOptions(options);
  const started = Date.now();
  const send = createSend(client, { timeoutMs, signal });
  let walk: Promise<Walk> | undefined;
  const context: VerifyContext = {
    limit,
    maxPages,
    send,
    conform: createConform(),
    walk: () => {
      walk ??= walkPages(send, limit, maxPages);
      return walk;
    },
  };
  const checks: CheckResult[] = [];
  for (const check of CHECKS) {
    const result = await runCheck(check, context, signal);
    checks.push(result);
    options.onCheck?.(result);
  }
  const count = (status: CheckResult['status']) => checks.filter((c) => c.status === status).length;
  return {
    target: client.baseUrl,
    contractVersion: openapi.info.version,
    tool: `@insightiq/profiles-cli@${__VERSION__}`,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    summary: {
      checks: checks.length,
      passed: count('passed'),
      failed: count('failed'),
      skipped: count('skipped'),
    },
    checks,
  };
}
