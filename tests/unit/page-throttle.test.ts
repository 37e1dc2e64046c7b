import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttleLatest } from '../../lib/page/throttle';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('throttleLatest', () => {
  it('runs the first call at once and then the latest value once per interval', () => {
    const seen: number[] = [];
    const report = throttleLatest((value: number) => seen.push(value), 1000);
    report(1);
    expect(seen).toEqual([1]);
    report(2);
    report(3);
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(999);
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([1, 3]);
    vi.advanceTimersByTime(5000);
    report(4);
    expect(seen).toEqual([1, 3, 4]);
  });
});
