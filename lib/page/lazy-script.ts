/**
 * Parts of the content script that a page may never need are files of their own, loaded on first
 * use: the lexicon (not needed while the page is paused, nor in frames that are not scanned) and
 * the hover card (Preact, its styles and strings; needed only when the reader opens a card).
 * WXT builds these entrypoints as classic scripts, so they export nothing to `import()`: each hands
 * its value over on a global of the content script's own world, which the page cannot see.
 * Each file is listed in `web_accessible_resources` (wxt.config.ts) so that pages may load it.
 */
import { browser, type PublicPath } from 'wxt/browser';
import type { MountHoverCard } from '../../components/HoverCard';
import type { LexiconSource } from '../../content-data/schema';

export interface LazyScript<T> {
  /** The built file (`entrypoints/<name>.ts` -> `/<name>.js`). */
  path: Extract<PublicPath, `${string}.js`>;
  key: symbol;
  /** Type only: what the file hands over. */
  value?: T;
}

export const LEXICON_SCRIPT: LazyScript<LexiconSource> = {
  path: '/lexicon.js',
  key: Symbol.for('back-pain-lens.lexicon'),
};

export const HOVER_CARD_SCRIPT: LazyScript<MountHoverCard> = {
  path: '/hover-card.js',
  key: Symbol.for('back-pain-lens.hover-card'),
};

type Handoffs = Record<symbol, unknown>;

/** Called by a lazy file when it runs. */
export function provide<T>(script: LazyScript<T>, value: T): void {
  (globalThis as unknown as Handoffs)[script.key] = value;
}

/** Loads the file once, on the first call; a failed load is tried again on the next call. */
export function lazyLoader<T>(script: LazyScript<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= import(/* @vite-ignore */ browser.runtime.getURL(script.path)).then(
      () => {
        const value = (globalThis as unknown as Handoffs)[script.key];
        if (value === undefined) throw new Error(`${script.path} provided nothing`);
        return value as T;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
}
