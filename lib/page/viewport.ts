/**
 * Which pieces of the page are near the viewport: within two screens of it, above or below. The
 * browser tells us through one IntersectionObserver on the pieces' anchors (a few block elements
 * each), computed in its own rendering step, so no layout is ever forced from here. Where one
 * block holds many pieces (a huge text node, a plain-text page), their place inside it is
 * estimated from the block's box and how far into its text each piece lies, and updated on scroll.
 */
import type { Piece } from './pieces';

/** How far beyond the viewport marks are kept, in viewport heights, above and below. */
const MARGIN_SCREENS = 2;

export class NearViewport {
  readonly #observer: IntersectionObserver | null;
  readonly #byAnchor = new Map<Element, Piece[]>();
  readonly #near = new Set<Element>();
  /**
   * Anchors whose pieces all left, let go of at the end of the task: a rescan replaces pieces by
   * new ones on the same blocks, which stay observed and keep the nearness the browser last
   * reported (observing one again waits for a new report, and Firefox may never send it).
   */
  readonly #releasing = new Set<Element>();
  /** For near anchors that hold several pieces: those of their pieces near the viewport. */
  readonly #nearInsideShared = new Map<Element, Piece[]>();
  #frame = 0;
  readonly #onScroll = () => {
    this.#nearOnScroll();
    if ([...this.#near].some((anchor) => (this.#byAnchor.get(anchor)?.length ?? 0) > 1)) this.#placeSoon();
  };

  readonly #view: Window;
  readonly #onChange: () => void;
  readonly #inOrder: () => readonly Piece[];

  /**
   * `onChange` is called when the set of near pieces may have changed; `inOrder` gives the
   * document's pieces in document order (for a scroll, see `#nearOnScroll`).
   */
  constructor(view: Window, onChange: () => void, inOrder: () => readonly Piece[] = () => []) {
    this.#view = view;
    this.#onChange = onChange;
    this.#inOrder = inOrder;
    const Observer = (view as Window & { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver;
    this.#observer = typeof Observer === 'function'
      ? new Observer((entries) => this.#update(entries), { rootMargin: `${MARGIN_SCREENS * 100}% 0px` })
      : null;
  }

  /** Follow scrolling (inside blocks that hold several pieces); `disconnect` lets go of it all. */
  connect(): void {
    if (this.#observer) this.#view.addEventListener('scroll', this.#onScroll, { capture: true, passive: true });
  }

  track(piece: Piece): void {
    // Without an observer every piece is near: show it as soon as the scanner can.
    if (!this.#observer) this.#onChange();
    for (const anchor of piece.anchors) {
      const pieces = this.#byAnchor.get(anchor);
      if (pieces) {
        if (pieces.at(-1) === piece) continue;
        pieces.push(piece);
        // A near block that now holds several pieces: place the new one too.
        if (pieces.length > 1 && this.#near.has(anchor)) this.#placeSoon();
        continue;
      }
      this.#byAnchor.set(anchor, [piece]);
      if (!this.#releasing.delete(anchor)) this.#observer?.observe(anchor);
    }
  }

  /**
   * Count these anchors of a tracked piece as near until the observer first reports on them: the
   * scanner knows the piece is at the top of the viewport before the browser has rendered to say
   * so, and its marks must not be dropped meanwhile.
   */
  assumeNear(piece: Piece, anchorIndexes: readonly number[]): void {
    if (!this.#observer) return;
    for (const i of anchorIndexes) {
      const anchor = piece.anchors[i];
      if (anchor && this.#byAnchor.get(anchor)?.length === 1) this.#near.add(anchor);
    }
  }

  untrack(pieces: readonly Piece[]): void {
    const gone = new Set(pieces);
    for (const piece of pieces) {
      for (const anchor of piece.anchors) {
        const tracked = this.#byAnchor.get(anchor);
        if (!tracked) continue;
        const kept = tracked.filter((other) => !gone.has(other));
        if (kept.length > 0) {
          this.#byAnchor.set(anchor, kept);
          continue;
        }
        this.#byAnchor.delete(anchor);
        this.#nearInsideShared.delete(anchor);
        if (this.#releasing.size === 0) queueMicrotask(() => this.#release());
        this.#releasing.add(anchor);
      }
    }
  }

  #release(): void {
    for (const anchor of this.#releasing) {
      this.#near.delete(anchor);
      this.#observer?.unobserve(anchor);
    }
    this.#releasing.clear();
  }

  /**
   * The tracked pieces near the viewport now, each with the indexes of its anchors that are near,
   * or null when all of it is (a piece inside a block that holds several, or when the browser
   * cannot say where anything is).
   */
  nearPieces(): Map<Piece, Set<number> | null> {
    const near = new Map<Piece, Set<number> | null>();
    if (!this.#observer) {
      for (const pieces of this.#byAnchor.values()) for (const piece of pieces) near.set(piece, null);
      return near;
    }
    for (const anchor of this.#near) {
      const pieces = this.#byAnchor.get(anchor);
      if (!pieces) continue;
      if (pieces.length > 1) {
        for (const piece of this.#nearInsideShared.get(anchor) ?? []) near.set(piece, null);
        continue;
      }
      const piece = pieces[0]!;
      const anchors = near.get(piece) ?? new Set<number>();
      if (near.get(piece) === null) continue;
      anchors.add(piece.anchors.indexOf(anchor));
      near.set(piece, anchors);
    }
    return near;
  }

  disconnect(): void {
    this.#observer?.disconnect();
    this.#view.removeEventListener('scroll', this.#onScroll, { capture: true });
    if (this.#frame !== 0) this.#view.cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#byAnchor.clear();
    this.#near.clear();
    this.#releasing.clear();
    this.#nearInsideShared.clear();
  }

  #update(entries: IntersectionObserverEntry[]): void {
    let shared = false;
    for (const entry of entries) {
      const pieces = this.#byAnchor.get(entry.target);
      if (!pieces && !this.#releasing.has(entry.target)) continue;
      if (entry.isIntersecting) this.#near.add(entry.target);
      else this.#near.delete(entry.target);
      shared ||= (pieces?.length ?? 0) > 1;
    }
    if (shared) this.#placeSoon();
    else this.#onChange();
  }

  /**
   * Place the pieces of the near blocks that hold several in the next frame: boxes are read in an
   * animation frame, where the layout is one the frame needs anyway, never forced from idle time.
   */
  #placeSoon(): void {
    if (this.#frame !== 0) return;
    this.#frame = this.#view.requestAnimationFrame(() => {
      this.#frame = 0;
      this.#nearInsideShared.clear();
      for (const anchor of this.#near) {
        const pieces = this.#byAnchor.get(anchor);
        if (pieces && pieces.length > 1) this.#nearInsideShared.set(anchor, this.#nearInside(anchor, pieces));
      }
      this.#onChange();
    });
  }

  /**
   * On a scroll, before the frame that shows it: the anchors in the viewport (of the document's
   * pieces, found by binary search over their boxes, which a scroll leaves laid out) count as near
   * at once, so their marks are painted in that frame; the observer reports only after it, a frame
   * later (30 – 100 ms after a jump on a 5 MB page), and then takes over.
   */
  #nearOnScroll(): void {
    const pieces = this.#inOrder();
    if (!this.#observer || pieces.length === 0) return;
    const height = this.#view.innerHeight;
    const bottomOf = (piece: Piece) => piece.anchors.at(-1)?.getBoundingClientRect().bottom ?? -Infinity;
    let low = 0;
    let high = pieces.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (bottomOf(pieces[middle]!) < 0) low = middle + 1;
      else high = middle;
    }
    let added = false;
    for (let i = low; i < pieces.length; i++) {
      const piece = pieces[i]!;
      for (const anchor of piece.anchors) {
        if (this.#near.has(anchor) || this.#byAnchor.get(anchor)?.length !== 1) continue;
        const box = anchor.getBoundingClientRect();
        if (box.bottom < 0 || box.top > height) continue;
        this.#near.add(anchor);
        added = true;
      }
      if ((piece.anchors[0]?.getBoundingClientRect().top ?? Infinity) > height) break;
    }
    if (added) this.#onChange();
  }

  /**
   * The pieces of one block that lie near the viewport, placed by their share of its text (text
   * flows evenly down a block), plus one on each side for the estimate's error.
   */
  #nearInside(anchor: Element, pieces: readonly Piece[]): Piece[] {
    const box = anchor.getBoundingClientRect();
    const height = this.#view.innerHeight;
    const total = pieces.reduce((sum, piece) => sum + piece.length, 0) || 1;
    const near: number[] = [];
    let before = 0;
    pieces.forEach((piece, i) => {
      const top = box.top + (box.height * before) / total;
      before += piece.length;
      const bottom = box.top + (box.height * before) / total;
      if (bottom >= -MARGIN_SCREENS * height && top <= (MARGIN_SCREENS + 1) * height) near.push(i);
    });
    if (near.length === 0) return [];
    const first = Math.max(0, near[0]! - 1);
    const last = Math.min(pieces.length - 1, near.at(-1)! + 1);
    return pieces.slice(first, last + 1);
  }
}
