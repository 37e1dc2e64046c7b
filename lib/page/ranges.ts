/**
 * Marks are StaticRanges: a live Range is updated by the browser on every DOM change of its
 * document, so thousands of them would slow down the page's own scripts. Marks do not need to
 * follow the DOM (changed text is rescanned), and the few operations that need a live Range get a
 * short-lived one.
 */

/** The index of the child of `ancestor` that holds `node`. */
function childIndexHolding(ancestor: Node, node: Node): number {
  let child = node;
  while (child.parentNode !== ancestor) child = child.parentNode!;
  return Array.prototype.indexOf.call(ancestor.childNodes, child) as number;
}

/**
 * Negative, zero or positive as the boundary point (aNode, aOffset) is before, at or after
 * (bNode, bOffset) in tree order; both in the same tree.
 */
export function comparePoints(aNode: Node, aOffset: number, bNode: Node, bOffset: number): number {
  if (aNode === bNode) return aOffset - bOffset;
  const position = aNode.compareDocumentPosition(bNode);
  if (position & Node.DOCUMENT_POSITION_CONTAINED_BY) {
    return aOffset <= childIndexHolding(aNode, bNode) ? -1 : 1;
  }
  if (position & Node.DOCUMENT_POSITION_CONTAINS) {
    return childIndexHolding(bNode, aNode) < bOffset ? -1 : 1;
  }
  return position & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** Negative, zero or positive as the point is before, inside or after the range. */
export function comparePointToRange(range: AbstractRange, node: Node, offset: number): number {
  if (comparePoints(node, offset, range.startContainer, range.startOffset) < 0) return -1;
  if (comparePoints(node, offset, range.endContainer, range.endOffset) > 0) return 1;
  return 0;
}

/** A live copy of the range, or null if its boundaries are no longer valid (text shrank). */
export function toLiveRange(range: AbstractRange): Range | null {
  const live = range.startContainer.ownerDocument?.createRange();
  if (!live) return null;
  try {
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
  } catch {
    return null;
  }
  return live;
}

/** The text the range covers now, or null if it no longer fits its nodes. */
export function textOf(range: AbstractRange): string | null {
  const { startContainer, endContainer } = range;
  if (startContainer === endContainer && startContainer.nodeType === Node.TEXT_NODE) {
    const { data } = startContainer as Text;
    return range.endOffset <= data.length ? data.slice(range.startOffset, range.endOffset) : null;
  }
  return toLiveRange(range)?.toString() ?? null;
}
