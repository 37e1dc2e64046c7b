/**
 * The hover card (Preact, its styles and strings) is a file of its own, `hover-card.js`, loaded the
 * first time a card opens: pages pay for it only when the reader uses it. WXT builds that file as a
 * classic script, so it exports nothing to `import()`: it hands its mount function over on a global
 * of the content script's own world, which the page cannot see.
 */
import { browser } from 'wxt/browser';
import type { MountHoverCard } from '../../components/HoverCard';

/** The extension path of the built card entrypoint (`entrypoints/hover-card.ts`). */
export const HOVER_CARD_PATH = '/hover-card.js';

const HANDOFF = Symbol.for('back-pain-lens.mountHoverCard');

type Handoff = { [HANDOFF]?: MountHoverCard };

/** Called by the card file when it runs. */
export function provideHoverCard(mount: MountHoverCard): void {
  (globalThis as Handoff)[HANDOFF] = mount;
}

let loading: Promise<MountHoverCard> | undefined;

/** The card's mount function, loading its file once; a failed load is retried on the next call. */
export function loadHoverCard(): Promise<MountHoverCard> {
  loading ??= import(/* @vite-ignore */ browser.runtime.getURL(HOVER_CARD_PATH)).then(
    () => {
      const mount = (globalThis as Handoff)[HANDOFF];
      if (!mount) throw new Error(`${HOVER_CARD_PATH} did not provide the hover card`);
      return mount;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
