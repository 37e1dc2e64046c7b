/**
 * The marks on the page that are shown now: one StaticRange per match, through the CSS Custom
 * Highlight API (no DOM change), kept per tree root in document order so a point can be found by
 * binary search. Only the marks near the viewport are here (see viewport.ts): after every change
 * to the page's DOM the browser rebuilds its highlight markers from every registered range.
 */
import type { Match } from '../types';
import { comparePoints, comparePointToRange } from './ranges';

export type MarkKind = 'term' | 'red-flag';

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

/** Our highlights: one per kind of mark, and the flash of a revealed match. */
export type HighlightNames = Record<MarkKind | 'flash', string>;

/**
 * Fresh names for our highlights, different on every page: a page can list the highlights in its
 * registry, and a name of ours must neither say what we are nor take the place of one of its own.
 */
function randomNames(): HighlightNames {
  const name = () => `h${crypto.getRandomValues(new Uint32Array(2)).reduce((text, word) => text + word.toString(36), '')}`;
  return { term: name(), 'red-flag': name(), flash: name() };
}

/**
 * Blue and rose at mid lightness keep their contrast on white and on near-black pages alike; the
 * dotted/solid difference carries the meaning for readers who do not see the colours apart.
 */
const STYLE_DECLARATIONS: Record<Exclude<HighlightStyle, 'off'>, Record<MarkKind, string>> = {
  underline: {
    term: 'text-decoration: underline dotted 2px #3b82f6;',
    'red-flag': 'text-decoration: underline solid 2px #e11d48; background-color: rgba(225, 29, 72, 0.14);',
  },
  background: {
    term: 'background-color: rgba(59, 130, 246, 0.25);',
    'red-flag': 'background-color: rgba(225, 29, 72, 0.32); text-decoration: underline solid 2px #e11d48;',
  },
};

/** The flash that shows where a match the side panel asked for is; shown whatever the style. */
const FLASH_DECLARATIONS = 'background-color: rgba(250, 204, 21, 0.6);';
const FLASH_MS = 1600;

export function highlightRules(style: HighlightStyle, names: HighlightNames): string {
  const flash = `::highlight(${names.flash}) { ${FLASH_DECLARATIONS} }`;
  if (style === 'off') return flash;
  const declarations = STYLE_DECLARATIONS[style];
  return [
    `::highlight(${names.term}) { ${declarations.term} }`,
    `::highlight(${names['red-flag']}) { ${declarations['red-flag']} }`,
    flash,
  ].join('\n');
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

/** How many times in a row the page may take our fresh names before we give up registering. */
const MAX_RENAMES = 3;

export class MarkStore {
  /** Shown marks per tree root (document or shadow root), in document order. */
  readonly #byRoot = new Map<Node, Mark[]>();
  readonly #highlights: Record<MarkKind, Highlight> | null;
  #names: HighlightNames = randomNames();
  readonly #sheet: CSSStyleSheet | null;
  #display: MarkDisplay = { style: 'underline', redFlagsOnly: false };
  /** Whether our highlights belong in the page's registry (between `show` and `hide`). */
  #shown = false;
  /** The trees our style sheet was adopted into, to take it back out on `hide`. */
  readonly #styledTrees = new Set<Document | ShadowRoot>();
  /** The flash on show and the timer that ends it; `hide` ends it at once. */
  #flashing: { highlight: Highlight; timer: ReturnType<typeof setTimeout> } | null = null;

  readonly #document: Document;

  constructor(document: Document) {
    this.#document = document;
    const rendering = supportsHighlights();
    this.#highlights = rendering ? { term: new Highlight(), 'red-flag': new Highlight() } : null;
    this.#sheet = rendering ? new CSSStyleSheet() : null;
    this.#restyle();
  }

  /** The names our highlights have in the page's registry (new ones if the page takes one). */
  get highlightNames(): Readonly<HighlightNames> {
    return this.#names;
  }

  get count(): number {
    let total = 0;
    for (const marks of this.#byRoot.values()) total += marks.length;
    return total;
  }

  /** Show the marks of one stretch of the page (in document order, not yet shown). */
  add(marks: readonly Mark[]): void {
    for (const [root, group] of groupByRoot(marks)) {
      const existing = this.#byRoot.get(root) ?? [];
      if (existing.length === 0) this.#byRoot.set(root, existing);
      existing.splice(insertionPoint(existing, group[0]!.range), 0, ...group);
      if (this.#highlights) for (const mark of group) this.#highlights[mark.kind].add(mark.range);
      this.#adoptStyles(root);
    }
    this.#syncRegistry();
  }

  /** Take these marks off the page. */
  remove(marks: readonly Mark[]): void {
    if (marks.length === 0) return;
    const removed = new Set(marks);
    for (const [root, shown] of this.#byRoot) {
      const kept = shown.filter((mark) => !removed.has(mark));
      if (kept.length === shown.length) continue;
      if (kept.length === 0) this.#byRoot.delete(root);
      else this.#byRoot.set(root, kept);
    }
    if (this.#highlights) for (const mark of marks) this.#highlights[mark.kind].delete(mark.range);
    this.#syncRegistry();
  }

  clear(): void {
    this.#byRoot.clear();
    this.#highlights?.term.clear();
    this.#highlights?.['red-flag'].clear();
    this.#syncRegistry();
  }

  /** The shown mark at a point of the page, if any. */
  markAt(node: Node, offset: number): Mark | null {
    const marks = this.#byRoot.get(node.getRootNode());
    if (!marks || !this.#highlights) return null;
    const found = marks[findRangeAt(marks, node, offset)];
    return found && this.isShown(found.kind) ? found : null;
  }

  /** Highlight `range` (or several) for a moment (it need not be a shown mark). */
  flash(range: AbstractRange | readonly AbstractRange[]): void {
    if (!this.#highlights) return;
    this.#endFlash();
    const highlight = new Highlight(...(Array.isArray(range) ? range : [range as AbstractRange]));
    if (this.#claim('flash', highlight)) this.#flashing = { highlight, timer: setTimeout(() => this.#endFlash(), FLASH_MS) };
  }

  /** The shadow roots holding marks (for hit-testing into them). */
  shadowRoots(): ShadowRoot[] {
    return [...this.#byRoot.keys()].filter((root): root is ShadowRoot => root instanceof ShadowRoot);
  }

  isShown(kind: MarkKind): boolean {
    if (this.#display.style === 'off') return false;
    return kind === 'red-flag' || !this.#display.redFlagsOnly;
  }

  /** Apply the user's display settings: restyle the highlights, register the allowed ones. */
  setDisplay(display: MarkDisplay): void {
    this.#display = display;
    this.#restyle();
    this.#syncRegistry();
  }

  /** Put the highlights the display settings allow into the page's registry. */
  show(): void {
    this.#shown = true;
    this.#syncRegistry();
  }

  /** Take our highlights out of the page's registry and our styles out of its trees. */
  hide(): void {
    this.#shown = false;
    this.#endFlash();
    this.#syncRegistry();
    for (const tree of this.#styledTrees) {
      tree.adoptedStyleSheets = tree.adoptedStyleSheets.filter((sheet) => sheet !== this.#sheet);
    }
    this.#styledTrees.clear();
  }

  #endFlash(): void {
    if (!this.#flashing) return;
    clearTimeout(this.#flashing.timer);
    this.#release('flash', this.#flashing.highlight);
    this.#flashing = null;
  }

  #restyle(): void {
    this.#sheet?.replaceSync(highlightRules(this.#display.style, this.#names));
  }

  /**
   * Register our highlights that hold marks and may be shown, and only those: an empty one would
   * still tell the page that we are here.
   */
  #syncRegistry(): void {
    if (!this.#highlights) return;
    for (const kind of ['term', 'red-flag'] as const) {
      const highlight = this.#highlights[kind];
      if (this.#shown && this.isShown(kind) && highlight.size > 0) this.#claim(kind, highlight);
      else this.#release(kind, highlight);
    }
  }

  /**
   * Register `highlight` under our name for `which`. A page's own highlight is never replaced: if
   * the page holds that name, ours all move to fresh names.
   */
  #claim(which: keyof HighlightNames, highlight: Highlight): boolean {
    for (let renames = 0; renames <= MAX_RENAMES; renames++) {
      const holder = CSS.highlights.get(this.#names[which]);
      if (holder === highlight) return true;
      if (holder === undefined) {
        CSS.highlights.set(this.#names[which], highlight);
        return true;
      }
      this.#rename();
    }
    return false;
  }

  #release(which: keyof HighlightNames, highlight: Highlight): void {
    if (CSS.highlights.get(this.#names[which]) === highlight) CSS.highlights.delete(this.#names[which]);
  }

  /** Move our registered highlights and their style rules to fresh names. */
  #rename(): void {
    const ours: [keyof HighlightNames, Highlight | undefined][] = [
      ['term', this.#highlights?.term],
      ['red-flag', this.#highlights?.['red-flag']],
      ['flash', this.#flashing?.highlight],
    ];
    const registered = ours.filter(([which, highlight]) => highlight && CSS.highlights.get(this.#names[which]) === highlight);
    for (const [which] of registered) CSS.highlights.delete(this.#names[which]);
    this.#names = randomNames();
    this.#restyle();
    for (const [which, highlight] of registered) CSS.highlights.set(this.#names[which], highlight!);
  }

  /** `::highlight()` rules apply per tree: each root holding a mark adopts our sheet. */
  #adoptStyles(root: Node): void {
    if (!this.#sheet) return;
    const target = root instanceof ShadowRoot ? root : this.#document;
    if (this.#styledTrees.has(target)) return;
    this.#styledTrees.add(target);
    target.adoptedStyleSheets = [...target.adoptedStyleSheets, this.#sheet];
  }
}

/** Marks by tree root; marks whose text left the page meanwhile are dropped. */
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
