/**
 * Attempt deadlines, shared between attempts that end at about the same time.
 *
 * Every attempt needs a signal that aborts its fetch at its timeout. One `AbortController` per
 * attempt costs, on Node 20, about 5.7 µs (the signal is made transferable on creation): a quarter
 * of a whole openapi-fetch call over an in-process fetch. So the attempts whose deadlines fall in the same `GRAIN_MS` slot share
 * one controller and one timer: when the slot ends, every attempt in it has run at least its
 * `timeoutMs` (and at most `GRAIN_MS` more), so aborting them together is exactly their timeout.
 *
 * The timer keeps the process alive only while an attempt waits on it, as a per-attempt timer
 * that is cleared on completion would.
 *
 * Node's fetch (undici) adds an abort listener per request to the signal it is given and raises
 * the signal's listener limit to 1500 itself. Do not set that limit to 0 ("unlimited"): undici's
 * `getMaxListeners()` then throws, and it catches that on every request, at about 30 µs each.
 */
export const GRAIN_MS = 16;

/** The timer of a slot; Node's has `ref`/`unref`, a browser's is a number. */
type Timer = ReturnType<typeof setTimeout> & { ref?: () => void; unref?: () => void };

const slots = new Map<number, Deadline>();

/** The deadline of the attempts ending in one slot. */
export class Deadline {
  readonly #controller = new AbortController();
  /** Aborts when the deadline passes (its reason: `Error('timeout')`). Shared: never abort it from outside. */
  readonly signal = this.#controller.signal;
  readonly #waiting = new Set<(reason: Error) => void>();
  #attempts = 0;
  #timer: Timer;

  readonly #at: number;

  private constructor(at: number, now: number) {
    this.#at = at;
    this.#timer = this.#schedule(at - now);
  }

  /** The deadline of an attempt starting now with this timeout; `onExpire` is called if it passes first. */
  static start(timeoutMs: number, onExpire: (reason: Error) => void): Deadline {
    const now = performance.now();
    const at = Math.ceil((now + timeoutMs) / GRAIN_MS) * GRAIN_MS;
    let deadline = slots.get(at);
    if (!deadline) {
      deadline = new Deadline(at, now);
      slots.set(at, deadline);
    }
    if (deadline.#attempts++ === 0) deadline.#timer.ref?.();
    deadline.#waiting.add(onExpire);
    return deadline;
  }

  /** Ends an attempt that `start` began with this `onExpire`. */
  end(onExpire: (reason: Error) => void): void {
    this.#waiting.delete(onExpire);
    if (--this.#attempts === 0) this.#timer.unref?.();
  }

  /** Arms the timer; it keeps the process alive only while attempts wait. */
  #schedule(ms: number): Timer {
    const timer = setTimeout(() => this.#expire(), ms) as Timer;
    if (this.#attempts === 0) timer.unref?.();
    return timer;
  }

  #expire(): void {
    // A timer may fire a little early (Node counts from its loop's cached time): never end early.
    const early = this.#at - performance.now();
    if (early > 0) {
      this.#timer = this.#schedule(Math.ceil(early));
      return;
    }
    slots.delete(this.#at);
    const reason = new Error('timeout');
    this.#controller.abort(reason);
    for (const onExpire of this.#waiting) onExpire(reason);
  }
}
