/**
 * Calls `run` at once, then at most once per `intervalMs` with the latest value: a live page
 * (infinite scroll) rescans often, and every report is a message with all the page's matches.
 * A call still waiting when `signal` aborts is dropped.
 */
export function throttleLatest<T>(run: (value: T) => void, intervalMs: number, signal?: AbortSignal): (value: T) => void {
  let last = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let latest: T;
  const flush = () => {
    timer = null;
    last = Date.now();
    run(latest);
  };
  signal?.addEventListener('abort', () => timer !== null && clearTimeout(timer), { once: true });
  return (value) => {
    latest = value;
    if (timer !== null || signal?.aborted) return;
    const wait = last + intervalMs - Date.now();
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  };
}
