/**
 * What happy-dom lacks for the page tests: the Custom Highlight API (a registry on `CSS` and
 * `Highlight`) and `StaticRange`, with the same surface as in browsers.
 */
import { afterEach, beforeEach } from 'vitest';
import { textOf } from '../../lib/page/ranges';

class FakeHighlight extends Set<AbstractRange> {
  constructor(...ranges: AbstractRange[]) {
    super(ranges);
  }
}

class FakeStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;

  constructor(init: StaticRangeInit) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }

  get collapsed(): boolean {
    return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
  }
}

/** The highlight registry of the current test (emptied before each). */
export const registry = new Map<string, FakeHighlight>();

/** The texts under a highlight name, sorted. */
export const marked = (name: string): (string | null)[] => [...(registry.get(name) ?? [])].map(textOf).sort();

/** Install the fakes around every test of the calling file. */
export function useHighlightFakes(): void {
  const realCss = globalThis.CSS;
  beforeEach(() => {
    registry.clear();
    Object.assign(globalThis, { Highlight: FakeHighlight, StaticRange: FakeStaticRange });
    // happy-dom hands out a fresh CSS object on every read: pin one that has a registry.
    Object.defineProperty(globalThis, 'CSS', { value: { highlights: registry }, configurable: true, writable: true });
  });
  afterEach(() => {
    delete (globalThis as { Highlight?: unknown }).Highlight;
    delete (globalThis as { StaticRange?: unknown }).StaticRange;
    Object.defineProperty(globalThis, 'CSS', { value: realCss, configurable: true, writable: true });
  });
}
