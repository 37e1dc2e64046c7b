import { describe, expect, it } from 'vitest';
import { createSlicer } from '../../lib/page/slices';

/** A slicer on a clock the test moves by hand, yielding at once. */
function slicerOnFakeClock(budgetMs: number) {
  const clock = { now: 0 };
  const slicer = createSlicer(budgetMs, () => clock.now, () => Promise.resolve());
  return { clock, slicer };
}

describe('createSlicer', () => {
  it('says the time is up once the budget is spent', () => {
    const { clock, slicer } = slicerOnFakeClock(8);
    clock.now = 7.9;
    expect(slicer.timeIsUp()).toBe(false);
    clock.now = 8;
    expect(slicer.timeIsUp()).toBe(true);
  });

  it('says the time is up when less than the reserve is left', () => {
    const { clock, slicer } = slicerOnFakeClock(8);
    clock.now = 5;
    expect(slicer.timeIsUp(2)).toBe(false);
    clock.now = 6.5;
    expect(slicer.timeIsUp(2)).toBe(true);
    expect(slicer.timeIsUp()).toBe(false);
  });

  it('starts each slice afresh and reports the count and the longest', async () => {
    const { clock, slicer } = slicerOnFakeClock(8);
    clock.now = 9;
    await slicer.nextSlice();
    expect(slicer.timeIsUp()).toBe(false);
    clock.now = 12;
    expect(slicer.finish()).toEqual({ slices: 2, longestSliceMs: 9 });
  });
});
