/**
 * What the page keeps of each scanned stretch once it is detected: where it starts and ends, its
 * matches (as offsets) and a few elements to watch for it coming into view. No text, no list of its
 * nodes and no ranges: those are made again (`marksOf`) when it comes near the viewport.
 *
 * Pieces are kept per tree (the document, each open shadow root) in document order and never
 * overlap, so a change in the DOM maps to the few pieces around it by binary search, and what lies
 * between two pieces was never text worth keeping: a live page is scanned where it changed.
 */
import type { Match } from '../types';
import { type Mark, markKindOf } from './marks';
import { textOf, treeOrder } from './ranges';
import { type Stretch, type TextPoint, rangeForOffsets, rewalk } from './text-index';

export interface Piece {
  /** The document or shadow root that holds it. */
  tree: Node;
  start: TextPoint;
  end: TextPoint;
  length: number;
  /** Where the context before a stretch scanned after this one starts (here or in a piece before). */
  tail: TextPoint;
  /** Elements whose nearness to the viewport says this piece is near it, in order... */
  anchors: Element[];
  /** ...and where each one's text starts in the piece: anchor i stands for [anchorStarts[i], anchorStarts[i + 1]). */
  anchorStarts: number[];
  /** Offsets relative to `start`. */
  matches: Match[];
  /** False once the piece left the index. */
  live: boolean;
}

/**
 * A piece is watched through one of its blocks at least every this many characters: about a
 * screen of text, less than the two screens of margin, so some anchor is always near the text in
 * view. Many more would cost every frame: 3,000 observed elements take a 5 MB page that changes
 * every frame from 37 to 20 fps; 1,000 cost nothing measurable.
 */
const ANCHOR_SPACING_CHARS = 3_000;

/** The element that stands for a block container (a tree root stands for itself through its host or body). */
function elementOf(container: Node): Element | null {
  if (container instanceof Element) return container;
  if (container instanceof ShadowRoot) return container.host;
  if (container instanceof Document) return container.body ?? container.documentElement;
  return container.parentElement;
}

export function pieceOf(stretch: Stretch, matches: Match[]): Piece {
  const anchors: Element[] = [];
  const anchorStarts: number[] = [];
  let anchoredAt = -Infinity;
  for (const block of stretch.blocks) {
    if (block.at - anchoredAt < ANCHOR_SPACING_CHARS) continue;
    const element = elementOf(block.container);
    if (!element || anchors.at(-1) === element) continue;
    anchors.push(element);
    // The first anchor stands for the piece's start, whatever comes before its block.
    anchorStarts.push(anchors.length === 1 ? 0 : block.at);
    anchoredAt = block.at;
  }
  return {
    tree: stretch.tree,
    start: stretch.start,
    end: stretch.end,
    length: stretch.to - stretch.from,
    tail: stretch.tail,
    anchors,
    anchorStarts,
    matches,
    live: true,
  };
}

/**
 * The matches of a piece in the text its near anchors stand for, and in the text just before each
 * (which runs up to the anchor); all of them when `nearAnchors` is null.
 */
export function matchesNear(piece: Piece, nearAnchors: ReadonlySet<number> | null): Match[] {
  if (nearAnchors === null) return piece.matches;
  const { anchorStarts } = piece;
  const ranges = [...nearAnchors].map((i) => [anchorStarts[Math.max(0, i - 1)] ?? 0, anchorStarts[i + 1] ?? Infinity] as const);
  return piece.matches.filter((match) => ranges.some(([from, to]) => match.start >= from && match.start < to));
}

/**
 * The marks of these matches of a piece, made from the page as it is now (the one place marks are
 * made); null when the page no longer holds the piece's text as it was scanned. A match whose text
 * changed gets no mark.
 */
export function marksOf(piece: Piece, matches: readonly Match[] = piece.matches): Mark[] | null {
  if (matches.length === 0) return [];
  const until = matches.reduce((farthest, match) => Math.max(farthest, match.end), piece.length);
  const offsets = rewalk(piece.start, piece.end, piece.length, until);
  if (!offsets) return null;
  const marks: Mark[] = [];
  for (const match of matches) {
    const range = rangeForOffsets(offsets, match.start, match.end);
    if (sameText(textOf(range), match.text)) marks.push({ range, match, kind: markKindOf(match) });
  }
  return marks;
}

/**
 * Does the page's text now (`found`) still say what was matched? A line break in a paragraph's
 * source is read as the space the page shows (see text-index.ts), so it is a space here too: "lost
 * about\n 5 kg" is the "lost about  5 kg" matched.
 */
function sameText(found: string | null, matched: string): boolean {
  if (found === matched) return true;
  return found !== null && found.length === matched.length && found.replace(LINE_BREAK, ' ') === matched.replace(LINE_BREAK, ' ');
}
const LINE_BREAK = /[\r\n]/g;

/** A place between nodes: just before `node`, or just after it and everything inside it. */
export interface Boundary {
  node: Node;
  edge: 'before' | 'after';
}

/** Part of one tree that changed: everything from `low` to `high`. */
export interface Region {
  tree: Node;
  low: Boundary;
  high: Boundary;
}

/** The region of a node and everything inside it. */
export function regionOf(node: Node): Region {
  return { tree: node.getRootNode(), low: { node, edge: 'before' }, high: { node, edge: 'after' } };
}

/** The region a piece covers, as the page is now. */
export function regionOfPiece(piece: Piece): Region {
  return { tree: piece.tree, low: { node: piece.start.node, edge: 'before' }, high: { node: piece.end.node, edge: 'after' } };
}

/** Whether text node `text` comes before the boundary in document order (same tree). */
function precedes(text: Text, boundary: Boundary): boolean {
  if (text === boundary.node || boundary.node.contains(text)) return boundary.edge === 'after';
  return treeOrder(text, boundary.node) < 0;
}

/** Whether both ends of a piece are still in its tree, and the tree in the page. */
export function isAttached(piece: Piece): boolean {
  const { tree, start, end } = piece;
  return start.node.isConnected && start.node.getRootNode() === tree && end.node.getRootNode() === tree;
}

/** What must be scanned again in a tree: everything strictly between two pieces (null: its start or end). */
export interface Gap {
  tree: Node;
  after: Piece | null;
  before: Piece | null;
}

/**
 * Pieces this short are scanned again with what is added next to them, so a live page that adds
 * a line at a time ends up with pieces of a useful size, not one per line.
 */
const MIN_PIECE_CHARS = 2_000;

/** Where new pieces go: after `after` in its tree, at `index` if the list has not moved. */
interface Cursor {
  tree: Node;
  after: Piece | null;
  index: number;
}

export class PieceIndex {
  readonly #lists = new Map<Node, Piece[]>();

  readonly #onRemove: (pieces: readonly Piece[]) => void;

  /** `onRemove` hears of every piece that leaves the index. */
  constructor(onRemove: (pieces: readonly Piece[]) => void) {
    this.#onRemove = onRemove;
  }

  /** Every piece, tree by tree (in the order trees were first scanned), each tree in document order. */
  all(): Piece[] {
    return [...this.#lists.values()].flat();
  }

  get size(): number {
    let total = 0;
    for (const list of this.#lists.values()) total += list.length;
    return total;
  }

  piecesOf(tree: Node): readonly Piece[] {
    return this.#lists.get(tree) ?? [];
  }

  clear(): void {
    for (const tree of [...this.#lists.keys()]) this.removeTree(tree);
  }

  removeTree(tree: Node): void {
    const list = this.#lists.get(tree);
    if (!list) return;
    this.#lists.delete(tree);
    this.#retire(list);
  }

  /** Remove the pieces strictly between the gap's two, and return where the new ones go. */
  open(gap: Gap): Cursor {
    const list = this.#listOf(gap.tree);
    const from = gap.after ? list.indexOf(gap.after) + 1 : 0;
    const to = gap.before ? list.indexOf(gap.before) : list.length;
    const removed = to > from ? list.splice(from, to - from) : [];
    this.#retire(removed);
    return { tree: gap.tree, after: gap.after, index: from };
  }

  /** A cursor at the start of a tree emptied by `removeTree`. */
  cursorAtStart(tree: Node): Cursor {
    return { tree, after: null, index: 0 };
  }

  insert(cursor: Cursor, piece: Piece): void {
    const list = this.#listOf(cursor.tree);
    const expected = cursor.index === 0 ? null : list[cursor.index - 1];
    if (expected !== cursor.after) cursor.index = cursor.after ? list.indexOf(cursor.after) + 1 : 0;
    list.splice(cursor.index, 0, piece);
    cursor.after = piece;
    cursor.index++;
  }

  /**
   * The gaps to scan again after a batch of changes: around every region, and where a piece lost
   * its text from the page (moved or removed). Overlapping gaps are merged.
   */
  gapsFor(regions: readonly Region[]): Gap[] {
    const spans = new Map<Node, [number, number][]>();
    const addSpan = (tree: Node, from: number, to: number) => {
      const list = spans.get(tree) ?? [];
      spans.set(tree, list);
      list.push([from, to]);
    };
    const lost = this.#dropDetached();
    for (const { tree, after, before } of lost) {
      const list = this.#lists.get(tree) ?? [];
      addSpan(tree, after ? list.indexOf(after) : -1, before ? list.indexOf(before) : list.length);
    }
    for (const region of regions) {
      // A boundary that left the tree says nothing about where it was (its pieces went above).
      if (region.low.node.getRootNode() !== region.tree || region.high.node.getRootNode() !== region.tree) continue;
      const [from, to] = this.#spanAround(region);
      addSpan(region.tree, from, to);
    }
    const gaps: Gap[] = [];
    for (const [tree, treeSpans] of spans) {
      const list = this.#lists.get(tree) ?? [];
      treeSpans.sort((a, b) => a[0] - b[0]);
      let current: [number, number] | null = null;
      const close = () => current && gaps.push({ tree, after: list[current[0]] ?? null, before: list[current[1]] ?? null });
      for (const span of treeSpans) {
        if (current && span[0] < current[1]) current[1] = Math.max(current[1], span[1]);
        else {
          close();
          current = [span[0], span[1]];
        }
      }
      close();
    }
    return gaps;
  }

  /**
   * The indexes of the clean pieces on both sides of a region (-1 and the list's length for the
   * tree's ends): the pieces it touches lie between, and short pieces just before it join them.
   */
  #spanAround({ tree, low, high }: Region): [number, number] {
    const list = this.#lists.get(tree) ?? [];
    // The first piece not wholly before the region. Live pages change near their end, and an
    // order test costs what lies between the nodes (`treeOrder`), so the search gallops back from
    // the end before it halves.
    let first = 0;
    let last = list.length;
    for (let step = 1; last > first; step *= 2) {
      const probe = Math.max(first, last - step);
      if (precedes(list[probe]!.end.node, low)) {
        first = probe + 1;
        break;
      }
      last = probe;
    }
    while (first < last) {
      const middle = (first + last) >> 1;
      if (precedes(list[middle]!.end.node, low)) first = middle + 1;
      else last = middle;
    }
    let after = first;
    while (after < list.length && precedes(list[after]!.start.node, high)) after++;
    let before = first - 1;
    for (let joined = 0; before >= 0 && joined + list[before]!.length < MIN_PIECE_CHARS; before--) {
      joined += list[before]!.length;
    }
    return [before, after];
  }

  /** Take out the pieces whose ends left their tree, returning the gaps they leave. */
  #dropDetached(): Gap[] {
    const gaps: Gap[] = [];
    for (const [tree, list] of this.#lists) {
      if (list.every(isAttached)) continue;
      const kept: Piece[] = [];
      const removed: Piece[] = [];
      let openGap: Gap | null = null;
      for (const piece of list) {
        if (isAttached(piece)) {
          if (openGap) {
            openGap.before = piece;
            openGap = null;
          }
          kept.push(piece);
        } else {
          removed.push(piece);
          if (!openGap) gaps.push((openGap = { tree, after: kept.at(-1) ?? null, before: null }));
        }
      }
      this.#lists.set(tree, kept);
      this.#retire(removed);
    }
    return gaps;
  }

  #listOf(tree: Node): Piece[] {
    let list = this.#lists.get(tree);
    if (!list) this.#lists.set(tree, (list = []));
    return list;
  }

  #retire(pieces: readonly Piece[]): void {
    if (pieces.length === 0) return;
    for (const piece of pieces) piece.live = false;
    this.#onRemove(pieces);
  }
}
