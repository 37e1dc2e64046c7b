// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { type Gap, marksOf, matchesNear, type Piece, PieceIndex, pieceOf, regionOf } from '../../lib/page/pieces';
import { textOf } from '../../lib/page/ranges';
import { stretchesOf } from '../../lib/page/text-index';
import { stretchMatches } from './page-lexicon';
import { useHighlightFakes } from './page-dom-fakes';

useHighlightFakes();

const post = (i: number) =>
  `<article id="post-${i}"><p>Post ${i}: my <b>sci</b>atica is back and the physio says rest. We walked by the river today.</p></article>`;

let removed: Piece[];
let index: PieceIndex;

/** The page's pieces, as the scanner makes them, in an index. */
function scanned(html: string, size = 2_500): Piece[] {
  document.body.innerHTML = html;
  removed = [];
  index = new PieceIndex((pieces) => removed.push(...pieces));
  const cursor = index.cursorAtStart(document);
  for (const stretch of stretchesOf(document.body, size)) {
    index.insert(cursor, pieceOf(stretch, stretchMatches(stretch)));
  }
  return [...index.piecesOf(document)];
}

const thread = (count: number) => `<main id="thread">${Array.from({ length: count }, (_, i) => post(i)).join('')}</main>`;
const describeGap = (gap: Gap, pieces: Piece[]) => [gap.after ? pieces.indexOf(gap.after) : null, gap.before ? pieces.indexOf(gap.before) : null];

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('pieces', () => {
  it('keep their matches as offsets and a watched block at least every 3,000 characters', () => {
    const pieces = scanned(thread(120));
    expect(pieces.length).toBeGreaterThan(3);
    const [first] = pieces;
    expect(first!.matches.map((match) => match.text)).toContain('sciatica');
    expect(first!.anchors[0]).toBe(document.querySelector('#post-0 p'));
    expect(first!.anchors.length).toBeGreaterThanOrEqual(Math.floor(first!.length / 3_000));
    expect(first!.anchors.length).toBeLessThanOrEqual(Math.ceil(first!.length / 3_000) + 1);
  });

  it('make their marks again from the page, and none once their text changed', () => {
    const [piece] = scanned(thread(30));
    const marks = marksOf(piece!)!;
    expect(marks.length).toBe(piece!.matches.length);
    expect(marks.map((mark) => textOf(mark.range))).toEqual(piece!.matches.map((match) => match.text));
    expect(marks[0]!.range.startContainer).toBe(document.querySelector('#post-0 b')!.firstChild);
    document.querySelector('#post-0 p')!.append(' More text.');
    expect(marksOf(piece!)).toBeNull();
  });

  it('give the matches of the text their near anchors stand for, and of the text just before', () => {
    const [piece] = scanned(thread(120), 16_000);
    expect(piece!.anchors.length).toBeGreaterThan(3);
    const { anchorStarts } = piece!;
    expect(anchorStarts[0]).toBe(0);
    const near = matchesNear(piece!, new Set([2]));
    expect(near.length).toBeGreaterThan(0);
    expect(near.every((match) => match.start >= anchorStarts[1]! && match.start < anchorStarts[3]!)).toBe(true);
    expect(near).toEqual(piece!.matches.filter((match) => match.start >= anchorStarts[1]! && match.start < anchorStarts[3]!));
    expect(matchesNear(piece!, null)).toBe(piece!.matches);
    // Only the marks asked for are made.
    expect(marksOf(piece!, near)!.map((mark) => mark.match)).toEqual(near);
  });

  it('give no mark to a match whose text is no longer what was found', () => {
    const [piece] = scanned(thread(30));
    const wrong = { ...piece!, matches: [{ ...piece!.matches[0]!, text: 'something else' }, ...piece!.matches.slice(1)] };
    expect(marksOf(wrong)!.length).toBe(piece!.matches.length - 1);
  });
});

describe('PieceIndex.gapsFor', () => {
  it('scans an appended post alone, after the last piece', () => {
    const pieces = scanned(thread(120));
    const added = document.createElement('article');
    added.innerHTML = '<p>New post: my sciatica.</p>';
    document.getElementById('thread')!.append(added);
    const gaps = index.gapsFor([regionOf(added)]);
    expect(gaps.map((gap) => describeGap(gap, pieces))).toEqual([[pieces.length - 1, null]]);
  });

  it('scans again the piece that holds edited text, between its neighbours', () => {
    const pieces = scanned(thread(120));
    const inside = pieces[2]!.start.node;
    inside.data += ' edited';
    expect(index.gapsFor([regionOf(inside)]).map((gap) => describeGap(gap, pieces))).toEqual([[1, 3]]);
  });

  it('finds the pieces around a change wherever it is on a long page', () => {
    // Large pieces (no short ones joined): the gap is exactly the neighbours of the piece changed.
    const pieces = scanned(thread(600), 2_500);
    expect(pieces.length).toBeGreaterThan(15);
    for (const i of [0, 1, 7, Math.floor(pieces.length / 2), pieces.length - 3, pieces.length - 1]) {
      const gaps = index.gapsFor([regionOf(pieces[i]!.end.node)]);
      expect(gaps.map((gap) => describeGap(gap, pieces))).toEqual([[i === 0 ? null : i - 1, i === pieces.length - 1 ? null : i + 1]]);
    }
  });

  it('scans again a piece from which a node was removed, and merges gaps that overlap', () => {
    const pieces = scanned(thread(120));
    const middle = pieces[2]!.start.node.parentElement!.closest('article')!.nextElementSibling!;
    const { previousSibling, nextSibling, parentNode } = middle;
    middle.remove();
    const removal = {
      tree: document,
      low: { node: previousSibling!, edge: 'after' as const },
      high: { node: nextSibling!, edge: 'before' as const },
    };
    expect(parentNode).toBe(document.getElementById('thread'));
    const gaps = index.gapsFor([removal, regionOf(pieces[2]!.start.node)]);
    expect(gaps.map((gap) => describeGap(gap, pieces))).toEqual([[1, 3]]);
  });

  it('drops pieces whose text left the page and scans the gap they leave', () => {
    const pieces = scanned(thread(120));
    const [, second] = pieces;
    const posts = [...document.querySelectorAll('article')].filter(
      (article) => article.contains(second!.start.node) || article.contains(second!.end.node),
    );
    for (const article of posts) article.remove();
    const gaps = index.gapsFor([]);
    expect(removed).toContain(second);
    expect(second!.live).toBe(false);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.before).toBe(pieces[2]);
  });

  it('scans short pieces again with what is added after them', () => {
    const pieces = scanned(`${thread(120)}<p id="short">Short one.</p>`);
    expect(pieces.at(-1)!.length).toBeLessThan(100);
    const added = document.createElement('p');
    added.textContent = 'And another.';
    document.body.append(added);
    expect(index.gapsFor([regionOf(added)]).map((gap) => describeGap(gap, pieces))).toEqual([[pieces.length - 2, null]]);
  });

  it('opens a gap: its pieces leave, and new ones go in their place', () => {
    const pieces = scanned(thread(120));
    const cursor = index.open({ tree: document, after: pieces[0]!, before: pieces[3]! });
    expect(removed).toEqual([pieces[1], pieces[2]]);
    const fresh = { ...pieces[1]!, live: true };
    index.insert(cursor, fresh);
    expect(index.piecesOf(document)).toEqual([pieces[0], fresh, ...pieces.slice(3)]);
  });
});
