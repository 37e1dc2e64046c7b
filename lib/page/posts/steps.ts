/**
 * Work done in steps, so that reading a big thread's posts can give the page its turns: a
 * generator that yields between steps (one post each) and returns its result. The scanner runs it
 * in time slices; `runNow` runs it to the end at once (a change's few posts, tests, scripts).
 */
export type Steps<T> = Generator<void, T, void>;

export function runNow<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `items.map(map)`, a step an item. */
export function* mapInSteps<T, U>(items: readonly T[], map: (item: T) => U): Steps<U[]> {
  const mapped: U[] = [];
  for (const item of items) {
    mapped.push(map(item));
    yield;
  }
  return mapped;
}

/** `items.filter(keep)`, a step an item. */
export function* filterInSteps<T>(items: readonly T[], keep: (item: T) => boolean): Steps<T[]> {
  const kept: T[] = [];
  for (const item of items) {
    if (keep(item)) kept.push(item);
    yield;
  }
  return kept;
}
