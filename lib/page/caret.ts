/** The text position under a viewport point, looking into the given open shadow roots. */

export interface CaretPoint {
  node: Node;
  offset: number;
}

interface CaretPositionOptions {
  shadowRoots?: ShadowRoot[];
}

type CaretPositionFromPoint = (
  x: number,
  y: number,
  options?: CaretPositionOptions,
) => { offsetNode: Node; offset: number } | null;

export function caretAt(
  document: Document,
  x: number,
  y: number,
  shadowRoots: ShadowRoot[] = [],
): CaretPoint | null {
  const fromPoint = (document as { caretPositionFromPoint?: CaretPositionFromPoint })
    .caretPositionFromPoint;
  if (typeof fromPoint === 'function') {
    const position = fromPoint.call(document, x, y, { shadowRoots });
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

/** Whether the point lies on one of the range's line boxes (not merely nearest to it). */
export function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
