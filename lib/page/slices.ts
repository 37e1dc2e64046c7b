/**
 * Cooperative time slicing: work runs until its slice's budget is spent, then yields to the
 * page's event loop so input and rendering are never held up for long.
 */

/** The slice budget: half a 60 Hz frame, well under the 50 ms long-task threshold. */
export const SLICE_BUDGET_MS = 8;

/**
 * Give the page a turn, rendering included: a timer task. Measured on 2 cores (8 ms of work per
 * slice on a page that animates every frame; `npm run bench:page` prints the table):
 * `scheduler.yield` and MessageChannel continuations run ahead of rendering (9 fps in Chromium; 17
 * and 15 fps in Firefox); a background `scheduler.postTask` keeps 56–60 fps in both but is starved
 * by a page that renders every frame (a 450 kB scan took 1.5–29 s instead of 2); `setTimeout`
 * keeps 60 fps in both and is never starved, at 64–68 % of the time spent working.
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(() => resolve(), 0));
}

export interface Slicer {
  /** Whether the current slice has used its budget, or has less than `reserveMs` of it left. */
  timeIsUp(reserveMs?: number): boolean;
  /** End the current slice, yield to the page, start the next one. */
  nextSlice(): Promise<void>;
  /** End the current slice and return what the pass cost. */
  finish(): SliceStats;
}

export interface SliceStats {
  slices: number;
  longestSliceMs: number;
}

export function createSlicer(
  budgetMs = SLICE_BUDGET_MS,
  now: () => number = () => performance.now(),
  yieldNow: () => Promise<void> = yieldToPage,
): Slicer {
  let sliceStart = now();
  let slices = 1;
  let longestSliceMs = 0;
  const closeSlice = () => {
    longestSliceMs = Math.max(longestSliceMs, now() - sliceStart);
  };
  return {
    timeIsUp: (reserveMs = 0) => now() - sliceStart + reserveMs >= budgetMs,
    async nextSlice() {
      closeSlice();
      await yieldNow();
      sliceStart = now();
      slices++;
    },
    finish() {
      closeSlice();
      return { slices, longestSliceMs };
    },
  };
}
