/**
 * Live pages: mutation records are gathered for a window of time, then reduced to the regions of
 * the DOM that changed; pieces.ts maps those to the few pieces around them. The work per record is
 * a few pointer checks, with no look at what was scanned before.
 */
import { type Region, regionOf } from './pieces';
import { isInSkippedSubtree, OWN_UI_TAG } from './text-index';

export const MUTATION_WINDOW_MS = 100;
/**
 * Past this many records in one window, one full rescan costs less than following each (a busy
 * chat makes about 6,000 a second, so the window of a slow batch can hold a few thousand).
 */
export const FULL_RESCAN_RECORDS = 50_000;
/** Attributes that decide whether text is scanned at all (see SKIPPED_SUBTREE_SELECTOR). */
const WATCHED_ATTRIBUTES = ['hidden', 'contenteditable'];

export interface MutationWork {
  /** So many records came that one full rescan is cheaper. */
  fullRescan: boolean;
  regions: Region[];
}

const isOwnUi = (node: Node) => node instanceof Element && node.localName === OWN_UI_TAG;

/**
 * Where children were removed: between the siblings that were next to them. A sibling removed
 * later in the batch (a chat trimming its oldest lines one by one) stood where its own removal
 * record says: chains of those are followed, each link once, to a sibling still there.
 */
class RemovalPlaces {
  readonly #removedBy = new Map<Node, MutationRecord>();
  readonly #standing = [new Map<Node, Node | null>(), new Map<Node, Node | null>()] as const;

  constructor(records: readonly MutationRecord[]) {
    for (const record of records) for (const removed of record.removedNodes) this.#removedBy.set(removed, record);
  }

  region(record: MutationRecord): Region {
    const { target } = record;
    const previous = this.#standingSibling(record.previousSibling, target, 0);
    const next = this.#standingSibling(record.nextSibling, target, 1);
    return {
      tree: target.getRootNode(),
      low: previous ? { node: previous, edge: 'after' } : { node: target, edge: 'before' },
      high: next ? { node: next, edge: 'before' } : { node: target, edge: 'after' },
    };
  }

  /** The sibling still under `target` that `start` stood next to (0: looking back, 1: forward). */
  #standingSibling(start: Node | null, target: Node, way: 0 | 1): Node | null {
    const known = this.#standing[way];
    const chain: Node[] = [];
    let node = start;
    let found: Node | null | undefined;
    while (node && node.parentNode !== target) {
      found = known.get(node);
      if (found !== undefined) break;
      chain.push(node);
      const removal = this.#removedBy.get(node);
      node = removal?.target === target ? (way === 0 ? removal.previousSibling : removal.nextSibling) : null;
    }
    const result = found !== undefined ? found : node?.parentNode === target ? node : null;
    for (const link of chain) known.set(link, result);
    return result;
  }
}

/**
 * Add `region` to `regions`, as part of the last one when it follows it at once or repeats it: a
 * chat that appends (or trims) lines one by one gives one region a batch, not one a line, and
 * placing each region among the pieces costs an order test or more.
 */
function addRegion(regions: Region[], region: Region): void {
  const last = regions.at(-1);
  if (last && last.tree === region.tree) {
    const { low, high } = region;
    if (last.high.edge === 'after' && low.edge === 'before' && low.node.previousSibling === last.high.node) {
      last.high = high;
      return;
    }
    const same = (a: Region['low'], b: Region['low']) => a.node === b.node && a.edge === b.edge;
    if (same(last.low, low) && same(last.high, high)) return;
  }
  regions.push(region);
}

/**
 * The regions a batch of records changed. `isScanned` says whether a node lies where the page is
 * scanned at all (under the scan root, or in a tracked shadow root).
 */
export function reduceMutations(records: readonly MutationRecord[], isScanned: (node: Node) => boolean): MutationWork {
  if (records.length > FULL_RESCAN_RECORDS) return { fullRescan: true, regions: [] };
  const regions: Region[] = [];
  const removals = new RemovalPlaces(records);
  const consider = (node: Node, region: () => Region) => {
    if (node.isConnected && isScanned(node) && !isInSkippedSubtree(node)) addRegion(regions, region());
  };
  for (const record of records) {
    const { target } = record;
    if (record.type === 'attributes') {
      // Shown or hidden, made editable or not: the element may be skipped now, or no longer.
      const parent = target.parentNode;
      if (parent && !isOwnUi(target)) consider(parent, () => regionOf(target));
      continue;
    }
    if (record.type === 'characterData') {
      consider(target, () => regionOf(target));
      continue;
    }
    for (const added of record.addedNodes) if (!isOwnUi(added)) consider(added, () => regionOf(added));
    if ([...record.removedNodes].some((removed) => !isOwnUi(removed))) consider(target, () => removals.region(record));
  }
  return { fullRescan: false, regions };
}

/**
 * One MutationObserver over the document and every open shadow root we index, delivering the
 * records of each window (at least `windowMs` long) in one call.
 */
export class BatchedObserver {
  readonly #observer: MutationObserver;
  #pending: MutationRecord[] = [];
  #timer: ReturnType<typeof setTimeout> | null = null;
  #observed = new WeakSet<Node>();

  readonly #onBatch: (records: MutationRecord[]) => void;
  readonly #windowMs: number;

  constructor(onBatch: (records: MutationRecord[]) => void, windowMs = MUTATION_WINDOW_MS) {
    this.#onBatch = onBatch;
    this.#windowMs = windowMs;
    this.#observer = new MutationObserver((records) => this.#collect(records));
  }

  observe(root: Node): void {
    if (this.#observed.has(root)) return;
    this.#observed.add(root);
    this.#observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
  }

  disconnect(): void {
    this.#observer.disconnect();
    this.#observed = new WeakSet();
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    this.#pending = [];
  }

  #collect(records: MutationRecord[]): void {
    // Past the threshold the batch is one full rescan: the records themselves are not needed.
    for (const record of records) if (this.#pending.length <= FULL_RESCAN_RECORDS) this.#pending.push(record);
    this.#timer ??= setTimeout(() => {
      this.#timer = null;
      const batch = this.#pending;
      this.#pending = [];
      this.#onBatch(batch);
    }, this.#windowMs);
  }
}
