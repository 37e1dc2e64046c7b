/**
 * Hovering or clicking a mark opens the card. Highlights take no pointer events, so the mark
 * under the pointer is found from the caret position, once per animation frame at most.
 */
import type { CardTheme, HoverCardContent, MountedCard, MountHoverCard } from '../../components/HoverCard';
import { caretAt, rangeContainsPoint } from './caret';
import type { Mark, MarkStore } from './marks';
import { toLiveRange } from './ranges';

/** How long the pointer rests on a mark before the card opens, and off it before it closes. */
const OPEN_DELAY_MS = 250;
const CLOSE_DELAY_MS = 400;

export interface HoverOptions {
  document: Document;
  marks: MarkStore;
  /** What the card says about a mark (may ask the background for topic titles). */
  describe(mark: Mark): Promise<HoverCardContent>;
  openDetails(mark: Mark): void;
  /** The card's mount function, loaded on first use (Preact and the card are not in the start bundle). */
  loadCard(): Promise<MountHoverCard>;
  /** The colour scheme the user chose for the extension's UI. */
  theme(): CardTheme;
  signal: AbortSignal;
}

export function markAtPoint(document: Document, marks: MarkStore, x: number, y: number): Mark | null {
  if (marks.count === 0) return null;
  const caret = caretAt(document, x, y, marks.shadowRoots());
  if (!caret) return null;
  const mark = marks.markAt(caret.node, caret.offset);
  const live = mark && toLiveRange(mark.range);
  return live && rangeContainsPoint(live, x, y) ? mark : null;
}

export interface Hover {
  /** Open the card of `mark` with focus in it, as a click on the mark would. */
  show(mark: Mark): Promise<void>;
}

export function watchHover(options: HoverOptions): Hover {
  const { document, marks, signal } = options;
  let card: MountedCard | null = null;
  let cardMark: Mark | null = null;
  let focusBeforeCard: Element | null = null;
  let pointer: { x: number; y: number } | null = null;
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every open/close so a slow card load for an old mark is dropped. */
  let opening = 0;

  const close = () => {
    opening++;
    clearTimeout(timer);
    if (!card) return;
    const hadFocus = card.hasFocus();
    card.unmount();
    card = null;
    cardMark = null;
    if (hadFocus && focusBeforeCard instanceof HTMLElement) focusBeforeCard.focus();
  };

  const open = async (mark: Mark, takeFocus: boolean) => {
    clearTimeout(timer);
    if (card && cardMark === mark) return;
    close();
    const attempt = ++opening;
    // A card that cannot load (the extension went away under the page) just does not open.
    const loaded = await Promise.all([options.loadCard(), options.describe(mark)]).catch(() => null);
    const word = toLiveRange(mark.range);
    if (!loaded || attempt !== opening || signal.aborted || !word || !mark.range.startContainer.isConnected) return;
    const [mountHoverCard, content] = loaded;
    focusBeforeCard = document.activeElement;
    const anchor = word.getBoundingClientRect();
    card = mountHoverCard(
      document,
      anchor,
      {
        ...content,
        takeFocus,
        onOpenDetails: () => {
          options.openDetails(mark);
          close();
        },
        onClose: close,
      },
      options.theme(),
    );
    cardMark = mark;
  };

  const onFrame = () => {
    frame = 0;
    if (!pointer) return;
    const mark = markAtPoint(document, marks, pointer.x, pointer.y);
    clearTimeout(timer);
    if (mark) {
      if (mark === cardMark) return;
      // The card's part loads while the pointer rests, not after.
      void options.loadCard().catch(() => undefined);
      timer = setTimeout(() => void open(mark, false), OPEN_DELAY_MS);
    } else if (card) {
      timer = setTimeout(close, CLOSE_DELAY_MS);
    }
  };

  // Only the reader's own input counts: events a page script dispatches (untrusted) could
  // otherwise open cards over its text to learn what is marked.
  const listen = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void, capture = false) =>
    document.addEventListener(type, (event) => event.isTrusted && handler(event), { capture, passive: true, signal });

  listen('pointermove', (event) => {
    if (card?.contains(event.composedPath()[0] as Node)) {
      clearTimeout(timer);
      return;
    }
    if (marks.count === 0 && !card) return;
    pointer = { x: event.clientX, y: event.clientY };
    frame ||= requestAnimationFrame(onFrame);
  });
  // Clicks inside the card stop at its shadow root and never get here.
  listen('click', (event) => {
    const mark = markAtPoint(document, marks, event.clientX, event.clientY);
    if (mark) void open(mark, true);
    else close();
  });
  listen(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && card) close();
    },
    true,
  );
  listen('scroll', close, true);
  signal.addEventListener('abort', () => {
    cancelAnimationFrame(frame);
    close();
  });
  return { show: (mark) => open(mark, true) };
}
