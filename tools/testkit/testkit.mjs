// What the repository's tests share. Not published: published code keeps its own helpers.
import { createServer } from 'node:net';

/** A loopback port that was free a moment ago (the OS picks it from its ephemeral range). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Debian's Chromium, headless, with no background networking (the machines have no network for it). */
export function chromiumLaunchOptions() {
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  };
}

const LOCAL = /^(data:|blob:|about:|https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/)/;

/** Whether a URL a page asks for stays on this machine. */
export const isLocal = (url) => LOCAL.test(url);

/**
 * Resolves once a started child prints `listening on URL` (on stdout or stderr; `pattern`, whose
 * first group is the URL, for another wording), to that URL and what the child printed so far
 * (`output()` keeps growing); rejects with its output if it exits first, or after `timeoutMs`.
 */
export function whenListening(
  child,
  { label = 'the command', timeoutMs = 120_000, pattern = /listening on (\S+)/ } = {},
) {
  let out = '';
  const output = () => out;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${label}: nothing like ${pattern} within ${timeoutMs / 1000} s:\n${out}`)),
      timeoutMs,
    );
    const read = (d) => {
      out += d;
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], output });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited ${code}:\n${out}`));
    });
  });
}

/**
 * Resolves, to its value, once `condition()` (sync or async) returns something truthy, checking it
 * now and then every `intervalMs`; rejects after `timeoutMs` with what it waited for (`label`) and,
 * when given, what `detail()` says then (a child's output, the last answer). A throw of `condition`
 * rejects at once.
 */
export async function waitFor(condition, { label, timeoutMs = 10_000, intervalMs = 10, detail } = {}) {
  if (!label) throw new TypeError('waitFor: label must say what it waits for');
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (performance.now() >= deadline) {
      const more = detail ? `:\n${detail()}` : '';
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${label}${more}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** `INSIGHTIQ_BENCH_QUICK=1`: a short benchmark run that only proves the bench still works (its figures mean nothing). */
export const quickBench = process.env.INSIGHTIQ_BENCH_QUICK === '1';

/**
 * The size of a benchmark run: the number given as its first argument, else `quick` when
 * `INSIGHTIQ_BENCH_QUICK=1` (a short run that only proves the bench still works: its figures mean
 * nothing), else `full`. Anything but a positive number as the argument ends the process with
 * `usage` and exit code 2.
 */
export function benchSize(usage, { full, quick }) {
  const given = process.argv[2];
  if (given === undefined) return quickBench ? quick : full;
  const value = Number(given);
  if (given.trim() !== '' && Number.isFinite(value) && value > 0) return value;
  console.error(`${usage}: the argument must be a positive number (got ${JSON.stringify(given)})`);
  process.exit(2);
}
