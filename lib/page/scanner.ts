/**
 * Scans the page in time slices and keeps its marks in step with the DOM: a full pass at start
 * (the visible part first), then only the subtrees that mutations touched.
 */
import type { LexiconSource } from '../../content-data/schema';
import { detect, summarizeMatches, type Lexicon } from '../detect';
import type { Detection } from '../types';
import { type CaretPoint, caretAt } from './caret';
import { type Mark, MarkStore, markKindOf } from './marks';
import { BatchedObserver, reduceMutations } from './mutations';
import { type Slicer, createSlicer, yieldToPage } from './slices';
import { mayCarryTermMarks } from './term-marks';
import { type TextIndex, createTextIndexBuilder, rangeForOffsets } from './text-index';
import { publishTiming } from './timeline';

export interface ScanStats {
  chars: number;
  nodes: number;
  matches: number;
  slices: number;
  longestSliceMs: number;
}

export const SCAN_MEASURE = 'bpl:scan';
export const COMPILE_MEASURE = 'bpl:compile';
export const FIRST_MARK_MARK = 'bpl:first-mark';

/** Detection runs on chunks of about this many characters, resized to fit the slice budget. */
const INITIAL_CHUNK_CHARS = 2_000;
const MIN_CHUNK_CHARS = 1_000;
/** Detection speed varies (JIT, GC, dense passages): a cap keeps one slow chunk short. */
const MAX_CHUNK_CHARS = 16_000;
/** Aim each chunk at a quarter of a slice, so a slice rarely overruns by much. */
const CHUNK_TARGET_MS = 2;

/** The end of a chunk of about `size` characters from `from`, cut after a block separator. */
export function chunkEnd(text: string, from: number, size: number): number {
  const wanted = from + size;
  if (wanted >= text.length) return text.length;
  const before = text.lastIndexOf('\n', wanted);
  if (before > from) return before + 1;
  const after = text.indexOf('\n', wanted);
  return after === -1 ? text.length : after + 1;
}

/** The next chunk size: as many characters as fit in the target time at the measured rate. */
export function nextChunkSize(chars: number, elapsedMs: number, current: number): number {
  if (elapsedMs <= 0.1) return Math.min(current * 2, MAX_CHUNK_CHARS);
  const fitting = Math.round((chars / elapsedMs) * CHUNK_TARGET_MS);
  return Math.max(MIN_CHUNK_CHARS, Math.min(MAX_CHUNK_CHARS, fitting));
}

/** How many text nodes from the caret on are tried when it is not on indexed text. */
const CARET_LOOKAHEAD_NODES = 20;

/**
 * The indexed text node at a caret, else the first one after it: a caret in the gap between two
 * blocks (a margin) is on their parent element, and one in a form field is on skipped text.
 */
function indexedNodeFrom(index: TextIndex, caret: CaretPoint): number {
  const { node, offset } = caret;
  const start = node instanceof Text ? node : (node.childNodes[offset] ?? node);
  const ownerDocument = start.ownerDocument;
  if (!ownerDocument) return -1;
  const walker = ownerDocument.createTreeWalker(start.getRootNode(), NodeFilter.SHOW_TEXT);
  walker.currentNode = start;
  let candidate: Node | null = start instanceof Text ? start : walker.nextNode();
  for (let tried = 0; candidate && tried < CARET_LOOKAHEAD_NODES; tried++) {
    const at = index.nodes.indexOf(candidate as Text);
    if (at !== -1) return at;
    candidate = walker.nextNode();
  }
  return -1;
}

/** The start of the block at the top of the viewport, so what the reader sees is marked first. */
function visibleStart(document: Document, index: TextIndex): number {
  const view = document.defaultView;
  if (!view || view.scrollY === 0 || index.nodes.length === 0) return 0;
  const caret = caretAt(document, view.innerWidth / 2, 1);
  const nodeIndex = caret ? indexedNodeFrom(index, caret) : -1;
  if (nodeIndex <= 0) return 0;
  return index.text.lastIndexOf('\n', index.starts[nodeIndex]!) + 1;
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
  /** Called after every pass with the whole page's detection. */
  onScanned(detection: Detection): void;
}

export class PageScanner {
  readonly marks: MarkStore;
  private readonly document: Document;
  private readonly observer: BatchedObserver;
  /** Bumped by `stop` and by each full pass: a pass from an older generation gives up. */
  private generation = 0;
  /** Passes run one after the other. */
  private queue: Promise<void> = Promise.resolve();
  private firstMarkRecorded = false;
  /** The marks as last reported, so `reveal` indexes the detection the panel was given. */
  private reported: Mark[] = [];
  private loaded: ScanLexicon | null = null;

  constructor(private readonly options: PageScannerOptions) {
    this.document = options.document;
    this.marks = new MarkStore(options.document);
    this.observer = new BatchedObserver((records) => this.onMutations(records));
  }

  /** Observe the page and scan it whole. */
  start(): Promise<void> {
    this.marks.show();
    this.observer.observe(this.document);
    return this.scanAll();
  }

  /** Stop scanning and take every mark off the page at once. */
  stop(): void {
    this.generation++;
    this.observer.disconnect();
    this.marks.clear();
    this.marks.hide();
    this.reported = [];
  }

  /** Forget the marks and scan the whole page again (after a single-page-app navigation). */
  scanAll(): Promise<void> {
    const generation = ++this.generation;
    return this.enqueue(async () => {
      await yieldToPage();
      if (generation !== this.generation) return;
      this.marks.clear();
      const root = this.document.body ?? this.document.documentElement;
      await this.scan([root], generation, true);
    });
  }

  /** Scroll the reported match `index` into view and flash it; false if it is gone. */
  reveal(index: number): boolean {
    const mark = this.reported[index];
    if (!mark || !mark.range.startContainer.isConnected) return false;
    mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    this.marks.flash(mark.range);
    return true;
  }

  private get lexicon(): ScanLexicon {
    if (!this.loaded) throw new Error('the lexicon is used before it is loaded');
    return this.loaded;
  }

  private enqueue(pass: () => Promise<void>): Promise<void> {
    // Every pass waits for the lexicon (a load that failed is tried again by the next pass). A pass
    // that fails (the page changed under it) must not block the ones after it; the next mutation
    // or navigation scans that part again.
    this.queue = this.queue
      .then(async () => {
        this.loaded ??= await this.options.loadLexicon();
      })
      .then(pass)
      .catch(() => undefined);
    return this.queue;
  }

  private onMutations(records: MutationRecord[]): void {
    const generation = this.generation;
    const work = reduceMutations(records);
    if (work.fullRescan) {
      void this.scanAll();
      return;
    }
    if (work.containers.length === 0 && !work.textLost) return;
    void this.enqueue(async () => {
      if (generation !== this.generation) return;
      if (work.textLost) this.marks.removeStale();
      for (const container of work.containers) this.marks.removeWithin(container);
      await this.scan(work.containers, generation, false);
    });
  }

  /** Index and mark `roots` in slices, then report the page's detection. */
  private async scan(roots: Node[], generation: number, isFullPass: boolean): Promise<void> {
    const start = performance.now();
    const slicer = createSlicer();
    const totals = { chars: 0, nodes: 0, matches: 0 };
    for (const root of roots) {
      // Creating the builder runs one query over the whole subtree: let that be its own slice.
      const builder = createTextIndexBuilder(root);
      if (slicer.timeIsUp()) await slicer.nextSlice();
      while (!builder.step(() => slicer.timeIsUp())) {
        await slicer.nextSlice();
        if (generation !== this.generation) return;
      }
      const index = builder.result;
      for (const shadowRoot of index.shadowRoots) this.observer.observe(shadowRoot);
      const startAt = isFullPass ? visibleStart(this.document, index) : 0;
      const matches = await this.markIndex(index, startAt, slicer, generation);
      if (matches === null) return;
      totals.chars += index.text.length;
      totals.nodes += index.nodes.length;
      totals.matches += matches;
    }
    const { slices, longestSliceMs } = slicer.finish();
    if (isFullPass) {
      publishTiming(SCAN_MEASURE, {
        start,
        detail: { ...totals, slices, longestSliceMs } satisfies ScanStats,
      });
    }
    this.report();
  }

  /**
   * Detect over the index chunk by chunk (from `startAt`, wrapping round); null if cancelled.
   * The first chunk (what the reader sees) is shown at once, the rest staged and shown together.
   */
  private async markIndex(
    index: TextIndex,
    startAt: number,
    slicer: Slicer,
    generation: number,
  ): Promise<number | null> {
    const { text } = index;
    const spans: [number, number][] = startAt > 0 ? [[startAt, text.length], [0, startAt]] : [[0, text.length]];
    let chunkSize = INITIAL_CHUNK_CHARS;
    let matchCount = 0;
    for (const [from, to] of spans) {
      for (let at = from; at < to; ) {
        // Start a chunk only if it should fit in what is left of the slice, not after it runs out.
        if (slicer.timeIsUp(CHUNK_TARGET_MS)) {
          await slicer.nextSlice();
          if (generation !== this.generation) return null;
        }
        const end = Math.min(chunkEnd(text, at, chunkSize), to);
        const started = performance.now();
        const marks = this.marksFor(index, at, end);
        chunkSize = nextChunkSize(end - at, performance.now() - started, chunkSize);
        if (at !== startAt) this.marks.stage();
        this.addMarks(marks);
        matchCount += marks.length;
        at = end;
      }
    }
    this.marks.showStaged();
    this.recordFirstMark();
    return matchCount;
  }

  private marksFor(index: TextIndex, from: number, to: number): Mark[] {
    const detection = detect(index.text.slice(from, to), this.lexicon.lexicon);
    return detection.matches
      .map((match) => {
        // Offsets into the whole index; the matches are this call's own objects, so shift in place.
        match.start += from;
        match.end += from;
        return { match, range: rangeForOffsets(index, match.start, match.end), kind: markKindOf(match) };
      })
      .filter((mark) => mark.kind === 'red-flag' || mayCarryTermMarks(mark.range.startContainer.parentElement));
  }

  private addMarks(marks: Mark[]): void {
    if (marks.length === 0) return;
    this.marks.add(marks);
    this.recordFirstMark();
  }

  /** Put the moment the page first shows a mark on its timeline (once per page). */
  private recordFirstMark(): void {
    if (this.firstMarkRecorded || this.marks.staging || this.marks.count === 0) return;
    this.firstMarkRecorded = true;
    publishTiming(FIRST_MARK_MARK);
  }

  private report(): void {
    this.reported = this.marks.all();
    this.options.onScanned(
      summarizeMatches(
        this.reported.map((mark) => mark.match),
        this.lexicon.redFlags,
      ),
    );
  }
}
