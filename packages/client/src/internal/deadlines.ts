/**
 * The time limits of the attempts in flight, under one timer. A timer of its own per attempt was
 * the largest part of what the client added to a call (Node puts every timer into its timer lists
 * and takes it out again, some 2% of a call over an in-process fetch): one timer, armed for the
 * earliest deadline, serves every attempt. It keeps a process alive only while an attempt is in
 * flight, as a timer per attempt did: when none is, it is `unref`ed (Node, Bun), or cleared where
 * timers have no `unref` (browsers). Nothing here depends on a runtime's internals.
 *
 * The timer is the clock: when it fires, every deadline up to the time it was armed for has passed.
 * So fake timers in a user's tests (Jest, vitest) drive the deadlines as they drive any timer, and a
 * `setTimeout` swapped since the timer was armed gets a timer of its own on the next attempt.
 */

type Timer = ReturnType<typeof setTimeout> & { ref?(): unknown; unref?(): unknown };

/** One attempt's time limit: `expire` runs at `at` (on `performance.now()`'s clock) unless ended first. */
export interface Deadline {
  readonly at: number;
  readonly expire: () => void;
}

/** The longest delay every runtime's `setTimeout` takes as it is (2^31 - 1 ms, about 24.8 days). */
const MAX_DELAY = 2 ** 31 - 1;

const pending = new Set<Deadline>();
let timer: Timer | undefined;
let armedFor = Number.POSITIVE_INFINITY;
let armedWith: typeof setTimeout | undefined;
let clear: typeof clearTimeout = clearTimeout;

/** Starts a time limit of `ms`: `expire` runs once it has passed, unless `endDeadline` ran first. */
export function startDeadline(ms: number, expire: () => void): Deadline {
  const now = performance.now();
  const deadline: Deadline = { at: now + ms, expire };
  pending.add(deadline);
  if (deadline.at < armedFor || globalThis.setTimeout !== armedWith)
    arm(Math.min(deadline.at, armedFor), now);
  else if (pending.size === 1) timer?.ref?.();
  return deadline;
}

/** Ends a time limit before it passes (its attempt is over). */
export function endDeadline(deadline: Deadline): void {
  if (!pending.delete(deadline) || pending.size > 0) return;
  if (timer?.unref) timer.unref();
  else disarm();
}

/** Arms the timer for `at`, the time being `now`, or as near to `at` as a timer goes (it then arms again from there). */
function arm(at: number, now: number): void {
  disarm();
  armedFor = Math.min(at, now + MAX_DELAY);
  armedWith = globalThis.setTimeout;
  clear = globalThis.clearTimeout;
  timer = armedWith(expireDue, Math.max(armedFor - now, 0), armedFor) as Timer;
}

function disarm(): void {
  if (timer !== undefined) clear(timer);
  timer = undefined;
  armedFor = Number.POSITIVE_INFINITY;
}

/** The timer armed for `at` fired: expires every deadline up to `at`, then arms for the next one. */
function expireDue(at: number): void {
  if (at !== armedFor) return; // a timer since replaced, which its own clearTimeout could not clear
  timer = undefined;
  armedFor = Number.POSITIVE_INFINITY;
  let next = Number.POSITIVE_INFINITY;
  for (const deadline of pending) {
    if (deadline.at <= at) {
      pending.delete(deadline);
      deadline.expire();
    } else if (deadline.at < next) next = deadline.at;
  }
  // The time is `at`, or later if the timer ran late; a test's fake timers may leave the clock behind.
  if (next !== Number.POSITIVE_INFINITY) arm(next, Math.max(at, performance.now()));
}
