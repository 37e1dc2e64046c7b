import { describe, expect, it } from 'vitest';
import { placeCard } from '../../lib/page/placement';

const viewport = { width: 800, height: 600 };
const card = { width: 200, height: 120 };
const overlaps = (top: number, anchor: { top: number; bottom: number }) =>
  top < anchor.bottom && top + card.height > anchor.top;

describe('placeCard', () => {
  it('puts the card below the word when it fits', () => {
    const anchor = { top: 100, bottom: 120, left: 50, right: 110 };
    expect(placeCard(anchor, card, viewport)).toEqual({ top: 126, left: 50 });
  });

  it('puts it above the word near the bottom of the viewport, never over it', () => {
    const anchor = { top: 540, bottom: 560, left: 50, right: 110 };
    const place = placeCard(anchor, card, viewport);
    expect(place.top).toBe(540 - 6 - 120);
    expect(overlaps(place.top, anchor)).toBe(false);
  });

  it('keeps the card inside the viewport horizontally', () => {
    expect(placeCard({ top: 10, bottom: 30, left: 750, right: 790 }, card, viewport).left).toBe(800 - 8 - 200);
    expect(placeCard({ top: 10, bottom: 30, left: -20, right: 10 }, card, viewport).left).toBe(8);
  });
});
