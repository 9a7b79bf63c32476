import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDeadlines, endDeadline, startDeadline } from '../../src/internal/deadlines.js';

afterEach(() => {
  vi.useRealTimers();
});

/** Deadlines under one timer, on vitest's fake timers and clock, as the client's run on the runtime's. */
function onFakeClock() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  return createDeadlines({
    setTimeout: globalThis.setTimeout,
    clearTimeout: globalThis.clearTimeout,
    now: () => performance.now(),
  });
}

describe('deadlines: one timer for every attempt in flight', () => {
  it('expires each deadline at its own time, in order, whatever order they started in', () => {
    const deadlines = onFakeClock();
    const expired: string[] = [];
    deadlines.start(300, () => expired.push('300'));
    deadlines.start(100, () => expired.push('100'));
    const ended = deadlines.start(200, () => expired.push('200'));
    deadlines.start(200, () => expired.push('200 too'));
    deadlines.end(ended);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(99);
    expect(expired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(expired).toEqual(['100']);
    vi.advanceTimersByTime(100);
    expect(expired).toEqual(['100', '200 too']);
    vi.advanceTimersByTime(100);
    expect(expired).toEqual(['100', '200 too', '300']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a deadline ended before its time never expires', () => {
    const deadlines = onFakeClock();
    const expire = vi.fn();
    deadlines.end(deadlines.start(50, expire));
    vi.advanceTimersByTime(1_000);
    expect(expire).not.toHaveBeenCalled();
  });

  it('a limit longer than a timer can wait (2^31 - 1 ms) is waited for in full, not cut short', () => {
    const deadlines = onFakeClock();
    const expire = vi.fn();
    deadlines.start(2 ** 31 + 1_000, expire);
    vi.advanceTimersByTime(2 ** 31 - 1);
    expect(expire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_001);
    expect(expire).toHaveBeenCalledOnce();
  });

  it('the timer is armed again before any deadline expires, so one that throws strands no later one', () => {
    const deadlines = onFakeClock();
    const later = vi.fn();
    deadlines.start(10, () => {
      throw new Error('an expire that throws');
    });
    deadlines.start(20, later);
    expect(() => vi.advanceTimersByTime(10)).toThrow('an expire that throws');
    vi.advanceTimersByTime(10);
    expect(later).toHaveBeenCalledOnce();
  });
});

it('calls its timer functions as plain functions, as a browser’s setTimeout requires', () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  // A browser throws "Illegal invocation" when setTimeout is called on anything but the window.
  function plain<A extends unknown[], R>(f: (...args: A) => R): (...args: A) => R {
    return function (this: unknown, ...args: A): R {
      if (this !== undefined) throw new TypeError('Illegal invocation');
      return f(...args);
    };
  }
  const deadlines = createDeadlines({
    setTimeout: plain(globalThis.setTimeout) as unknown as typeof setTimeout,
    clearTimeout: plain(globalThis.clearTimeout) as unknown as typeof clearTimeout,
    now: plain(() => performance.now()),
  });
  const expire = vi.fn();
  deadlines.start(20, expire);
  deadlines.end(deadlines.start(10, () => {}));
  vi.advanceTimersByTime(20);
  expect(expire).toHaveBeenCalledOnce();
});

describe('the client’s deadlines under a test’s fake timers: a timer each, on the fake clock', () => {
  it('keeps each deadline where the test fakes setTimeout and leaves the clock real', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const expired: string[] = [];
    startDeadline(1_000, () => expired.push('1000 from t=0'));
    vi.advanceTimersByTime(500);
    startDeadline(100, () => expired.push('100 from t=500'));
    vi.advanceTimersByTime(100);
    expect(expired).toEqual(['100 from t=500']);
    vi.advanceTimersByTime(399);
    expect(expired).toEqual(['100 from t=500']);
    vi.advanceTimersByTime(1);
    expect(expired).toEqual(['100 from t=500', '1000 from t=0']);
  });

  it('leaves no timer behind an ended deadline, and works after clearAllTimers()', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    endDeadline(startDeadline(60_000, () => {}));
    expect(vi.getTimerCount()).toBe(0);
    vi.clearAllTimers();
    const expire = vi.fn();
    startDeadline(100, expire);
    vi.advanceTimersByTime(100);
    expect(expire).toHaveBeenCalledOnce();
  });

  it('a deadline started on real timers still expires after fake timers came and went', async () => {
    const real = new Promise<string>((resolve) => startDeadline(30, () => resolve('expired')));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    startDeadline(10, () => {});
    vi.useRealTimers();
    const stuck = new Promise((resolve) => {
      setTimeout(resolve, 10_000, 'not expired within 10 s: the real deadline was lost to the fake timers');
    });
    expect(await Promise.race([real, stuck])).toBe('expired');
  }, 20_000);

  it('loaded while fake timers are installed (Jest’s enableGlobally), it keeps a timer each on them', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    vi.resetModules();
    const loaded = await import('../../src/internal/deadlines.js');
    loaded.endDeadline(loaded.startDeadline(60_000, () => {}));
    expect(vi.getTimerCount()).toBe(0);
    vi.clearAllTimers();
    const expire = vi.fn();
    loaded.startDeadline(100, expire);
    vi.advanceTimersByTime(100);
    expect(expire).toHaveBeenCalledOnce();
  });
});
