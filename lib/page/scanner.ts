/**
 * Scans the page in time slices and keeps its marks in step with the DOM: a full pass at start
 * (the visible part first), then only the gaps that mutations opened between clean pieces. Marks
 * are shown for the pieces near the viewport only, made when they come near and dropped when they
 * leave (viewport.ts); what is kept of the rest is offsets (pieces.ts).
 */
import type { LexiconSource } from '../../content-data/schema';
import { GENRE_SAMPLE_CHARS } from '../context';
import { detectRange, type Genre, postGenre, readText, summarizeMatches, textGenre, type Lexicon } from '../detect';
import { detectSpansRange, mergeThread, summarizePost, type PostVerdict } from '../detect/posts';
import { DetectionPacker, type PackedDetection } from '../packed-detection';
import type { Detection, Match, PostSummary, TextSpan } from '../types';
import type { Steps } from './posts/steps';
import type { PageChange, Segmentation } from './posts/types';
import { NOBODY, PostOwners, runsByOwner } from './posts/ownership';
import { PostRegistry } from './posts/registry';
import { caretAt } from './caret';
import { type Mark, MarkStore, markKindOf } from './marks';
import { BatchedObserver, reduceMutations } from './mutations';
import { type Gap, isAttached, type Piece, PieceIndex, type Region, marksOf, matchesNear, pieceOf, regionOfPiece } from './pieces';
import { type Slicer, createSlicer, yieldToPage } from './slices';
import { mayCarryTermMarks } from './term-marks';
import {
  CONTEXT_AFTER_MAX_CHARS,
  CONTEXT_BEFORE_MAX_CHARS,
  type Stretch,
  type TextPoint,
  type WalkBounds,
  createTextIndexBuilder,
  isEditableDocument,
  isInSkippedSubtree,
  nodeAt,
} from './text-index';
import { publishTiming } from './timeline';
import { NearViewport } from './viewport';

/** What one pass scanned and what it cost. */
export interface ScanStats {
  /** Characters detected (each in its own stretch), text nodes read, matches found. */
  chars: number;
  nodes: number;
  matches: number;
  /** Stretches cut and the longest one, in characters. */
  stretches: number;
  longestStretchChars: number;
  /** Pieces the page holds after the pass. */
  pieces: number;
  slices: number;
  longestSliceMs: number;
}

/** The full pass of a page. */
export const SCAN_MEASURE = 'bpl:scan';
/** Each pass that follows a change of the page. */
export const PASS_MEASURE = 'bpl:pass';
export const COMPILE_MEASURE = 'bpl:compile';
export const FIRST_MARK_MARK = 'bpl:first-mark';

/** Detection runs on stretches of about this many characters, resized to fit the slice budget. */
const INITIAL_CHUNK_CHARS = 2_000;
const MIN_CHUNK_CHARS = 1_000;
/** Detection speed varies (JIT, GC, dense passages): a cap keeps one slow chunk short. */
const MAX_CHUNK_CHARS = 16_000;
/** Aim each chunk at a quarter of a slice, so a slice rarely overruns by much. */
const CHUNK_TARGET_MS = 2;
/**
 * Pieces made after a change stay short: a live page changes there again (a chat trims the lines
 * it added), and a piece that loses part of its text is scanned again whole.
 */
const LIVE_CHUNK_CHARS = 4_000;
/** A document switched into design mode makes no DOM change: look now and then. */
const EDITABLE_POLL_MS = 1_000;

/** The next chunk size: as many characters as fit in the target time at the measured rate. */
export function nextChunkSize(chars: number, elapsedMs: number, current: number): number {
  if (elapsedMs <= 0.1) return Math.min(current * 2, MAX_CHUNK_CHARS);
  const fitting = Math.round((chars / elapsedMs) * CHUNK_TARGET_MS);
  return Math.max(MIN_CHUNK_CHARS, Math.min(MAX_CHUNK_CHARS, fitting));
}

/** How many text nodes from the caret on are tried when it is not on scannable text. */
const CARET_LOOKAHEAD_NODES = 20;

/** The first scannable text node at or after `start` (within `root`), trying a few. */
function textFrom(root: Node, start: Node): Text | null {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  walker.currentNode = start;
  let candidate: Node | null = start instanceof Text ? start : walker.nextNode();
  for (let tried = 0; candidate && tried < CARET_LOOKAHEAD_NODES; tried++) {
    if ((candidate as Text).data.trim() !== '' && !isInSkippedSubtree(candidate)) return candidate as Text;
    candidate = walker.nextNode();
  }
  return null;
}

/**
 * The text at the top of the viewport, so what the reader sees is marked first. A caret in the gap
 * between two blocks (a margin) is on their parent element, and one in a form field on skipped text.
 */
function visibleStart(document: Document, root: Node): TextPoint | null {
  const view = document.defaultView;
  if (!view || view.scrollY === 0) return null;
  const caret = caretAt(document, view.innerWidth / 2, 1);
  if (!caret || !root.contains(caret.node)) return null;
  const start = caret.node instanceof Text ? caret.node : (caret.node.childNodes[caret.offset] ?? caret.node);
  const node = textFrom(root, start);
  return node ? { node, offset: 0 } : null;
}

/** A point far enough before `point` to hold the context detection reads before it. */
function contextPointBefore(root: Node, point: TextPoint): TextPoint {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  walker.currentNode = point.node;
  let found = point;
  for (let chars = 0, node = walker.previousNode(); node && chars < CONTEXT_BEFORE_MAX_CHARS; node = walker.previousNode()) {
    if (isInSkippedSubtree(node)) continue;
    chars += (node as Text).length;
    found = { node: node as Text, offset: 0 };
  }
  return found;
}

/**
 * Where a batch of mutations may have brought a live thread new posts: the elements added or given
 * attributes, and the text added (not white space), none inside another (text changed in place
 * brings no post).
 */
function pageChanges(records: readonly MutationRecord[]): PageChange[] {
  const elements = new Set<Element>();
  const texts: Text[] = [];
  for (const record of records) {
    if (record.type === 'attributes') elements.add(record.target as Element);
    if (record.type !== 'childList') continue;
    for (const node of record.addedNodes) {
      if (node.nodeType === node.ELEMENT_NODE) elements.add(node as Element);
      else if (node.nodeType === node.TEXT_NODE && (node as Text).data.trim() !== '') texts.push(node as Text);
    }
  }
  const inChanged = (from: Element | null) => {
    for (let at = from; at !== null; at = at.parentElement) if (elements.has(at)) return true;
    return false;
  };
  return [...[...elements].filter((element) => !inChanged(element.parentElement)), ...texts.filter((text) => !inChanged(text.parentElement))];
}

/** What detection and triage need, loaded and compiled together. */
export interface ScanLexicon {
  lexicon: Lexicon;
  redFlags: LexiconSource['redFlags'];
}

export interface PageScannerOptions {
  document: Document;
  /** Loads and compiles the lexicon; called at the first scan, so a paused page never compiles it. */
  loadLexicon(): Promise<ScanLexicon>;
  /** What reads the page's posts, asked for at each full pass (lib/page/posts; loaded when the page may be a thread). */
  postFinder(): Promise<PostFinder>;
  /**
   * Called after every pass. `detection` summarises the whole page, packed for the background
   * (lib/packed-detection.ts): call it when a report is due, not after every pass of a live page.
   */
  onScanned(detection: () => PackedDetection): void;
}

/** Reads the page's posts in steps (lib/page/posts: `findPostsInSteps`). */
export type PostFinder = (document: Document) => Steps<Segmentation>;

type PassTotals = Pick<ScanStats, 'chars' | 'nodes' | 'matches' | 'stretches' | 'longestStretchChars'>;

const noTotals = (): PassTotals => ({ chars: 0, nodes: 0, matches: 0, stretches: 0, longestStretchChars: 0 });

export class PageScanner {
  readonly marks: MarkStore;
  readonly #document: Document;
  readonly #observer: BatchedObserver;
  readonly #pieces: PieceIndex;
  readonly #viewport: NearViewport;
  /** The marks shown for each piece near the viewport, by match. */
  readonly #shown = new Map<Piece, Map<Match, Mark>>();
  /** Bumped by `stop` and by each full pass: a pass from an older generation gives up. */
  #generation = 0;
  /** Passes run one after the other. */
  #queue: Promise<void> = Promise.resolve();
  #firstMarkRecorded = false;
  /** The matches as last summarised, so `reveal` finds the one the panel was given. */
  #reported: Match[] = [];
  #loaded: ScanLexicon | null = null;
  /** The page's genre, read from its beginning at each full pass (a stretch cannot tell it alone). */
  #genre: Genre | null = null;
  /** Whether the page speaks of health at all, read with its genre: a page that never does has no marks. */
  #talksOfHealth = true;
  /** The posts of a thread (none on a page that is not one), how more are read, and whose each text node is. */
  readonly #posts = new PostRegistry();
  #thread: Segmentation | null = null;
  #owners: PostOwners | null = null;
  /** Each post's genre, read from its words when first needed. */
  readonly #postGenres = new Map<number, Genre>();
  /**
   * What each post's summary said when last made, kept until a piece with matches of that post
   * comes or goes (`#changedPosts`): a report summarises only the posts that changed.
   */
  readonly #postVerdicts = new Map<number, PostVerdict>();
  readonly #changedPosts = new Set<number>();
  /** Packs each report; a piece's matches are written once (see DetectionPacker). */
  readonly #packer = new DetectionPacker();
  /** One copy of each matched text: a slice of a stretch's text would keep all of it alive. */
  readonly #matchTexts = new Map<string, string>();
  /**
   * One array of each list of ids a match or a post's summary holds: most are fresh arrays from
   * detection, thousands of copies of the same few on a long page (about 0.25 MB on a 1 MB thread).
   */
  readonly #lists = new Map<string, readonly unknown[]>();
  /** The marks `redFlagMarks` gave, by match (a match leaves with its piece). */
  readonly #stepMarks = new WeakMap<Match, Mark>();
  /** The page is being edited as a whole (design mode): nothing is marked. */
  #editable = false;
  #editablePoll: ReturnType<typeof setInterval> | null = null;
  /** Whether `#showNear` is due at the end of this task. */
  #showingSoon = false;

  readonly #options: PageScannerOptions;

  constructor(options: PageScannerOptions) {
    this.#options = options;
    this.#document = options.document;
    this.marks = new MarkStore(options.document);
    this.#observer = new BatchedObserver((records) => this.#onMutations(records));
    this.#pieces = new PieceIndex((pieces) => this.#forget(pieces));
    this.#viewport = new NearViewport(
      options.document.defaultView ?? window,
      () => this.#showNearSoon(),
      () => this.#pieces.piecesOf(this.#document),
    );
  }

  /** Observe the page and scan it whole. */
  start(): Promise<void> {
    this.marks.show();
    this.#viewport.connect();
    this.#observer.observe(this.#document);
    this.#editablePoll ??= setInterval(() => this.#followEditable(), EDITABLE_POLL_MS);
    return this.scanAll();
  }

  /** Stop scanning and take every mark off the page at once. */
  stop(): void {
    this.#generation++;
    this.#observer.disconnect();
    if (this.#editablePoll !== null) clearInterval(this.#editablePoll);
    this.#editablePoll = null;
    this.#pieces.clear();
    this.#viewport.disconnect();
    this.marks.clear();
    this.marks.hide();
    this.#reported = [];
  }

  /** Forget the marks and scan the whole page again (after a single-page-app navigation). */
  scanAll(): Promise<void> {
    const generation = ++this.#generation;
    return this.#enqueue(async () => {
      await yieldToPage();
      if (generation !== this.#generation) return;
      this.#pieces.clear();
      await this.#fullPass(generation);
    });
  }

  /**
   * Every red-flag mark of the page in document order, tree by tree, for the keyboard's steps from
   * one red flag to the next: the shown ones, and marks made for the others. The first mark given
   * for a match is given for it again while its piece lives, so a step can start from it.
   */
  redFlagMarks(): Mark[] {
    const marks: Mark[] = [];
    for (const piece of this.#pieces.all()) {
      const redFlags = piece.matches.filter((match) => markKindOf(match) === 'red-flag');
      if (redFlags.length === 0) continue;
      const shown = this.#shown.get(piece);
      for (const match of redFlags) {
        const mark = shown?.get(match);
        if (mark && !this.#stepMarks.has(match)) this.#stepMarks.set(match, mark);
      }
      const missing = redFlags.filter((match) => !this.#stepMarks.has(match));
      for (const mark of (missing.length > 0 ? marksOf(piece, missing) : null) ?? []) this.#stepMarks.set(mark.match, mark);
      for (const match of redFlags) {
        const mark = this.#stepMarks.get(match);
        if (mark) marks.push(mark);
      }
    }
    return marks;
  }

  /** Scroll the reported match `index` into view and flash it; false if it is gone. */
  reveal(index: number): boolean {
    const match = this.#reported[index];
    const piece = match && this.#pieces.all().find((candidate) => candidate.matches.includes(match));
    if (!piece) return false;
    const mark = this.#shown.get(piece)?.get(match) ?? marksOf(piece, [match])?.[0];
    if (!mark) return false;
    mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    this.marks.flash(mark.range);
    return true;
  }

  /** Scroll post `index` into view and flash its marks; false if it is gone. */
  revealPost(index: number): boolean {
    const post = this.#posts.get(index);
    if (!post?.element.isConnected) return false;
    post.element.scrollIntoView({ block: 'start', behavior: 'smooth' });
    const ranges = this.#pieces.all().flatMap((piece) => {
      const own = piece.matches.filter((match) => match.post === index);
      return own.length === 0 ? [] : (marksOf(piece, own) ?? []).map((mark) => mark.range);
    });
    if (ranges.length > 0) this.marks.flash(ranges);
    return true;
  }

  /**
   * Read the page's posts afresh, in slices (a page that is not a thread reads as one text); false
   * if the pass was cancelled.
   */
  async #readThread(findPosts: PostFinder, slicer: Slicer, generation: number): Promise<boolean> {
    this.#posts.clear();
    this.#postGenres.clear();
    this.#postVerdicts.clear();
    this.#changedPosts.clear();
    this.#thread = null;
    this.#owners = null;
    const steps = findPosts(this.#document);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) {
        if (step.value.posts.length > 0) this.#thread = step.value;
        break;
      }
      if (slicer.timeIsUp()) {
        await slicer.nextSlice();
        if (generation !== this.#generation) return false;
      }
    }
    if (this.#thread) {
      this.#owners = new PostOwners();
      this.#owners.add(this.#posts.join(this.#thread.posts));
    }
    return true;
  }

  /**
   * Posts loaded later (infinite scroll, "load more") join as posts of their own, found at the
   * elements that changed only: the posts already read keep their number and reading.
   */
  #readChangedPosts(changes: readonly PageChange[]): void {
    if (!this.#thread || !this.#owners) return;
    // Elements may have moved between posts since the last pass.
    this.#owners.forgetPaths();
    for (const change of changes) {
      if (change.isConnected && this.#isScanned(change)) this.#owners.add(this.#posts.join(this.#thread.around(change)));
    }
  }

  #postGenre(index: number): Genre {
    let genre = this.#postGenres.get(index);
    if (genre === undefined) {
      const words = this.#ownWords(index);
      genre = postGenre(textGenre(words, this.#lexicon.lexicon), index > 0);
      this.#postGenres.set(index, genre);
    }
    return genre;
  }

  /** The first words of post `index` that are its own (not its quotes, not replies inside it), as detection reads them. */
  #ownWords(index: number): string {
    const post = this.#posts.get(index);
    const owners = this.#owners;
    if (!post || !owners) return '';
    const words: string[] = [];
    let length = 0;
    const walker = this.#document.createTreeWalker(post.element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && length < GENRE_SAMPLE_CHARS; node = walker.nextNode()) {
      if (owners.ownerOf(node as Text) !== index || isInSkippedSubtree(node)) continue;
      words.push((node as Text).data);
      length += (node as Text).data.length + 1;
    }
    return words.join('\n');
  }

  get #scanRoot(): Node {
    return this.#document.body ?? this.#document.documentElement;
  }

  get #lexicon(): ScanLexicon {
    if (!this.#loaded) throw new Error('the lexicon is used before it is loaded');
    return this.#loaded;
  }

  #enqueue(pass: () => Promise<void>): Promise<void> {
    // Every pass waits for the lexicon (a load that failed is tried again by the next pass). A pass
    // that fails (the page changed under it) must not block the ones after it; the next mutation
    // or navigation scans that part again.
    this.#queue = this.#queue
      .then(async () => {
        this.#loaded ??= await this.#options.loadLexicon();
      })
      .then(pass)
      .catch(() => undefined);
    return this.#queue;
  }

  /** Whether the whole document is being edited; if that changed, clear or scan again. */
  #followEditable(): boolean {
    const editable = isEditableDocument(this.#document);
    if (editable === this.#editable) return editable;
    this.#editable = editable;
    if (editable) {
      this.#generation++;
      this.#pieces.clear();
      this.#report();
    } else {
      void this.scanAll();
    }
    return editable;
  }

  /** Whether a node lies where the page is scanned: under the scan root, or in a shadow tree we walked. */
  #isScanned(node: Node): boolean {
    // Our observer watches the shadow roots the scan walked, and nothing else outside the document.
    if (node.getRootNode() !== this.#document) return true;
    return this.#scanRoot.contains(node) || node.contains(this.#scanRoot);
  }

  #onMutations(records: MutationRecord[]): void {
    if (this.#followEditable()) return;
    const generation = this.#generation;
    const work = reduceMutations(records, (node) => this.#isScanned(node));
    if (work.fullRescan) {
      void this.scanAll();
      return;
    }
    if (work.regions.length > 0) {
      const changes = pageChanges(records);
      void this.#enqueue(() => this.#rescan(work.regions, changes, generation));
    }
  }

  /** Scan again the gaps around changed regions; `changes`: where posts may have been added. */
  async #rescan(regions: readonly Region[], changes: readonly PageChange[], generation: number): Promise<void> {
    if (generation !== this.#generation) return;
    const start = performance.now();
    const slicer = createSlicer();
    const totals = noTotals();
    this.#readChangedPosts(changes);
    for (const gap of this.#pieces.gapsFor(regions)) {
      if (!gap.tree.isConnected) continue;
      if (!(await this.#scanGap(gap, slicer, generation, totals))) return;
    }
    const { slices, longestSliceMs } = slicer.finish();
    const stats: ScanStats = { ...totals, pieces: this.#pieces.size, slices, longestSliceMs };
    publishTiming(PASS_MEASURE, { start, detail: stats });
    this.#endPass();
    await this.#showNear(generation);
  }

  /** Scan the page whole, from the text at the top of the viewport on, then the text before it. */
  async #fullPass(generation: number): Promise<void> {
    const start = performance.now();
    const slicer = createSlicer();
    const totals = noTotals();
    const root = this.#scanRoot;
    this.#editable = isEditableDocument(this.#document);
    // Also editable through CSS (`-webkit-user-modify`); this asks for style, so only once a pass.
    const editable = this.#editable || (root instanceof HTMLElement && root.isContentEditable);
    if (!editable) {
      const [reading, findPosts] = await Promise.all([this.#readPage(root, slicer, generation), this.#options.postFinder()]);
      if (reading === null || generation !== this.#generation) return;
      this.#genre = reading.genre;
      this.#talksOfHealth = reading.health;
      if (!(await this.#readThread(findPosts, slicer, generation))) return;
    }
    const visible = editable ? null : visibleStart(this.#document, root);
    const walks: WalkBounds[] = editable ? [] : visible
      ? [{ from: contextPointBefore(root, visible), emitFrom: visible }, { to: visible }]
      : [{}];
    for (const [i, bounds] of walks.entries()) {
      const cursors = new Map([[this.#document as Node, this.#pieces.open({ tree: this.#document, after: null, before: this.#pieces.piecesOf(this.#document)[0] ?? null })]]);
      // The first walk starts with the text in view: its marks need not wait for the observer.
      const inView = i === 0 ? (piece: Piece) => this.#showInView(piece) : undefined;
      if (!(await this.#walk(root, bounds, cursors, slicer, generation, totals, MAX_CHUNK_CHARS, inView))) return;
    }
    const { slices, longestSliceMs } = slicer.finish();
    const stats: ScanStats = { ...totals, pieces: this.#pieces.size, slices, longestSliceMs };
    publishTiming(SCAN_MEASURE, { start, detail: stats });
    this.#endPass();
    await this.#showNear(generation);
  }

  /**
   * Remove a gap's pieces and scan it again; false if the pass was cancelled. A gap whose bounding
   * pieces left the page while earlier gaps were scanned is left: the change that removed them
   * comes with records of its own, and the next pass scans a wider gap around it.
   */
  async #scanGap(gap: Gap, slicer: Slicer, generation: number, totals: PassTotals): Promise<boolean> {
    if (![gap.after, gap.before].every((piece) => piece === null || isAttached(piece))) return true;
    const root = gap.tree === this.#document ? this.#scanRoot : gap.tree;
    const { after, before } = gap;
    // The context before the gap may start in a piece before `after` that changed: then at `after`.
    const tail = after && (after.tail.node.getRootNode() === gap.tree && after.tail.node.isConnected ? after.tail : after.start);
    const bounds: WalkBounds = { from: tail, emitFrom: after?.end, to: before?.start };
    const cursors = new Map([[gap.tree, this.#pieces.open(gap)]]);
    const reachedStart = await this.#walk(root, bounds, cursors, slicer, generation, totals, LIVE_CHUNK_CHARS);
    if (reachedStart !== false || generation !== this.#generation) return generation === this.#generation;
    // The piece before the gap is not where it was: scan its whole tree again.
    const whole = new Map([[gap.tree, this.#pieces.open({ tree: gap.tree, after: null, before: null })]]);
    return (await this.#walk(root, {}, whole, slicer, generation, totals, LIVE_CHUNK_CHARS)) !== null;
  }

  /**
   * Walk `root` within `bounds`, detect each stretch and add its piece at its tree's cursor.
   * Resolves to whether the walk met its start, or null if the pass was cancelled.
   */
  async #walk(
    root: Node,
    bounds: WalkBounds,
    cursors: Map<Node, ReturnType<PieceIndex['open']>>,
    slicer: Slicer,
    generation: number,
    totals: PassTotals,
    maxChunk = MAX_CHUNK_CHARS,
    onFirstPiece?: (piece: Piece) => void,
  ): Promise<boolean | null> {
    const builder = createTextIndexBuilder(root, bounds, (shadowRoot) => {
      // A shadow tree is always walked whole: what it held before goes.
      this.#pieces.removeTree(shadowRoot);
      cursors.set(shadowRoot, this.#pieces.cursorAtStart(shadowRoot));
      this.#observer.observe(shadowRoot);
    });
    let size = Math.min(maxChunk, INITIAL_CHUNK_CHARS);
    for (;;) {
      // Start a chunk only if it should fit in what is left of the slice, not after it runs out.
      if (slicer.timeIsUp(CHUNK_TARGET_MS)) {
        await slicer.nextSlice();
        if (generation !== this.#generation) return null;
      }
      const next = builder.next(() => slicer.timeIsUp(), size);
      if (next === null) return builder.reachedStart;
      if (next === 'paused') continue;
      const started = performance.now();
      const piece = pieceOf(next, this.#detect(next));
      this.#packer.write(piece.matches);
      size = Math.min(maxChunk, nextChunkSize(next.text.length, performance.now() - started, size));
      const cursor = cursors.get(next.tree) ?? this.#pieces.cursorAtStart(next.tree);
      cursors.set(next.tree, cursor);
      this.#pieces.insert(cursor, piece);
      this.#noteChangedPosts(piece);
      this.#viewport.track(piece);
      if (totals.stretches === 0) onFirstPiece?.(piece);
      totals.chars += piece.length;
      totals.nodes += next.nodes.length;
      totals.matches += piece.matches.length;
      totals.stretches++;
      totals.longestStretchChars = Math.max(totals.longestStretchChars, piece.length);
    }
  }

  /**
   * The genre of the page and whether it speaks of health, read as detection reads a whole text
   * (from its first characters), in slices; null if the pass was cancelled.
   */
  async #readPage(root: Node, slicer: Slicer, generation: number): Promise<{ genre: Genre; health: boolean } | null> {
    const builder = createTextIndexBuilder(root);
    const sample: string[] = [];
    for (let length = 0; length < GENRE_SAMPLE_CHARS + CONTEXT_AFTER_MAX_CHARS; ) {
      if (slicer.timeIsUp()) {
        await slicer.nextSlice();
        if (generation !== this.#generation) return null;
      }
      const next = builder.next(() => slicer.timeIsUp(), MAX_CHUNK_CHARS);
      if (next === null) break;
      if (next === 'paused') continue;
      sample.push(next.text.slice(next.from, next.to));
      length += next.to - next.from + 1;
    }
    return readText(sample.join('\n'), this.#lexicon.lexicon);
  }

  /**
   * Detection of one stretch, in the text around it and the page's genre (the scanner's one call
   * into detection); offsets relative to the stretch. Ordinary terms in the page's furniture
   * (headings, menus, lists of links) are left out, of the marks and of the findings alike.
   */
  #detect(stretch: Stretch): Match[] {
    if (!this.#talksOfHealth) return [];
    const { lexicon } = this.#lexicon;
    const pageGenre = this.#genre ?? textGenre('', lexicon);
    const matches = this.#owners === null
      ? detectRange(stretch.text, stretch.from, stretch.to, lexicon, pageGenre)
      : this.#detectByPost(stretch, this.#owners.ownerOf, pageGenre);
    const kept: Match[] = [];
    const carriesTerms = new Map<Element | null, boolean>();
    for (const match of matches) {
      match.start -= stretch.from;
      match.end -= stretch.from;
      if (markKindOf(match) === 'term') {
        const element = nodeAt(stretch, match.start).parentElement;
        if (!carriesTerms.has(element)) carriesTerms.set(element, mayCarryTermMarks(element));
        if (!carriesTerms.get(element)) continue;
      }
      match.text = this.#ownCopy(match.text);
      match.topicIds = this.#shared(match.topicIds, match.topicIds.join(' '));
      match.redFlagIds = this.#shared(match.redFlagIds, match.redFlagIds.join(' '));
      kept.push(match);
    }
    return kept;
  }

  /**
   * A thread's stretch, post by post: each post's words read in its own words only (quotes and the
   * page around the posts in theirs, counting for no one); offsets into the stretch's text.
   */
  #detectByPost(stretch: Stretch, ownerOf: (node: Text) => number, pageGenre: Genre): Match[] {
    const { text, from, to } = stretch;
    const starts = stretch.starts.map((start) => start + from);
    const matches: Match[] = [];
    for (const [owner, runs] of runsByOwner(stretch.nodes, starts, ownerOf)) {
      const spans: TextSpan[] = runs
        .map((run) => ({ start: Math.max(0, run.start), end: Math.min(text.length, run.end) }))
        .filter((run) => run.start < run.end);
      if (!spans.some((span) => span.start < to && span.end > from)) continue;
      const genre = owner === NOBODY ? pageGenre : this.#postGenre(owner);
      for (const match of detectSpansRange(text, spans, from, to, this.#lexicon.lexicon, genre)) {
        matches.push(owner === NOBODY ? match : { ...match, post: owner });
      }
    }
    return matches.sort((a, b) => a.start - b.start);
  }

  /** The one array like `list`, which `key` names (its items as text). */
  #shared<T>(list: T[], key: string): T[] {
    const known = this.#lists.get(key);
    if (known !== undefined) return known as T[];
    this.#lists.set(key, list);
    return list;
  }

  #ownCopy(text: string): string {
    let copy = this.#matchTexts.get(text);
    if (copy === undefined) {
      // A fresh string, not a view into the stretch's text (which a slice of it would keep alive).
      copy = [...text].join('');
      this.#matchTexts.set(copy, copy);
    }
    return copy;
  }

  /** Pieces that left the index: take their marks off and stop watching them. */
  #forget(pieces: readonly Piece[]): void {
    this.#viewport.untrack(pieces);
    const marks: Mark[] = [];
    for (const piece of pieces) {
      this.#noteChangedPosts(piece);
      const shown = this.#shown.get(piece);
      if (!shown) continue;
      this.#shown.delete(piece);
      marks.push(...shown.values());
    }
    this.marks.remove(marks);
  }

  /** Show the first screens of a piece that starts at the top of the viewport. */
  #showInView(piece: Piece): void {
    if (piece.tree !== this.#document) return;
    const firstScreens = [0, 1];
    this.#viewport.assumeNear(piece, firstScreens);
    if (this.#show(piece, new Set(firstScreens), [])) this.#recordFirstMark();
  }

  #showNearSoon(): void {
    // At the end of the observer's task, not in idle time: the observer reports after the frame
    // that scrolled, and the marks must be in the next one (a jump scroll paints its first frame
    // 30 – 100 ms after it on a 5 MB page; idle time after that is for the page's own work).
    if (this.#showingSoon) return;
    this.#showingSoon = true;
    const generation = this.#generation;
    queueMicrotask(() => {
      this.#showingSoon = false;
      if (generation === this.#generation) void this.#showNear(generation);
    });
  }

  /**
   * Show the marks of the text near the viewport and drop the others, in slices; marks that stay
   * are not touched (every change to a highlight costs the page a repaint), and those that leave go
   * at the end, after the new ones came: a highlight left empty meanwhile would leave the page's
   * registry and join it again, and each of those is a style recalculation of the whole document. A piece whose text
   * changed under it is scanned again.
   */
  async #showNear(generation: number): Promise<void> {
    const near = this.#viewport.nearPieces();
    const leaving: Mark[] = [];
    for (const [piece, shown] of this.#shown) {
      if (near.has(piece)) continue;
      this.#shown.delete(piece);
      leaving.push(...shown.values());
    }
    const slicer = createSlicer();
    const changed: Region[] = [];
    for (const [piece, nearAnchors] of near) {
      if (slicer.timeIsUp()) {
        await slicer.nextSlice();
        if (generation !== this.#generation) break;
      }
      // A piece that lost its ends is found by the next pass anyway; one that changed inside is named.
      if (piece.live && !this.#show(piece, nearAnchors, leaving)) changed.push(regionOfPiece(piece));
    }
    this.marks.remove(leaving);
    slicer.finish();
    this.#recordFirstMark();
    if (changed.length > 0) void this.#enqueue(() => this.#rescan(changed, [], generation));
  }

  /**
   * Show the marks of a piece's text near its near anchors (all of it for null), putting those it
   * no longer wants in `leaving`; false if its text changed under it.
   */
  #show(piece: Piece, nearAnchors: ReadonlySet<number> | null, leaving: Mark[]): boolean {
    const wanted = new Set(matchesNear(piece, nearAnchors));
    const shown = this.#shown.get(piece) ?? new Map<Match, Mark>();
    for (const [match, mark] of shown) {
      if (wanted.has(match)) continue;
      shown.delete(match);
      leaving.push(mark);
    }
    const marks = marksOf(piece, [...wanted].filter((match) => !shown.has(match)));
    if (marks === null) return false;
    for (const mark of marks) shown.set(mark.match, mark);
    this.#shown.set(piece, shown);
    this.marks.add(marks);
    return true;
  }

  /** Put the moment the page first shows a mark on its timeline (once per page). */
  #recordFirstMark(): void {
    if (this.#firstMarkRecorded || this.marks.count === 0) return;
    this.#firstMarkRecorded = true;
    publishTiming(FIRST_MARK_MARK);
  }

  /**
   * After a pass: report, and let go of the owners' answers for the page's elements (one entry and
   * one JS wrapper per element, 0.5 MB and more on a 1 MB thread); the next pass finds the few it
   * needs again.
   */
  #endPass(): void {
    this.#owners?.forgetPaths();
    this.#report();
  }

  #report(): void {
    this.#options.onScanned(() => {
      const groups = this.#pieces.all().map((piece) => piece.matches);
      this.#reported = groups.flat();
      const redFlags = this.#loaded?.redFlags ?? [];
      const { matches: _, ...summary } = this.#thread === null
        ? summarizeMatches(this.#reported, redFlags, this.#genre ?? undefined)
        : this.#threadSummary(redFlags);
      return this.#packer.pack(summary, groups);
    });
  }

  /** The posts whose matches a piece that came or went held. */
  #noteChangedPosts(piece: Piece): void {
    for (const match of piece.matches) if (match.post !== undefined) this.#changedPosts.add(match.post);
  }

  /**
   * The page summed up from its posts (each post's summary without its matches: the page has
   * them), summarising again only the posts whose matches changed since the last report.
   */
  #threadSummary(redFlags: ScanLexicon['redFlags']): Detection {
    const { posts: current, left } = this.#posts.current();
    this.#owners?.remove(left);
    for (const post of left) {
      this.#postGenres.delete(post.index);
      this.#postVerdicts.delete(post.index);
    }
    const changed = new Map<number, Match[]>([...this.#changedPosts].map((index) => [index, []]));
    this.#changedPosts.clear();
    if (changed.size > 0) for (const match of this.#reported) if (match.post !== undefined) changed.get(match.post)?.push(match);
    const posts = current.map(({ index, author, time }): PostSummary & PostVerdict => {
      let verdict = this.#postVerdicts.get(index);
      if (verdict === undefined || changed.has(index)) {
        // A post never noted has no matches.
        const matches = changed.get(index) ?? [];
        const { urgency, reasons, subject } = summarizePost({ index, author, time, matches, genre: this.#postGenre(index) }, redFlags);
        verdict = { urgency, reasons: this.#shared(reasons, `reasons ${reasons.map((reason) => reason.redFlagIds.join('+')).join(' ')}`), subject };
        this.#postVerdicts.set(index, verdict);
      }
      return { index, author, time, ...verdict };
    });
    const thread = mergeThread(posts, this.#reported);
    return { ...thread, posts: thread.posts.map(({ index, author, time, urgency, subject }) => ({ index, author, time, urgency, subject })) };
  }
}
