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

/** `node` and its ancestors, up to its tree's root. */
function ancestry(node: Node): Node[] {
  const chain: Node[] = [];
  for (let current: Node | null = node; current; current = current.parentNode) chain.push(current);
  return chain;
}

/**
 * Negative or positive as sibling `x` comes before or after sibling `y` (x !== y), walking out
 * from both, both ways, until a walk meets the other or an end of the list: the cost is the
 * distance between them, or their distance to an end of the list when that is shorter.
 */
function siblingOrder(x: Node, y: Node): number {
  let xNext: Node | null = x;
  let yNext: Node | null = y;
  let xPrevious: Node | null = x;
  let yPrevious: Node | null = y;
  for (;;) {
    xNext = xNext.nextSibling;
    if (xNext === y) return -1;
    if (xNext === null) return 1;
    yNext = yNext.nextSibling;
    if (yNext === x) return 1;
    if (yNext === null) return -1;
    xPrevious = xPrevious.previousSibling;
    if (xPrevious === y) return 1;
    if (xPrevious === null) return -1;
    yPrevious = yPrevious.previousSibling;
    if (yPrevious === x) return -1;
    if (yPrevious === null) return 1;
  }
}

/**
 * Negative, zero or positive as node `a` comes before, is, or comes after node `b` in tree order
 * (an ancestor comes before what it holds). Not `compareDocumentPosition`: Chromium's finds the
 * order of two siblings by crawling their list from one of them to its start (3.4 ms for two
 * neighbouring posts near the end of a 7,500-post thread); this walk costs what lies between them. Nodes in different trees are ordered as `compareDocumentPosition` does.
 */
export function treeOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  const aChain = ancestry(a);
  const bChain = ancestry(b);
  let i = aChain.length - 1;
  let j = bChain.length - 1;
  if (aChain[i] !== bChain[j]) return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  while (i > 0 && j > 0 && aChain[i - 1] === bChain[j - 1]) {
    i--;
    j--;
  }
  if (i === 0) return -1;
  if (j === 0) return 1;
  return siblingOrder(aChain[i - 1]!, bChain[j - 1]!);
}

/**
 * Negative, zero or positive as the boundary point (aNode, aOffset) is before, at or after
 * (bNode, bOffset) in tree order; both in the same tree.
 */
export function comparePoints(aNode: Node, aOffset: number, bNode: Node, bOffset: number): number {
  if (aNode === bNode) return aOffset - bOffset;
  if (aNode.contains(bNode)) return aOffset <= childIndexHolding(aNode, bNode) ? -1 : 1;
  if (bNode.contains(aNode)) return childIndexHolding(bNode, aNode) < bOffset ? -1 : 1;
  return treeOrder(aNode, bNode);
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
    // Not `data`: in Firefox each read of it copies the node's whole text.
    const text = startContainer as Text;
    return range.endOffset <= text.length ? text.substringData(range.startOffset, range.endOffset - range.startOffset) : null;
  }
  return toLiveRange(range)?.toString() ?? null;
}
