/**
 * The marks on the page: one StaticRange per match, shown through the CSS Custom Highlight API
 * (no DOM change), kept per tree root in document order so a point can be found by binary search.
 */
import type { Match } from '../types';
import { comparePoints, comparePointToRange, textOf } from './ranges';

export type MarkKind = 'term' | 'red-flag';

/** The highlight registry names (other code and tests rely on them). */
export const HIGHLIGHT_NAMES: Record<MarkKind, string> = {
  term: 'bpl-term',
  'red-flag': 'bpl-red-flag',
};

export interface Mark {
  range: StaticRange;
  match: Match;
  kind: MarkKind;
}

export type HighlightStyle = 'underline' | 'background' | 'off';

export interface MarkDisplay {
  style: HighlightStyle;
  redFlagsOnly: boolean;
}

/** Only a red flag the reader states about themselves gets the strong mark. */
export function markKindOf(match: Match): MarkKind {
  return match.context === 'affirmed' && match.redFlagIds.length > 0 ? 'red-flag' : 'term';
}

/**
 * Blue and rose at mid lightness keep their contrast on white and on near-black pages alike; the
 * dotted/solid difference carries the meaning for readers who do not see the colours apart.
 */
const STYLE_RULES: Record<Exclude<HighlightStyle, 'off'>, string> = {
  underline: `
::highlight(bpl-term) { text-decoration: underline dotted 2px #3b82f6; }
::highlight(bpl-red-flag) { text-decoration: underline solid 2px #e11d48; background-color: rgba(225, 29, 72, 0.14); }`,
  background: `
::highlight(bpl-term) { background-color: rgba(59, 130, 246, 0.25); }
::highlight(bpl-red-flag) { background-color: rgba(225, 29, 72, 0.32); text-decoration: underline solid 2px #e11d48; }`,
};

/** The flash that shows where a match the side panel asked for is; shown whatever the style. */
const FLASH_NAME = 'bpl-flash';
const FLASH_RULE = '::highlight(bpl-flash) { background-color: rgba(250, 204, 21, 0.6); }';
const FLASH_MS = 1600;

export function highlightRules(style: HighlightStyle): string {
  return style === 'off' ? FLASH_RULE : STYLE_RULES[style] + FLASH_RULE;
}

export function supportsHighlights(): boolean {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
}

interface Ranged {
  range: AbstractRange;
}

/** Index of the item whose range holds the point, in items sorted in document order, or -1. */
export function findRangeAt(items: readonly Ranged[], node: Node, offset: number): number {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const position = comparePointToRange(items[middle]!.range, node, offset);
    if (position === 0) return middle;
    if (position < 0) high = middle - 1;
    else low = middle + 1;
  }
  return -1;
}

/** Where `range` goes in `items` (document order) so the order holds. */
function insertionPoint(items: readonly Ranged[], range: AbstractRange): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const { startContainer, startOffset } = items[middle]!.range;
    if (comparePoints(startContainer, startOffset, range.startContainer, range.startOffset) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether `node` is `container` or inside it, looking through shadow roots to their hosts. */
export function isWithin(node: Node, container: Node): boolean {
  let current: Node | null = node;
  while (current !== null) {
    if (container.contains(current)) return true;
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return false;
}

/** A mark whose text was edited or removed since it was made. */
function isStale(mark: Mark): boolean {
  const { startContainer, endContainer } = mark.range;
  return !startContainer.isConnected || !endContainer.isConnected || textOf(mark.range) !== mark.match.text;
}

export class MarkStore {
  /** Marks per tree root (document or shadow root), in document order. */
  private readonly byRoot = new Map<Node, Mark[]>();
  private highlights: Record<MarkKind, Highlight> | null;
  /** While set, new ranges go here, off the page, until `showStaged` swaps it in at once. */
  private staged: Record<MarkKind, Highlight> | null = null;
  private readonly sheet: CSSStyleSheet | null;
  private display: MarkDisplay = { style: 'underline', redFlagsOnly: false };
  /** Whether our highlights belong in the page's registry (between `show` and `hide`). */
  private shown = false;
  /** The trees our style sheet was adopted into, to take it back out on `hide`. */
  private readonly styledTrees = new Set<Document | ShadowRoot>();
  /** The flash on show and the timer that ends it; `hide` ends it at once. */
  private flashing: { highlight: Highlight; timer: ReturnType<typeof setTimeout> } | null = null;

  constructor(private readonly document: Document) {
    const rendering = supportsHighlights();
    this.highlights = rendering ? { term: new Highlight(), 'red-flag': new Highlight() } : null;
    this.sheet = rendering ? new CSSStyleSheet() : null;
    this.sheet?.replaceSync(highlightRules(this.display.style));
  }

  get count(): number {
    let total = 0;
    for (const marks of this.byRoot.values()) total += marks.length;
    return total;
  }

  /** Every mark, grouped by tree root, each group in document order. */
  all(): Mark[] {
    return [...this.byRoot.values()].flat();
  }

  /** Add the marks of one scanned stretch of the page (in document order, not yet present). */
  add(marks: readonly Mark[]): void {
    for (const [root, group] of groupByRoot(marks)) {
      const existing = this.byRoot.get(root) ?? [];
      if (existing.length === 0) this.byRoot.set(root, existing);
      const at = insertionPoint(existing, group[0]!.range);
      existing.splice(at, 0, ...group);
      const target = this.staged ?? this.highlights;
      if (target) for (const mark of group) target[mark.kind].add(mark.range);
      this.adoptStyles(root);
    }
  }

  /** Remove the marks inside `container` (including its shadow trees), before it is rescanned. */
  removeWithin(container: Node): void {
    this.removeWhere((mark) => isWithin(mark.range.startContainer, container));
  }

  /** Remove marks whose text was edited or removed. */
  removeStale(): void {
    this.removeWhere(isStale);
  }

  clear(): void {
    this.removeWhere(() => true);
    this.staged = null;
  }

  /**
   * Add the next marks off the page: every change to a shown highlight costs the page a style
   * pass over the whole document, so a long scan shows its marks in one update (`showStaged`).
   */
  stage(): void {
    if (!this.highlights || this.staged) return;
    this.staged = {
      term: new Highlight(...this.highlights.term),
      'red-flag': new Highlight(...this.highlights['red-flag']),
    };
  }

  get staging(): boolean {
    return this.staged !== null;
  }

  /** Show the staged marks along with the shown ones, in one update. */
  showStaged(): void {
    if (!this.staged) return;
    this.highlights = this.staged;
    this.staged = null;
    this.syncRegistry();
  }

  /** The shown mark at a point of the page, if any. */
  markAt(node: Node, offset: number): Mark | null {
    const marks = this.byRoot.get(node.getRootNode());
    if (!marks || !this.highlights) return null;
    const found = marks[findRangeAt(marks, node, offset)];
    return found && this.isShown(found.kind) ? found : null;
  }

  /** Highlight `range` for a moment (it need not be a shown mark). */
  flash(range: AbstractRange): void {
    if (!this.highlights) return;
    this.endFlash();
    const highlight = new Highlight(range);
    CSS.highlights.set(FLASH_NAME, highlight);
    this.flashing = { highlight, timer: setTimeout(() => this.endFlash(), FLASH_MS) };
  }

  private endFlash(): void {
    if (!this.flashing) return;
    clearTimeout(this.flashing.timer);
    if (CSS.highlights.get(FLASH_NAME) === this.flashing.highlight) CSS.highlights.delete(FLASH_NAME);
    this.flashing = null;
  }

  /** The shadow roots holding marks (for hit-testing into them). */
  shadowRoots(): ShadowRoot[] {
    return [...this.byRoot.keys()].filter((root): root is ShadowRoot => root instanceof ShadowRoot);
  }

  isShown(kind: MarkKind): boolean {
    if (this.display.style === 'off') return false;
    return kind === 'red-flag' || !this.display.redFlagsOnly;
  }

  /** Apply the user's display settings: restyle the highlights, register the allowed ones. */
  setDisplay(display: MarkDisplay): void {
    this.display = display;
    this.sheet?.replaceSync(highlightRules(display.style));
    this.syncRegistry();
  }

  /** Put the highlights the display settings allow into the page's registry. */
  show(): void {
    this.shown = true;
    this.syncRegistry();
  }

  /** Take our highlights out of the page's registry and our styles out of its trees. */
  hide(): void {
    this.shown = false;
    this.endFlash();
    this.syncRegistry();
    for (const tree of this.styledTrees) {
      tree.adoptedStyleSheets = tree.adoptedStyleSheets.filter((sheet) => sheet !== this.sheet);
    }
    this.styledTrees.clear();
  }

  private syncRegistry(): void {
    if (!this.highlights) return;
    for (const kind of Object.keys(HIGHLIGHT_NAMES) as MarkKind[]) {
      const name = HIGHLIGHT_NAMES[kind];
      if (this.shown && this.isShown(kind)) CSS.highlights.set(name, this.highlights[kind]);
      // Only ever remove our own: a page is free to use the same name.
      else if (CSS.highlights.get(name) === this.highlights[kind]) CSS.highlights.delete(name);
    }
  }

  private removeWhere(shouldRemove: (mark: Mark) => boolean): void {
    for (const [root, marks] of this.byRoot) {
      const kept = marks.filter((mark) => {
        if (!shouldRemove(mark)) return true;
        this.highlights?.[mark.kind].delete(mark.range);
        this.staged?.[mark.kind].delete(mark.range);
        return false;
      });
      if (kept.length === 0) this.byRoot.delete(root);
      else if (kept.length !== marks.length) this.byRoot.set(root, kept);
    }
  }

  /** `::highlight()` rules apply per tree: each root holding a mark adopts our sheet. */
  private adoptStyles(root: Node): void {
    if (!this.sheet) return;
    const target = root instanceof ShadowRoot ? root : this.document;
    if (this.styledTrees.has(target)) return;
    this.styledTrees.add(target);
    target.adoptedStyleSheets = [...target.adoptedStyleSheets, this.sheet];
  }
}

/** Marks by tree root; marks whose text left the page while it was being scanned are dropped. */
function groupByRoot(marks: readonly Mark[]): Map<Node, Mark[]> {
  const groups = new Map<Node, Mark[]>();
  for (const mark of marks) {
    if (!mark.range.startContainer.isConnected) continue;
    const root = mark.range.startContainer.getRootNode();
    const group = groups.get(root);
    if (group) group.push(mark);
    else groups.set(root, [mark]);
  }
  return groups;
}
