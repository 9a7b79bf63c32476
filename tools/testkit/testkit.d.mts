/** A loopback port that was free a moment ago (the OS picks it from its ephemeral range). */
export function freePort(): Promise<number>;

/** Debian's Chromium (`CHROMIUM_PATH` overrides), headless, with no background networking: pass to `chromium.launch()`. */
export function chromiumLaunchOptions(): { executablePath: string; args: string[] };

/** Whether a URL a page asks for stays on this machine. */
export function isLocal(url: string): boolean;

/**
 * Resolves once a started child prints `listening on URL` (on stdout or stderr; `pattern`, whose
 * first group is the URL, for another wording), to that URL and what the child printed so far;
 * rejects with its output if it exits first, or after `timeoutMs`.
 */
export function whenListening(
  child: import('node:child_process').ChildProcess,
  options?: { label?: string; timeoutMs?: number; pattern?: RegExp },
): Promise<{ url: string; output: () => string }>;

/**
 * Resolves, to its value, once `condition()` (sync or async) returns something truthy, checking it
 * now and then every `intervalMs` (default 10); rejects after `timeoutMs` (default 10,000) with what
 * it waited for (`label`) and, when given, what `detail()` says then (a child's output, the last
 * answer). A throw of `condition` rejects at once.
 */
export function waitFor<T>(
  condition: () => T | Promise<T>,
  options: { label: string; timeoutMs?: number; intervalMs?: number; detail?: () => string },
): Promise<NonNullable<T>>;

/** `INSIGHTIQ_BENCH_QUICK=1`: a short benchmark run that only proves the bench still works (its figures mean nothing). */
export const quickBench: boolean;

/**
 * The size of a benchmark run: the number given as its first argument, else `quick` when
 * `INSIGHTIQ_BENCH_QUICK=1` (a short run that only proves the bench still works), else `full`. Anything
 * but a positive number as the argument ends the process with `usage` and exit code 2.
 */
export function benchSize(usage: string, sizes: { full: number; quick: number }): number;
