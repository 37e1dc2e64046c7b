// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { type Piece, pieceOf } from '../../lib/page/pieces';
import { stretchesOf } from '../../lib/page/text-index';
import { NearViewport } from '../../lib/page/viewport';
import { holdIntersectionReports, scrollTo, useHighlightFakes } from './page-dom-fakes';

useHighlightFakes();

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('NearViewport', () => {
  it('says which pieces are near from their anchors, and tells when that changes', async () => {
    document.body.innerHTML = Array.from({ length: 60 }, (_, i) => `<p id="p${i}">${'Post text about a long walk. '.repeat(20)}</p>`).join('');
    const pieces = stretchesOf(document.body, 3_000).map((stretch) => pieceOf(stretch, []));
    let changes = 0;
    const viewport = new NearViewport(window, () => changes++);
    scrollTo((element) => element.id === 'p30');
    for (const piece of pieces) viewport.track(piece);
    await settle();
    expect(changes).toBeGreaterThan(0);
    const near = [...viewport.nearPieces()];
    expect(near).toHaveLength(1);
    const [piece, anchors] = near[0]!;
    // Which of the piece's anchors is near: its marks are made for that part of it.
    expect([...anchors!].map((i) => piece.anchors[i])).toEqual([document.getElementById('p30')]);
    viewport.untrack([piece]);
    expect(viewport.nearPieces().size).toBe(0);
    viewport.disconnect();
  });

  it('counts the pieces in view as near on a scroll, before the observer reports', async () => {
    document.body.innerHTML = Array.from({ length: 8 }, (_, i) => `<p id="p${i}">${'Post text about a long walk. '.repeat(150)}</p>`).join('');
    Object.defineProperty(window, 'innerHeight', { value: 1_000, configurable: true });
    const pieces = stretchesOf(document.body, 3_000).map((stretch) => pieceOf(stretch, []));
    expect(pieces).toHaveLength(8);
    let changes = 0;
    const viewport = new NearViewport(window, () => changes++, () => pieces);
    viewport.connect();
    scrollTo(() => false);
    for (const piece of pieces) viewport.track(piece);
    await settle();
    expect(viewport.nearPieces().size).toBe(0);
    // A jump to the sixth paragraph (the end of the fifth and the start of the seventh in view too): the
    // browser has laid it out, its observer reports after the frame.
    holdIntersectionReports(true);
    pieces.forEach((piece, i) => {
      const top = (i - 5) * 800 + 100;
      piece.anchors[0]!.getBoundingClientRect = () => ({ top, bottom: top + 800, height: 800 }) as DOMRect;
    });
    const before = changes;
    window.dispatchEvent(new Event('scroll'));
    expect(changes).toBe(before + 1);
    expect([...viewport.nearPieces().keys()].map((piece) => piece.anchors[0]!.id)).toEqual(['p4', 'p5', 'p6']);
    holdIntersectionReports(false);
    viewport.disconnect();
  });

  it('places the pieces of one huge block by their share of its text', async () => {
    const sentence = 'My sciatica is back and it hurts a lot today. ';
    document.body.innerHTML = `<pre id="log">${sentence.repeat(5_000)}</pre>`;
    const pieces: Piece[] = stretchesOf(document.body, 2_000).map((stretch) => pieceOf(stretch, []));
    expect(pieces.length).toBeGreaterThan(100);
    const log = document.getElementById('log')!;
    // The block is 100 screens tall and the viewport shows its 50th screen.
    Object.defineProperty(window, 'innerHeight', { value: 1_000, configurable: true });
    log.getBoundingClientRect = () => ({ top: -50_000, height: 100_000, bottom: 50_000 }) as DOMRect;
    const viewport = new NearViewport(window, () => undefined);
    scrollTo(() => true);
    for (const piece of pieces) viewport.track(piece);
    await settle();
    const nearPieces = viewport.nearPieces();
    expect([...nearPieces.values()].every((anchors) => anchors === null)).toBe(true);
    const near = [...nearPieces.keys()].map((piece) => pieces.indexOf(piece));
    // Five screens (two above, the viewport, two below) of a hundred, and one piece each side.
    expect(near.length).toBeGreaterThanOrEqual(Math.floor(pieces.length * 0.05));
    expect(near.length).toBeLessThanOrEqual(Math.ceil(pieces.length * 0.05) + 3);
    expect(Math.min(...near)).toBeGreaterThan(pieces.length * 0.45);
    expect(Math.max(...near)).toBeLessThan(pieces.length * 0.56);
    viewport.disconnect();
  });

  it('keeps what the browser said of a block whose pieces are replaced in one go, as by a rescan', async () => {
    document.body.innerHTML = '<p>Post text about a long walk.</p><p>More text.</p>';
    const piecesNow = () => stretchesOf(document.body).map((stretch) => pieceOf(stretch, []));
    const [old] = piecesNow();
    const viewport = new NearViewport(window, () => undefined);
    viewport.track(old!);
    await settle();
    expect([...viewport.nearPieces().keys()]).toEqual([old]);
    // The browser reports a block once, and again only when its nearness changes.
    holdIntersectionReports(true);
    const [fresh] = piecesNow();
    viewport.untrack([old!]);
    viewport.track(fresh!);
    await settle();
    expect([...viewport.nearPieces().keys()]).toEqual([fresh]);
    // A block left with no piece is let go of at the end of the task.
    viewport.untrack([fresh!]);
    await settle();
    viewport.track(old!);
    expect(viewport.nearPieces().size).toBe(0);
    holdIntersectionReports(false);
    viewport.disconnect();
  });

  it('follows scrolling only while connected, and lets go of the window when disconnected', () => {
    const added = vi.spyOn(window, 'addEventListener');
    const removed = vi.spyOn(window, 'removeEventListener');
    try {
      const viewport = new NearViewport(window, () => undefined);
      expect(added).not.toHaveBeenCalledWith('scroll', expect.anything(), expect.anything());
      viewport.connect();
      const listener = added.mock.calls.find(([type]) => type === 'scroll')![1];
      viewport.disconnect();
      expect(removed).toHaveBeenCalledWith('scroll', listener, { capture: true });
    } finally {
      added.mockRestore();
      removed.mockRestore();
    }
  });
});
