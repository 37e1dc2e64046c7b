/**
 * One flat string of a subtree's readable text plus the map back to its text nodes, built by a
 * single TreeWalker pass that can be paused between nodes (so a large page is indexed in slices).
 */

export interface TextIndex {
  /** The text of every indexed node in document order; blocks are separated by "\n". */
  text: string;
  nodes: Text[];
  /** `starts[i]` is the offset in `text` of the first character of `nodes[i]`. */
  starts: number[];
  /** Open shadow roots met on the way (their text is indexed too); the caller observes them. */
  shadowRoots: ShadowRoot[];
}

/** Elements whose text is not page prose, or belongs to a form field or to us. */
const SKIPPED_ELEMENTS = [
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'iframe',
  'object',
  'svg',
  'math',
];

/** The tag name of the hover card's host: our own UI is never scanned. */
export const OWN_UI_TAG = 'bpl-hover-card';

/** Matches an element inside which nothing may be scanned (the element itself included). */
export const SKIPPED_SUBTREE_SELECTOR = [
  ...SKIPPED_ELEMENTS,
  OWN_UI_TAG,
  '[contenteditable]:not([contenteditable="false"])',
  '[hidden]',
].join(',');

/**
 * Elements that start a new line of text, so words on both sides never run together. Everything
 * else is inline: a term split over `<b>sci</b>atica` stays one word.
 */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'button', 'label', 'option',
]);

const BLOCK_SEPARATOR = '\n';

/** Whether nothing under `node` may be scanned because it or an ancestor is skipped. */
export function isInSkippedSubtree(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  if (element === null) return false;
  return element.closest(SKIPPED_SUBTREE_SELECTOR) !== null;
}

/** The nearest block element holding `node` (itself included), or its tree's root. */
export function blockContainerOf(node: Node): Node {
  let current: Node | null = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
  while (current !== null && current.nodeType === Node.ELEMENT_NODE) {
    if (BLOCK_ELEMENTS.has((current as Element).localName)) return current;
    current = current.parentNode;
  }
  return current ?? node;
}

/** Past the walker's current node and its subtree: its next sibling, or an ancestor's. */
function nextOutside(walker: TreeWalker): Node | null {
  while (!walker.nextSibling()) {
    if (!walker.parentNode()) return null;
  }
  return walker.currentNode;
}

/** One tree being walked (the root's, or an open shadow root's). */
interface TreeWalk {
  walker: TreeWalker;
  /**
   * The elements to skip, found by one native query up front: a NodeFilter callback, called for
   * every node, makes the walk several times slower.
   */
  skipped: Set<Element>;
  /** The node to visit next; null when the tree is done. */
  next: Node | null;
}

/**
 * An index built step by step: call `step` until it returns true, handing it a function that says
 * when the current slice's time is up. `result` holds what was indexed so far.
 */
export interface TextIndexBuilder {
  step(timeIsUp: () => boolean): boolean;
  readonly result: TextIndex;
}

export function createTextIndexBuilder(root: Node): TextIndexBuilder {
  const ownerDocument = root.ownerDocument ?? (root as Document);
  const walks: TreeWalk[] = [];
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  const shadowRoots: ShadowRoot[] = [];
  let length = 0;
  let lastContainer: Node | null = null;
  let lastParent: Node | null = null;
  let lineBreakPending = false;
  let finished = false;
  let result: TextIndex | null = null;

  // A stack of walks: a shadow root met on the way is walked before the rest of its host's tree.
  const openWalk = (from: Element | Document | ShadowRoot) => {
    const walker = ownerDocument.createTreeWalker(from, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    walks.push({ walker, skipped: new Set(from.querySelectorAll(SKIPPED_SUBTREE_SELECTOR)), next: walker.nextNode() });
  };
  const openShadowWalk = (host: Element) => {
    const shadowRoot = host.shadowRoot;
    if (!shadowRoot) return;
    shadowRoots.push(shadowRoot);
    openWalk(shadowRoot);
  };

  const addText = (node: Text) => {
    const value = node.data;
    if (value.length === 0) return;
    // Text nodes that share a parent share a block container: skip the walk up the tree.
    const container = node.parentNode === lastParent ? lastContainer : blockContainerOf(node);
    if (length > 0 && (lineBreakPending || container !== lastContainer)) {
      parts.push(BLOCK_SEPARATOR);
      length += BLOCK_SEPARATOR.length;
    }
    lineBreakPending = false;
    lastContainer = container;
    lastParent = node.parentNode;
    nodes.push(node);
    starts.push(length);
    parts.push(value);
    length += value.length;
  };

  const visit = (walk: TreeWalk, node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      addText(node as Text);
      walk.next = walk.walker.nextNode();
      return;
    }
    const element = node as Element;
    if (walk.skipped.has(element)) {
      walk.next = nextOutside(walk.walker);
      return;
    }
    if (element.localName === 'br') lineBreakPending = true;
    walk.next = walk.walker.nextNode();
    openShadowWalk(element);
  };

  if (root.nodeType === Node.TEXT_NODE) addText(root as Text);
  else {
    openWalk(root as Element | Document | ShadowRoot);
    if (root.nodeType === Node.ELEMENT_NODE) openShadowWalk(root as Element);
  }

  // A time check per node would cost more than the work it guards.
  const NODES_PER_TIME_CHECK = 256;

  return {
    step(timeIsUp) {
      while (!finished) {
        for (let visited = 0; visited < NODES_PER_TIME_CHECK; visited++) {
          const walk = walks[walks.length - 1];
          if (walk === undefined) {
            finished = true;
            return true;
          }
          if (walk.next === null) walks.pop();
          else visit(walk, walk.next);
        }
        if (timeIsUp()) return false;
      }
      return true;
    },
    get result() {
      if (result !== null && finished) return result;
      const built = { text: parts.join(''), nodes, starts, shadowRoots };
      if (finished) result = built;
      return built;
    },
  };
}

/** Index a (small) subtree in one go. */
export function buildTextIndex(root: Node): TextIndex {
  const builder = createTextIndexBuilder(root);
  builder.step(() => false);
  return builder.result;
}

/** The last i with `starts[i] <= offset` (or `< offset` when `before` is set). */
function nodeIndexAt(starts: number[], offset: number, before: boolean): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    const start = starts[middle]!;
    if (before ? start < offset : start <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** A (static) range over `text.slice(start, end)` (start < end, both inside one indexed span). */
export function rangeForOffsets(index: TextIndex, start: number, end: number): StaticRange {
  const first = nodeIndexAt(index.starts, start, false);
  const last = nodeIndexAt(index.starts, end, true);
  const startContainer = index.nodes[first]!;
  const endContainer = index.nodes[last]!;
  return new StaticRange({
    startContainer,
    startOffset: Math.min(start - index.starts[first]!, startContainer.length),
    endContainer,
    endOffset: Math.min(end - index.starts[last]!, endContainer.length),
  });
}
