import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LIVENESS_CHECK_MS, startLifetime } from '../../lib/page/lifetime';
import { LOCATION_RESCAN_MS, watchLocation } from '../../lib/page/location';
import { throttleLatest } from '../../lib/page/throttle';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('startLifetime', () => {
  it('ends once the runtime is gone, noticed by its liveness check, and only then', () => {
    let gone = false;
    const life = startLifetime(() => gone);
    const ended = vi.fn();
    life.signal.addEventListener('abort', ended);
    vi.advanceTimersByTime(LIVENESS_CHECK_MS * 3);
    expect(life.isOver()).toBe(false);
    gone = true;
    vi.advanceTimersByTime(LIVENESS_CHECK_MS);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(life.isOver()).toBe(true);
    // Its own interval went with it.
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends at once when asked and the runtime is gone', () => {
    let gone = false;
    const life = startLifetime(() => gone);
    gone = true;
    expect(life.isOver()).toBe(true);
    expect(life.signal.aborted).toBe(true);
  });
});

describe('throttleLatest with a signal', () => {
  it('drops the waiting call when the signal aborts, and takes no more', () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const report = throttleLatest((value: number) => seen.push(value), 1000, controller.signal);
    report(1);
    report(2);
    controller.abort();
    vi.advanceTimersByTime(5000);
    report(3);
    expect(seen).toEqual([1]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

/** A window with a settable address and a Navigation API stand-in, or none (Firefox ESR). */
function fakeView(withNavigation: boolean) {
  const navigation = new EventTarget();
  const view = { location: { href: 'https://forum.example/t/1' }, ...(withNavigation ? { navigation } : {}) };
  const navigate = (href: string, trusted = true) => {
    view.location.href = href;
    const event = new Event('currententrychange');
    Object.defineProperty(event, 'isTrusted', { value: trusted });
    navigation.dispatchEvent(event);
  };
  return { view: view as unknown as Window, navigate };
}

describe('watchLocation', () => {
  it('ignores untrusted events and events that leave the address as it was', () => {
    const { view, navigate } = fakeView(true);
    const onChange = vi.fn();
    watchLocation(view, onChange, new AbortController().signal);
    navigate('https://forum.example/t/1');
    navigate('https://forum.example/t/2', false);
    vi.advanceTimersByTime(LOCATION_RESCAN_MS * 2);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('lets one change through at once and then at most one per interval, the last one included', () => {
    const { view, navigate } = fakeView(true);
    const onChange = vi.fn();
    watchLocation(view, onChange, new AbortController().signal);
    for (let i = 0; i < 300; i++) navigate(`https://forum.example/t/${i + 2}`);
    expect(onChange).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(LOCATION_RESCAN_MS);
    expect(onChange).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(LOCATION_RESCAN_MS * 5);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('polls the address where there is no Navigation API, and stops with the signal', () => {
    const { view } = fakeView(false);
    const onChange = vi.fn();
    const controller = new AbortController();
    watchLocation(view, onChange, controller.signal);
    view.location.href = 'https://forum.example/t/2';
    vi.advanceTimersByTime(1000);
    expect(onChange).toHaveBeenCalledTimes(1);
    controller.abort();
    view.location.href = 'https://forum.example/t/3';
    vi.advanceTimersByTime(5000);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
