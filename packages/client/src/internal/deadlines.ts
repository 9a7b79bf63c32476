/**
 * The time limits of the attempts in flight, under one timer. A timer of its own per attempt was
 * the largest part of what the client added to a call (Node puts every timer into its timer lists
 * and takes it out again, some 2% of a call over an in-process fetch): one timer, armed for the
 * earliest deadline, serves every attempt. It keeps a process alive only while an attempt is in
 * flight, as a timer per attempt did: when none is, it is `unref`ed (Node, Bun), or cleared where
 * timers have no `unref` (browsers, Deno). Nothing here depends on a runtime's internals.
 *
 * A test's fake timers (Jest, vitest) get what they fake: while `setTimeout` is not the one this
 * module found when it loaded, or that one was already a fake, each attempt has a timer of its own
 * on it, as before the shared timer, so that the fake clock, `clearAllTimers()` and timers faked or
 * restored mid-test all behave as they do for any timer.
 */

type Timer = ReturnType<typeof setTimeout> & { ref?(): unknown; unref?(): unknown };

/** The timer functions and the clock a set of deadlines runs on. */
export interface Timers {
  setTimeout: typeof setTimeout;
  clearTimeout: typeof clearTimeout;
  /** Milliseconds on a monotonic clock, as `performance.now()`. */
  now: () => number;
}

/** One attempt's time limit: `expire` runs at `at`, unless the deadline ends first. */
export interface Deadline {
  readonly at: number;
  readonly expire: () => void;
  /** Its own timer and the function that clears it, under a test's fake timers. */
  readonly timer?: Timer;
  readonly clear?: typeof clearTimeout;
}

/** The longest delay every runtime's `setTimeout` takes as it is (2^31 - 1 ms, about 24.8 days). */
const MAX_DELAY = 2 ** 31 - 1;

/** Deadlines under one timer, on `timers`: `start` one, `end` it before it passes. */
export function createDeadlines(timers: Timers) {
  // Called as plain functions: a browser's setTimeout throws "Illegal invocation" on another `this`.
  const { setTimeout: set, clearTimeout: clear, now: clock } = timers;
  const pending = new Set<Deadline>();
  let timer: Timer | undefined;
  let armedFor = Number.POSITIVE_INFINITY;

  /** Arms the timer for `at`, the time being `now`, or as near as a timer goes (it arms again from there). */
  const arm = (at: number, now: number) => {
    disarm();
    armedFor = Math.min(at, now + MAX_DELAY);
    timer = set(expireDue, Math.ceil(armedFor - now)) as Timer;
  };
  const disarm = () => {
    if (timer !== undefined) clear(timer);
    timer = undefined;
    armedFor = Number.POSITIVE_INFINITY;
  };
  /** The timer fired: arms for the next deadline, then expires those that have passed. */
  const expireDue = () => {
    const now = Math.max(armedFor, clock()); // a timer may fire a fraction of a millisecond early
    timer = undefined;
    armedFor = Number.POSITIVE_INFINITY;
    const due: Deadline[] = [];
    let next = Number.POSITIVE_INFINITY;
    for (const deadline of pending) {
      if (deadline.at <= now) due.push(deadline);
      else if (deadline.at < next) next = deadline.at;
    }
    for (const deadline of due) pending.delete(deadline);
    if (next !== Number.POSITIVE_INFINITY) arm(next, now);
    for (const deadline of due) deadline.expire();
  };

  return {
    start(ms: number, expire: () => void): Deadline {
      const now = clock();
      const deadline: Deadline = { at: now + ms, expire };
      pending.add(deadline);
      if (deadline.at < armedFor) arm(deadline.at, now);
      else if (pending.size === 1) timer?.ref?.();
      return deadline;
    },
    end(deadline: Deadline): void {
      if (!pending.delete(deadline) || pending.size > 0) return;
      if (timer?.unref) timer.unref();
      else disarm();
    },
  };
}

const runtime: Timers = {
  setTimeout: globalThis.setTimeout,
  clearTimeout: globalThis.clearTimeout,
  now: performance.now.bind(performance),
};
/** Jest's and vitest's fake timers (@sinonjs/fake-timers) mark their functions with `clock`. */
const loadedUnderFakes = 'clock' in runtime.setTimeout;
const shared = createDeadlines(runtime);

/** Starts an attempt's time limit of `ms`: `expire` runs once it has passed, unless `endDeadline` ran first. */
export function startDeadline(ms: number, expire: () => void): Deadline {
  const set = globalThis.setTimeout;
  if (set === runtime.setTimeout && !loadedUnderFakes) return shared.start(ms, expire);
  return { at: 0, expire, timer: set(expire, ms) as Timer, clear: globalThis.clearTimeout };
}

/** Ends an attempt's time limit before it passes (the attempt is over). */
export function endDeadline(deadline: Deadline): void {
  const { clear, timer } = deadline;
  if (clear) clear(timer);
  else shared.end(deadline);
}
