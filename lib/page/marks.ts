/**
 * The marks on the page that are shown now: one StaticRange per match, through the CSS Custom
 * Highlight API (no DOM change), kept by the text nodes they cover so a point is found by its node.
 * Only the marks near the viewport are here (see viewport.ts): after every change
 * to the page's DOM the browser rebuilds its highlight markers from every registered range.
 */
import type { Match } from '../types';
import { comparePointToRange } from './ranges';

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

/**
 * The element our rules are written for. For every element (a bare `::highlight()`), Chromium keeps
 * highlight style data on each one (+9.5 MB of Blink memory on a 5,000-post thread) and restyles
 * the whole document when the sheet is adopted; written for the root, its highlights inherit the
 * style down the tree (shadow trees through their hosts). Firefox ESR 140 does not inherit
 * highlight styles (a rule on the root paints nothing), so there the rules stay universal.
 */
// `import.meta.env` is the build's (WXT's); the command-line tools import this module in Node, without it.
const RULES_ON = import.meta.env?.FIREFOX ? '' : ':root';

export function highlightRules(style: HighlightStyle, names: HighlightNames): string {
  const flash = `${RULES_ON}::highlight(${names.flash}) { ${FLASH_DECLARATIONS} }`;
  if (style === 'off') return flash;
  const declarations = STYLE_DECLARATIONS[style];
  return [
    `${RULES_ON}::highlight(${names.term}) { ${declarations.term} }`,
    `${RULES_ON}::highlight(${names['red-flag']}) { ${declarations['red-flag']} }`,
    flash,
  ].join('\n');
}

export function supportsHighlights(): boolean {
  return typeof Highlight === 'function' && typeof CSS !== 'undefined' && 'highlights' in CSS;
}

/** The text nodes a range over text covers, in order: its start node, those between, its end node. */
function textsOf(range: AbstractRange): Text[] {
  const first = range.startContainer as Text;
  if (range.endContainer === first) return [first];
  const texts = [first];
  const walker = first.ownerDocument.createTreeWalker(first.getRootNode(), NodeFilter.SHOW_TEXT);
  walker.currentNode = first;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    texts.push(node as Text);
    if (node === range.endContainer) break;
  }
  return texts;
}

/** The first text node at or after a point between nodes (`node` an element or tree root). */
function textAfter(node: Node, offset: number): Text | null {
  let next: Node | null = node.childNodes[offset] ?? null;
  for (let at: Node | null = node; next === null && at !== null; at = at.parentNode) next = at.nextSibling;
  if (next === null || next.nodeType === Node.TEXT_NODE) return next as Text | null;
  const walker = node.ownerDocument!.createTreeWalker(node.getRootNode(), NodeFilter.SHOW_TEXT);
  walker.currentNode = next;
  return walker.nextNode() as Text | null;
}

/** Where a shown mark is: its tree and the text nodes it covers (as they were when it was shown). */
interface Placed {
  root: Node;
  texts: Text[];
}

/** How many times in a row the page may take our fresh names before we give up registering. */
const MAX_RENAMES = 3;

export class MarkStore {
  /**
   * The shown marks, and by text node the marks over it: a point is found by its node, never by
   * ordering marks in the tree (in a content script each node a walk visits costs a wrapper of its
   * own, and ordering marks at two ends of a 9,000-post thread cost 50 – 300 ms an insertion).
   */
  readonly #placed = new Map<Mark, Placed>();
  readonly #byText = new Map<Text, Mark[]>();
  /** How many shown marks each tree root (document or shadow root) holds. */
  readonly #perRoot = new Map<Node, number>();
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
    return this.#placed.size;
  }

  /** Show these marks (not yet shown); marks whose text left the page meanwhile are dropped. */
  add(marks: readonly Mark[]): void {
    for (const mark of marks) {
      const start = mark.range.startContainer;
      if (!start.isConnected || this.#placed.has(mark)) continue;
      const placed = { root: start.getRootNode(), texts: textsOf(mark.range) };
      this.#placed.set(mark, placed);
      for (const text of placed.texts) {
        const over = this.#byText.get(text);
        if (over) over.push(mark);
        else this.#byText.set(text, [mark]);
      }
      this.#perRoot.set(placed.root, (this.#perRoot.get(placed.root) ?? 0) + 1);
      this.#adoptStyles(placed.root);
      this.#highlights?.[mark.kind].add(mark.range);
    }
    this.#syncRegistry();
  }

  /** Take these marks off the page. */
  remove(marks: readonly Mark[]): void {
    if (marks.length === 0) return;
    for (const mark of marks) {
      const placed = this.#placed.get(mark);
      if (!placed) continue;
      this.#placed.delete(mark);
      for (const text of placed.texts) {
        const over = this.#byText.get(text)!.filter((other) => other !== mark);
        if (over.length > 0) this.#byText.set(text, over);
        else this.#byText.delete(text);
      }
      const left = this.#perRoot.get(placed.root)! - 1;
      if (left > 0) this.#perRoot.set(placed.root, left);
      else this.#perRoot.delete(placed.root);
      this.#highlights?.[mark.kind].delete(mark.range);
    }
    this.#syncRegistry();
  }

  clear(): void {
    this.#placed.clear();
    this.#byText.clear();
    this.#perRoot.clear();
    this.#highlights?.term.clear();
    this.#highlights?.['red-flag'].clear();
    this.#syncRegistry();
  }

  /** The shown mark at a point of the page, if any. */
  markAt(node: Node, offset: number): Mark | null {
    if (!this.#highlights || this.#placed.size === 0) return null;
    let found: Mark | undefined;
    if (node.nodeType === Node.TEXT_NODE) {
      found = this.#byText.get(node as Text)?.find((mark) => comparePointToRange(mark.range, node, offset) === 0);
    } else {
      // Marks start and end in text: a point between nodes is inside one that covers the next text and starts before it.
      const text = textAfter(node, offset);
      found = text ? this.#byText.get(text)?.find((mark) => mark.range.startContainer !== text) : undefined;
    }
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
    return [...this.#perRoot.keys()].filter((root): root is ShadowRoot => root instanceof ShadowRoot);
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
