import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endDeadline, startDeadline } from '../../src/internal/deadlines.js';

describe('deadlines: one timer for every attempt in flight', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('expires each deadline at its own time, in order, whatever order they started in', () => {
    const expired: string[] = [];
    startDeadline(300, () => expired.push('300'));
    startDeadline(100, () => expired.push('100'));
    const ended = startDeadline(200, () => expired.push('200'));
    startDeadline(200, () => expired.push('200 too'));
    endDeadline(ended);
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
    const expire = vi.fn();
    endDeadline(startDeadline(50, expire));
    vi.advanceTimersByTime(1_000);
    expect(expire).not.toHaveBeenCalled();
  });

  it('a limit longer than a timer can wait (2^31 - 1 ms) is waited for in full, not cut short', () => {
    const expire = vi.fn();
    startDeadline(2 ** 31 + 1_000, expire);
    vi.advanceTimersByTime(2 ** 31 - 1);
    expect(expire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_001);
    expect(expire).toHaveBeenCalledOnce();
  });

  it('keeps time by its timer where a test fakes setTimeout and leaves the clock real', () => {
    vi.useRealTimers();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const expired: number[] = [];
    startDeadline(100, () => expired.push(100));
    startDeadline(200, () => expired.push(200));
    vi.advanceTimersByTime(200);
    expect(expired).toEqual([100, 200]);
  });
});
