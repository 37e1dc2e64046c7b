/**
 * What happy-dom lacks for the page tests: the Custom Highlight API (a registry on `CSS` and
 * `Highlight`), `StaticRange`, and an IntersectionObserver that reports (happy-dom's never does),
 * with the same surface as in browsers.
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

/** Which elements the fake IntersectionObserver says are near the viewport (all, unless a test says). */
let isNear: (target: Element) => boolean = () => true;
/** While set, reports wait (a busy page whose next rendering step is late). */
let holding = false;
const observers = new Set<FakeIntersectionObserver>();

class FakeIntersectionObserver {
  private readonly targets = new Set<Element>();
  private pending: Element[] = [];

  constructor(private readonly callback: (entries: IntersectionObserverEntry[]) => void) {
    observers.add(this);
  }

  observe(target: Element): void {
    this.targets.add(target);
    this.queue([target]);
  }

  unobserve(target: Element): void {
    this.targets.delete(target);
  }

  disconnect(): void {
    this.targets.clear();
    observers.delete(this);
  }

  /** Report every target again, as after a scroll. */
  reportAll(): void {
    this.queue([...this.targets]);
  }

  /** Deliver what is pending (soon), unless reports are held. */
  flush(): void {
    if (holding || this.pending.length === 0) return;
    setTimeout(() => {
      const batch = this.pending.filter((target) => this.targets.has(target));
      this.pending = [];
      if (batch.length > 0) this.callback(batch.map((target) => ({ target, isIntersecting: isNear(target) }) as IntersectionObserverEntry));
    }, 0);
  }

  private queue(targets: Element[]): void {
    const idle = this.pending.length === 0;
    this.pending.push(...targets);
    if (idle) this.flush();
  }
}

/** Hold the observers' reports back (true), or deliver them from now on (false). */
export function holdIntersectionReports(hold: boolean): void {
  holding = hold;
  if (!hold) for (const observer of observers) observer.flush();
}

/** Say which elements are near the viewport from now on, and report them all again (a scroll). */
export function scrollTo(near: (target: Element) => boolean): void {
  isNear = near;
  for (const observer of observers) observer.reportAll();
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
    isNear = () => true;
    holding = false;
    Object.assign(globalThis, { Highlight: FakeHighlight, StaticRange: FakeStaticRange, IntersectionObserver: FakeIntersectionObserver });
    // happy-dom hands out a fresh CSS object on every read: pin one that has a registry.
    Object.defineProperty(globalThis, 'CSS', { value: { highlights: registry }, configurable: true, writable: true });
  });
  afterEach(() => {
    delete (globalThis as { Highlight?: unknown }).Highlight;
    delete (globalThis as { StaticRange?: unknown }).StaticRange;
    observers.clear();
    Object.defineProperty(globalThis, 'CSS', { value: realCss, configurable: true, writable: true });
  });
}
