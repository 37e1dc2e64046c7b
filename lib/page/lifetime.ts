/**
 * How long the content script lives, and what may end it or make it work. Everything it sets up
 * on a page (listeners, observers, timers, intervals) hangs off one AbortSignal, aborted in one
 * place when the extension goes away (reloaded, updated or removed under an open page).
 *
 * A page shares the DOM, its events and `window.postMessage` with the content script, so none of
 * those may end it or start work unchecked: WXT's ContentScriptContext ends itself on a document
 * event whose name carries the extension id, and announces that name to the page with a
 * `postMessage`, which is why the content script is not a WXT content-script entrypoint (see
 * `entrypoints/content-script.ts`). The only evidence trusted here is the extension's own runtime.
 */
import { browser } from 'wxt/browser';

/** Chrome sends an orphaned content script no event; it notices its runtime is gone by looking. */
export const LIVENESS_CHECK_MS = 2_000;

export interface Lifetime {
  readonly signal: AbortSignal;
  /** Whether the extension is gone; looking ends the lifetime if it is. */
  isOver(): boolean;
}

/** The extension's runtime loses its id once the extension is reloaded, updated or removed. */
function runtimeIsGone(): boolean {
  try {
    return browser.runtime?.id == null;
  } catch {
    return true;
  }
}

export function startLifetime(isGone: () => boolean = runtimeIsGone): Lifetime {
  const controller = new AbortController();
  const { signal } = controller;
  const isOver = () => {
    if (!signal.aborted && isGone()) controller.abort();
    return signal.aborted;
  };
  const check = setInterval(isOver, LIVENESS_CHECK_MS);
  signal.addEventListener('abort', () => clearInterval(check), { once: true });
  return { signal, isOver };
}
