/** Where the hover card goes: beside the marked word, never over it, inside the viewport. */

export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Size {
  width: number;
  height: number;
}

const GAP = 6;
const MARGIN = 8;

/**
 * Below the word if the card fits there, else above it if it fits, else on the side with more
 * room; horizontally aligned with the word's start and kept inside the viewport.
 */
export function placeCard(anchor: Box, card: Size, viewport: Size): { top: number; left: number } {
  const roomBelow = viewport.height - anchor.bottom - GAP - MARGIN;
  const roomAbove = anchor.top - GAP - MARGIN;
  const below = card.height <= roomBelow || (card.height > roomAbove && roomBelow >= roomAbove);
  const top = below ? anchor.bottom + GAP : anchor.top - GAP - card.height;
  const maxLeft = viewport.width - MARGIN - card.width;
  const left = Math.max(MARGIN, Math.min(anchor.left, maxLeft));
  return { top, left };
}
