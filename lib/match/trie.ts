/** A trie over token keys: phrases in, the longest phrase starting at a token out. */
export interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  /** The values of the phrases that end here, first inserted first. */
  values: T[];
}

export function createTrie<T>(): TrieNode<T> {
  return { next: new Map(), values: [] };
}

export function insertPhrase<T>(root: TrieNode<T>, keys: string[], value: T): void {
  let node = root;
  for (const key of keys) {
    let child = node.next.get(key);
    if (!child) {
      child = createTrie<T>();
      node.next.set(key, child);
    }
    node = child;
  }
  if (!node.values.includes(value)) node.values.push(value);
}

export interface PhraseHit<T> {
  value: T;
  /** Exclusive token index. */
  end: number;
}

const acceptAll = () => true;

/**
 * The longest phrase that starts at token `start` and has a value `accept` takes (the first such
 * value of that phrase), or undefined. `accept` also gets where the phrase would end (exclusive).
 */
export function longestAt<T>(
  root: TrieNode<T>,
  keys: readonly string[],
  start: number,
  accept: (value: T, end: number) => boolean = acceptAll,
): PhraseHit<T> | undefined {
  let best: PhraseHit<T> | undefined;
  let node = root.next.get(keys[start]!);
  for (let j = start + 1; node; j++) {
    for (const value of node.values) {
      if (accept(value, j)) {
        best = { value, end: j };
        break;
      }
    }
    node = j < keys.length ? node.next.get(keys[j]!) : undefined;
  }
  return best;
}

export interface RangeHit<T> {
  value: T;
  start: number;
  /** Exclusive. */
  end: number;
}

/**
 * The longest phrase at each token of keys[from, to) that `accept` takes, left to right, without
 * overlaps: after a hit the scan resumes at its end. Phrases may run past `to`.
 */
export function scanPhrases<T>(
  root: TrieNode<T>,
  keys: readonly string[],
  from = 0,
  to = keys.length,
  accept: (value: T, end: number) => boolean = acceptAll,
): RangeHit<T>[] {
  const hits: RangeHit<T>[] = [];
  let i = from;
  while (i < to) {
    const hit = longestAt(root, keys, i, accept);
    if (hit) {
      hits.push({ value: hit.value, start: i, end: hit.end });
      i = hit.end;
    } else {
      i++;
    }
  }
  return hits;
}
