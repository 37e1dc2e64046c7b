/**
 * Keyboard users reach the red flags on the page: each step moves to the next (or previous) red-flag
 * mark, scrolls it into view and opens its card with focus.
 */
import type { Mark, MarkStore } from './marks';

/** The red-flag mark after (or before) `from`, wrapping round; the first (or last) when `from` is gone. */
export function nextRedFlag(marks: readonly Mark[], from: Mark | null, direction: 1 | -1): Mark | null {
  const redFlags = marks.filter((mark) => mark.kind === 'red-flag');
  if (redFlags.length === 0) return null;
  const at = from ? redFlags.indexOf(from) : -1;
  if (at === -1) return direction === 1 ? redFlags[0]! : redFlags[redFlags.length - 1]!;
  return redFlags[(at + direction + redFlags.length) % redFlags.length]!;
}

const nextFrame = (view: Window) => new Promise<void>((done) => view.requestAnimationFrame(() => done()));

/**
 * `redFlags` gives every red-flag mark of the page in document order (shown or not: only those near
 * the viewport are); `show` opens a mark's card with focus. Returns the step, which answers whether
 * there was a red flag to go to (none when the page has none or the user switched its marks off).
 */
export function redFlagStepper(view: Window, marks: MarkStore, redFlags: () => readonly Mark[], show: (mark: Mark) => Promise<void>) {
  let last: Mark | null = null;
  return async (direction: 1 | -1): Promise<boolean> => {
    if (!marks.isShown('red-flag')) return false;
    const mark = nextRedFlag(redFlags(), last, direction);
    if (!mark) return false;
    last = mark;
    mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    // The card closes on scroll: let the scroll's events pass before it opens.
    await nextFrame(view);
    await nextFrame(view);
    await show(mark);
    return true;
  };
}
