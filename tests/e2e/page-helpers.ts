/**
 * Page-world helpers for the page tests. Marks are StaticRanges (no text or boxes of their own):
 * these read both from a live copy. Installed by the tests only, before any page script runs.
 */
import type { BrowserContext } from 'playwright-core';

declare global {
  interface Window {
    bplRangeText(range: AbstractRange): string;
    bplRangeRect(range: AbstractRange): DOMRect;
  }
}

export async function installRangeHelpers(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const live = (range: AbstractRange) => {
      const copy = new Range();
      copy.setStart(range.startContainer, range.startOffset);
      copy.setEnd(range.endContainer, range.endOffset);
      return copy;
    };
    window.bplRangeText = (range) => live(range).toString();
    window.bplRangeRect = (range) => live(range).getBoundingClientRect();
  });
}
