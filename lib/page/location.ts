/**
 * Single-page-app navigations: the page's address changes without a load. A page can change its
 * address as often as it likes, and dispatch any event it likes, so only a real change of the
 * address counts, and at most one per `LOCATION_RESCAN_MS` gets through.
 */
import { throttleLatest } from './throttle';

/** How often a page's own navigations may rescan it: a history-API flood costs one scan per interval. */
export const LOCATION_RESCAN_MS = 1_000;
/** Where the Navigation API is missing (Firefox ESR), the address is compared this often. */
const LOCATION_POLL_MS = 1_000;

interface NavigationTarget {
  addEventListener(type: 'currententrychange', listener: (event: Event) => void, options: AddEventListenerOptions): void;
}

/**
 * Calls `onChange` when the page's address changes (history API, hash): at once, then at most
 * once per `LOCATION_RESCAN_MS`. An event the page dispatches itself (untrusted) is ignored, and
 * a real one that leaves the address as it was does nothing.
 */
export function watchLocation(view: Window, onChange: () => void, signal: AbortSignal): void {
  let seen = view.location.href;
  const changed = throttleLatest<void>(onChange, LOCATION_RESCAN_MS, signal);
  const check = () => {
    const href = view.location.href;
    if (href === seen) return;
    seen = href;
    changed();
  };
  const navigation = (view as { navigation?: NavigationTarget }).navigation;
  if (navigation) {
    navigation.addEventListener('currententrychange', (event) => event.isTrusted && check(), { signal });
    return;
  }
  const poll = setInterval(check, LOCATION_POLL_MS);
  signal.addEventListener('abort', () => clearInterval(poll), { once: true });
}
