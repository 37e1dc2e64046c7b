/**
 * Cooperative time slicing: work runs until its slice's budget is spent, then yields to the
 * page's event loop so input and rendering are never held up for long.
 */

/** The slice budget: half a 60 Hz frame, well under the 50 ms long-task threshold. */
export const SLICE_BUDGET_MS = 8;

interface SchedulerWithYield {
  yield(): Promise<void>;
}

/** Give the event loop a turn: `scheduler.yield` where it exists, else a MessageChannel task. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
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
