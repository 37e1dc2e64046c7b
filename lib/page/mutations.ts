/**
 * Live pages: mutation records are gathered for a window of time, then reduced to the few
 * subtrees that must be scanned again.
 */
import { isWithin } from './marks';
import { blockContainerOf, isInSkippedSubtree } from './text-index';

/** Past this many added nodes in one window, one full rescan is cheaper than many small ones. */
export const FULL_RESCAN_THRESHOLD = 1000;
export const MUTATION_WINDOW_MS = 100;
/** Attributes that decide whether text is scanned at all (see SKIPPED_SUBTREE_SELECTOR). */
const WATCHED_ATTRIBUTES = ['hidden', 'contenteditable'];

export interface MutationWork {
  /** So many nodes were added that one full rescan is cheaper. */
  fullRescan: boolean;
  /** Subtrees to rescan (their old marks go first), none inside another. */
  containers: Node[];
  addedNodes: number;
  /** Text was removed or edited, so marks may point at text that is gone. */
  textLost: boolean;
}

function rescanTarget(node: Node): Node | null {
  if (!node.isConnected || isInSkippedSubtree(node)) return null;
  return blockContainerOf(node);
}

/** Drop containers inside other containers: scanning the outer one covers them. */
export function outermost(containers: Iterable<Node>): Node[] {
  const unique = [...new Set(containers)];
  return unique.filter(
    (container) => !unique.some((other) => other !== container && isWithin(container, other)),
  );
}

export function reduceMutations(records: readonly MutationRecord[]): MutationWork {
  const targets = new Set<Node>();
  let addedNodes = 0;
  let textLost = false;
  for (const record of records) {
    if (record.type === 'attributes') {
      // Shown or hidden, made editable or not: rescan around the element, since it may now be
      // skipped itself (and its old marks must go).
      const parent = record.target.parentNode;
      const target = parent && rescanTarget(parent);
      if (target) targets.add(target);
      continue;
    }
    if (record.type === 'characterData') {
      textLost = true;
      const target = rescanTarget(record.target);
      if (target) targets.add(target);
      continue;
    }
    if (record.removedNodes.length > 0) textLost = true;
    addedNodes += record.addedNodes.length;
    if (addedNodes > FULL_RESCAN_THRESHOLD) continue;
    for (const added of record.addedNodes) {
      const target = rescanTarget(added);
      if (target) targets.add(target);
    }
  }
  const fullRescan = addedNodes > FULL_RESCAN_THRESHOLD;
  return {
    fullRescan,
    containers: fullRescan ? [] : outermost(targets),
    addedNodes,
    textLost,
  };
}

/**
 * One MutationObserver over the document and every open shadow root we index, delivering the
 * records of each window (at least `windowMs` long) in one call.
 */
export class BatchedObserver {
  private readonly observer: MutationObserver;
  private pending: MutationRecord[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private observed = new WeakSet<Node>();

  constructor(
    private readonly onBatch: (records: MutationRecord[]) => void,
    private readonly windowMs = MUTATION_WINDOW_MS,
  ) {
    this.observer = new MutationObserver((records) => this.collect(records));
  }

  observe(root: Node): void {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, {
      childList: true,
      subtree: true,
      characterData: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
  }

  disconnect(): void {
    this.observer.disconnect();
    this.observed = new WeakSet();
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.pending = [];
  }

  private collect(records: MutationRecord[]): void {
    this.pending.push(...records);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      const batch = this.pending;
      this.pending = [];
      this.onBatch(batch);
    }, this.windowMs);
  }
}
