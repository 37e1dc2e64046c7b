/**
 * A trie over token keys: phrases in, the longest phrase starting at a token out.
 *
 * Stored flat, not as an object and a map per node: the lexicon's tries have thousands of nodes,
 * most with one child or none, and a map per node was most of the content script's heap. Nodes are
 * numbers (the root is 0); each key has one list of the edges it labels, sorted by parent, so the
 * root's edge, the one every token asks for, is the first.
 */
export interface TrieNode<T> {
  /** Per key: [parent, child, parent, child, …], parents ascending. */
  edges: Map<string, number[]>;
  /** Per node: the values of the phrases that end there, first inserted first (null: none). */
  values: (T[] | null)[];
}

const ROOT = 0;

export function createTrie<T>(): TrieNode<T> {
  return { edges: new Map(), values: [null] };
}

/** Where `parent`'s edge is (or would go) in a key's edge list: an even index. */
function edgeIndex(edges: readonly number[], parent: number): number {
  let low = 0;
  let high = edges.length >> 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (edges[middle * 2]! < parent) low = middle + 1;
    else high = middle;
  }
  return low * 2;
}

/** The child of `node` by `key`, or -1. */
function childOf(trie: TrieNode<unknown>, node: number, key: string): number {
  const edges = trie.edges.get(key);
  if (edges === undefined) return -1;
  if (node === ROOT) return edges[0] === ROOT ? edges[1]! : -1;
  const at = edgeIndex(edges, node);
  return edges[at] === node ? edges[at + 1]! : -1;
}

export function insertPhrase<T>(trie: TrieNode<T>, keys: string[], value: T): void {
  let node = ROOT;
  for (const key of keys) {
    let child = childOf(trie, node, key);
    if (child < 0) {
      child = trie.values.length;
      trie.values.push(null);
      const edges = trie.edges.get(key);
      if (edges) edges.splice(edgeIndex(edges, node), 0, node, child);
      else trie.edges.set(key, [node, child]);
    }
    node = child;
  }
  const values = trie.values[node];
  if (!values) trie.values[node] = [value];
  else if (!values.includes(value)) values.push(value);
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
  trie: TrieNode<T>,
  keys: readonly string[],
  start: number,
  accept: (value: T, end: number) => boolean = acceptAll,
): PhraseHit<T> | undefined {
  let best: PhraseHit<T> | undefined;
  let node = childOf(trie, ROOT, keys[start]!);
  for (let j = start + 1; node >= 0; j++) {
    const values = trie.values[node];
    if (values) {
      for (const value of values) {
        if (accept(value, j)) {
          best = { value, end: j };
          break;
        }
      }
    }
    node = j < keys.length ? childOf(trie, node, keys[j]!) : -1;
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
  trie: TrieNode<T>,
  keys: readonly string[],
  from = 0,
  to = keys.length,
  accept: (value: T, end: number) => boolean = acceptAll,
): RangeHit<T>[] {
  const hits: RangeHit<T>[] = [];
  let i = from;
  while (i < to) {
    const hit = longestAt(trie, keys, i, accept);
    if (hit) {
      hits.push({ value: hit.value, start: i, end: hit.end });
      i = hit.end;
    } else {
      i++;
    }
  }
  return hits;
}
