/**
 * The page's readable text, read by one TreeWalker pass that can be paused between nodes, and cut
 * into stretches of a few thousand characters as it goes: the whole text is never held at once.
 * Each stretch carries the text around it (detection's context), its nodes (to make ranges), the
 * blocks it spans (where its anchors are, and later its posts), and the points where it starts and
 * ends, which is all the page keeps of it: `rewalk` finds its nodes again from those.
 */
import { LOOKAHEAD_CHARS, LOOKBACK_CHARS } from '../detect/window';

/**
 * How much text around a stretch detection may read: the window `detectRange` takes before and
 * after a range, and the most it runs on to reach a line break or a space (lib/detect/window.ts).
 * With this much around it, a stretch is detected as it would be in the whole text.
 */
const WINDOW_SNAP_CHARS = 1_000;
export const CONTEXT_BEFORE_MAX_CHARS = LOOKBACK_CHARS + WINDOW_SNAP_CHARS;
export const CONTEXT_AFTER_MAX_CHARS = LOOKAHEAD_CHARS + WINDOW_SNAP_CHARS;

/** A place in the text: a text node and an offset in its data. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/** Text nodes and the offset (in some text) of each one's first character. */
export interface NodeOffsets {
  nodes: Text[];
  /** `starts[i]` is the offset of `nodes[i]`'s first character; the first may be negative. */
  starts: number[];
}

/** Where a block of text begins in a stretch, and the element (or tree root) that holds it. */
export interface BlockStart {
  at: number;
  container: Node;
}

/** One stretch of one tree's text, cut from the walk, with the text around it. */
export interface Stretch extends NodeOffsets {
  /** The document or shadow root holding every node of the stretch. */
  tree: Node;
  /** The stretch is `text[from, to)`; the rest is the context around it. Offsets below are relative to `from`. */
  text: string;
  from: number;
  to: number;
  blocks: BlockStart[];
  start: TextPoint;
  end: TextPoint;
  /** Where the context before a stretch that follows this one starts (here or before). */
  tail: TextPoint;
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

/** A document being edited as a whole (an editor frame): none of its text is prose to mark. */
export function isEditableDocument(document: Document): boolean {
  return document.designMode === 'on';
}

/**
 * Whether nothing under `node` may be scanned because it or an ancestor (across shadow roots) is
 * skipped, or its document is being edited.
 */
export function isInSkippedSubtree(node: Node): boolean {
  if (node.ownerDocument && isEditableDocument(node.ownerDocument)) return true;
  // Node types, not `instanceof`: tools run this in Node on a happy-dom page, without DOM globals.
  const hostOf = (root: Node) => (root as Partial<ShadowRoot>).host ?? null;
  let element: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : (hostOf(node) ?? node.parentElement);
  while (element !== null) {
    if (element.closest(SKIPPED_SUBTREE_SELECTOR) !== null) return true;
    element = hostOf(element.getRootNode());
  }
  return false;
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

/** What the walk meets next: a text node, or the border of a shadow tree (entered or left). */
type WalkStep = { node: Text; separated: boolean; container: Node } | { border: true };

/**
 * Text nodes in document order, skipping what is not prose, with whether a block separator goes
 * before each. With `intoShadows`, open shadow roots are walked where their host stands, and
 * `onShadowRoot` hears of each. Elements are checked with `matches` as they come: the walk can
 * start anywhere, and a NodeFilter callback (called for every node) is several times slower.
 */
class TextWalk {
  readonly #walks: { walker: TreeWalker; next: Node | null }[] = [];
  #lastContainer: Node | null = null;
  #lastParent: Node | null = null;
  #lineBreakPending = false;
  #started = false;

  readonly #ownerDocument: Document;
  readonly #intoShadows: boolean;
  readonly #onShadowRoot: ((root: ShadowRoot) => void) | undefined;

  constructor(
    ownerDocument: Document,
    root: Node,
    from: Node | null,
    intoShadows: boolean,
    onShadowRoot?: (root: ShadowRoot) => void,
  ) {
    this.#ownerDocument = ownerDocument;
    this.#intoShadows = intoShadows;
    this.#onShadowRoot = onShadowRoot;
    const walker = ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    if (from) walker.currentNode = from;
    this.#walks.push({ walker, next: from ?? walker.nextNode() });
    if (!from && root.nodeType === Node.ELEMENT_NODE) this.#openShadow(root as Element);
  }

  /** The next step, or null when the walk is over. */
  next(): WalkStep | null {
    for (;;) {
      const walk = this.#walks[this.#walks.length - 1];
      if (walk === undefined) return null;
      const node = walk.next;
      if (node === null) {
        this.#walks.pop();
        if (this.#walks.length > 0) return { border: true };
        continue;
      }
      if (node.nodeType === Node.TEXT_NODE) {
        walk.next = walk.walker.nextNode();
        const step = this.#textStep(node as Text);
        if (step) return step;
        continue;
      }
      const element = node as Element;
      if (element.matches(SKIPPED_SUBTREE_SELECTOR)) {
        walk.next = nextOutside(walk.walker);
        continue;
      }
      if (element.localName === 'br') this.#lineBreakPending = true;
      walk.next = walk.walker.nextNode();
      if (element.shadowRoot) {
        if (!this.#intoShadows) return { border: true };
        this.#openShadow(element);
        return { border: true };
      }
    }
  }

  #openShadow(host: Element): void {
    const shadowRoot = host.shadowRoot;
    if (!shadowRoot || !this.#intoShadows) return;
    this.#onShadowRoot?.(shadowRoot);
    const walker = this.#ownerDocument.createTreeWalker(shadowRoot, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    this.#walks.push({ walker, next: walker.nextNode() });
  }

  #textStep(node: Text): WalkStep | null {
    if (node.length === 0) return null;
    // Text nodes that share a parent share a block container: skip the walk up the tree.
    const container = node.parentNode === this.#lastParent ? this.#lastContainer! : blockContainerOf(node);
    const separated = this.#started && (this.#lineBreakPending || container !== this.#lastContainer);
    this.#started = true;
    this.#lineBreakPending = false;
    this.#lastContainer = container;
    this.#lastParent = node.parentNode;
    return { node, separated, container };
  }
}

/** Where a walk starts, where its stretches start and where they end; null means the tree's start or end. */
export interface WalkBounds {
  /** The walk starts here; the text before `emitFrom` is read as context only. */
  from?: TextPoint | null;
  emitFrom?: TextPoint | null;
  /** No stretch goes past this point; the walk reads on only for the context after it. */
  to?: TextPoint | null;
}

/** A text node's data as the walk read it, placed in the walk's text. */
interface Entry {
  node: Text;
  tree: Node;
  /** Offset of the node's first character in the walk's text (those before `from` are not in it). */
  at: number;
  length: number;
  container: Node;
  /** A block separator goes before it. */
  separated: boolean;
  /** It holds more than white space. */
  hasText: boolean;
}

/** How far a stretch may run past its size looking for a line end before it is cut inside one. */
const STRETCH_OVERRUN = 2;
/** A time check per node would cost more than the work it guards. */
const NODES_PER_TIME_CHECK = 256;

export interface TextIndexBuilder {
  /**
   * The next stretch of about `size` characters, 'paused' when `timeIsUp` says so first, or null
   * when the walk is over. A stretch ends at a line end where it can, inside a line (after a
   * sentence or a space) when a line is much longer than `size`, and always where the walk enters
   * or leaves a shadow tree.
   */
  next(timeIsUp: () => boolean, size: number): Stretch | 'paused' | null;
  /** Whether the walk met `bounds.emitFrom` (false means the page changed under the bounds). */
  readonly reachedStart: boolean;
}

/** Blank stretches need no piece. */
const HAS_TEXT = /\S/;

export function createTextIndexBuilder(
  root: Node,
  bounds: WalkBounds = {},
  onShadowRoot?: (root: ShadowRoot) => void,
): TextIndexBuilder {
  const ownerDocument = root.ownerDocument ?? (root as Document);
  const from = bounds.from ?? null;
  const walk = new TextWalk(ownerDocument, root, from?.node ?? null, true, onShadowRoot);
  // The walk's text from `base` on, in the walk's own offsets (0 is where it started).
  let text = '';
  let base = 0;
  let entries: Entry[] = [];
  let added = 0;
  /** Where the walk enters or leaves a shadow tree, and `to`: stretches always end there. */
  const borders: number[] = [];
  let lastTree: Node | null = null;
  /** Where the next stretch starts; null before `emitFrom` is reached and after `to`. */
  let emitStart: number | null = bounds.emitFrom ? null : 0;
  let stopAt: number | null = null;
  let stopped = false;
  let walkDone = false;
  let reachedStart = !bounds.emitFrom;
  // An editable or hidden root (a `<body contenteditable>`, a designMode document) has no prose.
  if (isInSkippedSubtree(from?.node ?? root)) walkDone = true;

  const end = () => base + text.length;

  const add = (step: WalkStep) => {
    if ('border' in step) {
      borders.push(end());
      return;
    }
    const { node, container } = step;
    const separated = step.separated && added > 0;
    // One read of the node's text: in Firefox each read of `data` copies it (2 MB for a log).
    const data = asRendered(node, node.data);
    const skip = added === 0 && from?.node === node ? Math.min(from.offset, data.length) : 0;
    if (separated) text += BLOCK_SEPARATOR;
    const tree = node.getRootNode();
    if (lastTree !== null && tree !== lastTree) borders.push(end() - (separated ? 1 : 0));
    lastTree = tree;
    const at = end() - skip;
    text += skip > 0 ? data.slice(skip) : data;
    entries.push({ node, tree, at, length: data.length, container, separated, hasText: HAS_TEXT.test(data) });
    added++;
    if (!reachedStart && node === bounds.emitFrom!.node) {
      emitStart = Math.max(0, Math.min(at + bounds.emitFrom!.offset, end()));
      reachedStart = true;
    }
    if (bounds.to && stopAt === null && node === bounds.to.node) {
      stopAt = Math.max(at + bounds.to.offset, emitStart ?? 0);
      borders.push(stopAt);
    }
  };

  /** Walk on for a batch of nodes, or until a stretch can be cut; true when the walk is over. */
  const walkSome = (size: number): boolean => {
    for (let visited = 0; visited < NODES_PER_TIME_CHECK && !canCut(size); visited++) {
      // Past `to`, read only as far as the context after it needs.
      if (stopAt !== null && end() >= stopAt + CONTEXT_AFTER_MAX_CHARS) return (walkDone = true);
      const step = walk.next();
      if (step === null) return (walkDone = true);
      add(step);
    }
    return false;
  };

  /** A cut inside a long line: after the first sentence end from `low`, else after a space. */
  const innerCut = (low: number, high: number): number => {
    const window = text.slice(low - base, high - base);
    const sentence = window.indexOf('. ');
    if (sentence !== -1) return low + sentence + 2;
    const space = window.indexOf(' ');
    return space === -1 ? high : low + space + 1;
  };

  /** Where the stretch from `start` ends, or null until enough text is read to say. */
  const cutAfter = (start: number, size: number): number | null => {
    const border = borders.find((at) => at > start);
    const limit = Math.min(border ?? Infinity, walkDone ? end() : Infinity);
    const wanted = start + size;
    if (wanted < limit) {
      const cap = start + size * STRETCH_OVERRUN;
      const lineEnd = text.slice(wanted - base, Math.min(cap, limit, end()) - base).indexOf('\n');
      if (lineEnd !== -1) return wanted + lineEnd;
      if (cap <= Math.min(limit, end())) return innerCut(wanted, cap);
    }
    return limit === Infinity ? null : limit;
  };

  /** The entry holding `position`, or the first one after it when it falls between two. */
  const entryFrom = (position: number): number => {
    let low = 0;
    let high = entries.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (entries[middle]!.at <= position) low = middle;
      else high = middle - 1;
    }
    const entry = entries[low]!;
    return position >= entry.at + entry.length && low + 1 < entries.length ? low + 1 : low;
  };

  const pointAt = (index: number, position: number): TextPoint => {
    const entry = entries[index]!;
    return { node: entry.node, offset: Math.max(0, Math.min(entry.length, position - entry.at)) };
  };

  const isLineBreak = (position: number) => position < end() && text.charCodeAt(position - base) === 10;
  /**
   * White space (source line breaks read as spaces included): a stretch neither starts nor ends
   * in it, so the white space after a thread's last post is in no piece, and a post appended
   * there changes no piece.
   */
  const isBlank = (position: number) => {
    if (position >= end()) return false;
    const code = text.charCodeAt(position - base);
    return code === 32 || (code >= 9 && code <= 13);
  };

  /** The stretch `[start, stretchEnd)`; the next one starts at `cut` (or after the line break there). */
  const stretchOf = (start: number, stretchEnd: number, cut: number): Stretch => {
    const first = entryFrom(start);
    let last = first;
    while (last + 1 < entries.length && entries[last + 1]!.at < stretchEnd) last++;
    const nodes: Text[] = [];
    const starts: number[] = [];
    const blocks: BlockStart[] = [];
    for (let i = first; i <= last; i++) {
      const entry = entries[i]!;
      nodes.push(entry.node);
      starts.push(entry.at - start);
      // Blocks of prose only: white space between two blocks sits in their parent.
      const startsBlock = i === first || entry.separated || blocks.length === 0;
      if (startsBlock && blocks.at(-1)?.container !== entry.container && entry.hasText) {
        blocks.push({ at: Math.max(0, entry.at - start), container: entry.container });
      }
    }
    const nextStart = isLineBreak(cut) ? cut + 1 : cut;
    const tailAt = Math.max(base, nextStart - CONTEXT_BEFORE_MAX_CHARS);
    const contextFrom = Math.max(base, start - CONTEXT_BEFORE_MAX_CHARS);
    const contextTo = Math.min(end(), stretchEnd + CONTEXT_AFTER_MAX_CHARS);
    return {
      tree: entries[first]!.tree,
      text: text.slice(contextFrom - base, contextTo - base),
      from: start - contextFrom,
      to: stretchEnd - contextFrom,
      nodes,
      starts,
      blocks,
      start: pointAt(first, start),
      end: pointAt(last, stretchEnd),
      tail: pointAt(entryFrom(tailAt), tailAt),
    };
  };

  /** Forget what no later stretch needs, keeping the context before the next one. */
  const forgetBefore = (position: number) => {
    const keepFrom = Math.max(base, position - CONTEXT_BEFORE_MAX_CHARS - 1);
    // Cut the text rarely: each cut copies what is kept.
    if (keepFrom - base < 8_192) return;
    text = text.slice(keepFrom - base);
    base = keepFrom;
    const firstKept = entries.findIndex((entry) => entry.at + entry.length > keepFrom);
    if (firstKept > 0) entries = entries.slice(firstKept);
    while (borders.length > 0 && borders[0]! < position) borders.shift();
  };

  /** The next stretch that can be cut now (undefined if none yet; null if it was blank). */
  const take = (size: number): Stretch | null | undefined => {
    if (emitStart === null) return undefined;
    let start = emitStart;
    while (isBlank(start)) start++;
    if ((walkDone && start >= end()) || (stopAt !== null && start >= stopAt)) {
      emitStart = null;
      stopped = true;
      return undefined;
    }
    const cut = cutAfter(start, size);
    if (cut === null || !(walkDone || end() >= cut + CONTEXT_AFTER_MAX_CHARS)) return undefined;
    // A stretch ends on text, never on the separator or the white space after its last words.
    let stretchEnd = cut;
    while (stretchEnd > start && isBlank(stretchEnd - 1)) stretchEnd--;
    const stretch = stretchEnd > start ? stretchOf(start, stretchEnd, cut) : null;
    if (stopAt !== null && cut >= stopAt) {
      emitStart = null;
      stopped = true;
    } else {
      emitStart = isLineBreak(cut) ? cut + 1 : cut;
      forgetBefore(emitStart);
    }
    return stretch && HAS_TEXT.test(stretch.text.slice(stretch.from, stretch.to)) ? stretch : null;
  };

  /**
   * Whether enough text is read to cut the next stretch and give it its context. Until then the
   * text is not looked at: reading a string that grows by appending flattens it each time.
   */
  const canCut = (size: number): boolean => {
    if (emitStart === null) return false;
    if (walkDone) return true;
    const border = borders.find((at) => at > emitStart!);
    if (border !== undefined && end() >= border + CONTEXT_AFTER_MAX_CHARS) return true;
    return end() >= emitStart + size * STRETCH_OVERRUN + CONTEXT_AFTER_MAX_CHARS;
  };

  return {
    next(timeIsUp, size) {
      // The page changed while the walk was paused and its end left the page: stop where it is
      // (the change that removed it brings its own records, and the rest is scanned with them).
      if (bounds.to && stopAt === null && !bounds.to.node.isConnected) {
        stopAt = end();
        borders.push(stopAt);
        walkDone = true;
      }
      for (;;) {
        while (canCut(size)) {
          const stretch = take(size);
          if (stretch === undefined) break;
          if (stretch !== null) return stretch;
        }
        if (stopped || walkDone) return null;
        walkSome(size);
        if (!walkDone && timeIsUp()) return 'paused';
      }
    },
    get reachedStart() {
      return reachedStart;
    },
  };
}

/** The whole text of a subtree as the walk reads it, and where each of its nodes starts in it. */
export interface TextIndex extends NodeOffsets {
  text: string;
}

/**
 * The whole text of a (small) subtree at once, blocks separated as in stretches: for tools and
 * tests that read a saved page whole. The content script never holds a page's text in one piece.
 */
export function buildTextIndex(root: Node): TextIndex {
  const index: TextIndex = { text: '', nodes: [], starts: [] };
  if (isInSkippedSubtree(root)) return index;
  const walk = new TextWalk(root.ownerDocument ?? (root as Document), root, null, true);
  const parts: string[] = [];
  let length = 0;
  for (let step = walk.next(); step !== null; step = walk.next()) {
    if ('border' in step) continue;
    const data = asRendered(step.node, step.node.data);
    if (step.separated && index.nodes.length > 0) {
      parts.push(BLOCK_SEPARATOR);
      length += BLOCK_SEPARATOR.length;
    }
    index.nodes.push(step.node);
    index.starts.push(length);
    parts.push(data);
    length += data.length;
  }
  index.text = parts.join('');
  return index;
}

/**
 * A text node's words as the page shows them: a line break in the HTML source of a paragraph is a
 * space on screen, so it must not end a sentence ("lost about\n    5 kg"); inside `<pre>` it is a
 * line break. Same length, so offsets stay on the node's text.
 */
function asRendered(node: Text, data: string): string {
  if (!data.includes('\n') && !data.includes('\r')) return data;
  if (node.parentElement?.closest('pre') != null) return data;
  return data.replace(/[\r\n]/g, ' ');
}

/** Every stretch of a (small) subtree at once: for tests and tools. */
export function stretchesOf(root: Node, size = 1_000_000): Stretch[] {
  const builder = createTextIndexBuilder(root);
  const stretches: Stretch[] = [];
  for (let stretch = builder.next(() => false, size); stretch !== null; stretch = builder.next(() => false, size)) {
    if (stretch !== 'paused') stretches.push(stretch);
  }
  return stretches;
}

/**
 * The nodes of the text from `start` for `length` characters, found again by the same walk that
 * cut it, read on to `until` characters (a match may end past the end); null if the page no longer
 * holds that text the way it did (then it must be scanned again).
 */
export function rewalk(start: TextPoint, end: TextPoint, length: number, until = length): NodeOffsets | null {
  const { node: first } = start;
  if (!first.isConnected || start.offset > first.length) return null;
  const walk = new TextWalk(first.ownerDocument, first.getRootNode(), first, false);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let at = start.offset === 0 ? 0 : -start.offset;
  let reachedEnd = false;
  for (let step = walk.next(); step !== null; step = walk.next()) {
    if ('border' in step) {
      if (reachedEnd) break;
      return null;
    }
    if (nodes.length > 0) at += nodes[nodes.length - 1]!.length + (step.separated ? 1 : 0);
    if (!reachedEnd && at > length) return null;
    nodes.push(step.node);
    starts.push(at);
    if (step.node === end.node && !reachedEnd) {
      if (at + end.offset !== length) return null;
      reachedEnd = true;
    }
    if (reachedEnd && at + step.node.length >= until) break;
  }
  return reachedEnd ? { nodes, starts } : null;
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

/** The node holding the character at `offset`. */
export function nodeAt(index: NodeOffsets, offset: number): Text {
  return index.nodes[nodeIndexAt(index.starts, offset, false)]!;
}

/** A (static) range over the text from `start` to `end` (start < end), in the nodes' own text. */
export function rangeForOffsets(index: NodeOffsets, start: number, end: number): StaticRange {
  const first = nodeIndexAt(index.starts, start, false);
  const last = nodeIndexAt(index.starts, end, true);
  const startContainer = index.nodes[first]!;
  const endContainer = index.nodes[last]!;
  return new StaticRange({
    startContainer,
    startOffset: Math.max(0, Math.min(start - index.starts[first]!, startContainer.length)),
    endContainer,
    endOffset: Math.max(0, Math.min(end - index.starts[last]!, endContainer.length)),
  });
}
