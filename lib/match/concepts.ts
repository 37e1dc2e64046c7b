/**
 * Concepts: named groups of words ("legs", "numb", "bladder"), found in one pass over the token keys.
 * The longest phrase at a token wins, so a phrase hides the words inside it: "no problems" works
 * fine, "pain points" is no pain (a phrase that means two things is listed in both concepts).
 * Filler words are skipped in phrases and text alike ("back is sore" is also "back's been sore"),
 * except those that are concept words themselves, and in exact concepts, whose phrases are idioms
 * matched word for word ("is back"; "I feel numb." where it ends a clause).
 */
import type { Concept } from '../../content-data/schema';
import { phraseKeys } from '../text';
import { createTrie, insertPhrase, scanPhrases, type TrieNode } from './trie';

export interface ConceptHit {
  /** Token indices; `end` is exclusive. */
  start: number;
  end: number;
  /** Indices into the compiled concepts. */
  concepts: readonly number[];
}

export interface CompiledConcepts {
  ids: string[];
  trie: TrieNode<number[]>;
  /** The exact concepts' phrases, with every word. */
  exactTrie: TrieNode<number[]>;
  /** Every key of every concept word. */
  keys: Set<string>;
  /** The one-word concept words, which a misspelling may be corrected to. */
  singleWords: Set<string>;
  /** Keys skipped when scanning for concepts. */
  fillers: Set<string>;
  /** Per concept index: its phrases count only where they end a clause. */
  clauseEndOnly: boolean[];
}

/** `fillers`: the words skipped between words; those that are a concept word on their own still count. */
export function compileConcepts(concepts: readonly Concept[], fillers: ReadonlySet<string>): CompiledConcepts {
  const ownWords = new Set(concepts.flatMap((concept) => concept.words.map(phraseKeys).filter((keys) => keys.length === 1).flat()));
  const skipped = new Set([...fillers].filter((key) => !ownWords.has(key)));
  const withoutFillers = (keys: string[]) => keys.filter((key) => !skipped.has(key));
  // A phrase that is little words but one ("lying still", "the ladies", "a lot") would be any
  // "lying", "lady" or "lot" without them: it is matched word for word, as exact concepts are.
  const collapses = (keys: string[]) => keys.length > 1 && withoutFillers(keys).length < 2;
  const trie = phraseTrie(concepts, (concept) => !concept.exact, (keys) => (collapses(keys) ? [] : withoutFillers(keys)));
  const exactTrie = phraseTrie(concepts, () => true, (keys, concept) => (concept.exact || collapses(keys) ? keys : []));
  const allKeys = new Set<string>();
  const singleWords = new Set<string>();
  for (const concept of concepts) {
    for (const word of concept.words) {
      const keys = phraseKeys(word);
      for (const key of keys) allKeys.add(key);
      if (keys.length === 1) singleWords.add(keys[0]!);
    }
  }
  return {
    ids: concepts.map((concept) => concept.id),
    trie,
    exactTrie,
    keys: allKeys,
    singleWords,
    fillers: skipped,
    clauseEndOnly: concepts.map((concept) => concept.clauseEnd ?? false),
  };
}

/** One trie entry per phrase of the concepts `included` takes, holding every concept that lists it. */
export function phraseTrie(
  concepts: readonly Concept[],
  included: (concept: Concept) => boolean,
  keysOf: (keys: string[], concept: Concept) => string[],
): TrieNode<number[]> {
  const byPhrase = new Map<string, { keys: string[]; concepts: Set<number> }>();
  concepts.forEach((concept, index) => {
    if (!included(concept)) return;
    for (const word of concept.words) {
      const keys = keysOf(phraseKeys(word), concept);
      if (keys.length === 0) continue;
      const entry = byPhrase.get(keys.join(' ')) ?? { keys, concepts: new Set<number>() };
      entry.concepts.add(index);
      byPhrase.set(keys.join(' '), entry);
    }
  });
  const trie = createTrie<number[]>();
  for (const { keys, concepts: own } of byPhrase.values()) insertPhrase(trie, keys, [...own].sort((a, b) => a - b));
  return trie;
}

/**
 * Is one of `concepts` among hits[from, to) within `reach` tokens of tokens [first, end)? (All the
 * hits by default.)
 */
export function conceptNear(
  hits: readonly ConceptHit[],
  first: number,
  end: number,
  concepts: readonly number[],
  reach: number,
  from = 0,
  to = hits.length,
): boolean {
  for (let i = from; i < to; i++) {
    const hit = hits[i]!;
    if (hit.end > first - reach && hit.start < end + reach && hit.concepts.some((concept) => concepts.includes(concept))) return true;
  }
  return false;
}

/**
 * The concept words of a text, in order: `keys` are its keys with fillers left out (`positions[i]`
 * the token of `keys[i]`), `allKeys` every token's key; hits are in tokens. `endsClause(token)`:
 * whether the clause ends after that token.
 */
export function findConcepts(
  compiled: CompiledConcepts,
  keys: readonly string[],
  positions: Int32Array,
  allKeys: readonly string[],
  endsClause: (token: number) => boolean,
): ConceptHit[] {
  const placed = (concepts: number[], end: number) =>
    !concepts.every((concept) => compiled.clauseEndOnly[concept]) || endsClause(end - 1);
  const exact = scanPhrases(compiled.exactTrie, allKeys, 0, allKeys.length, placed).map(
    (hit): ConceptHit => ({ start: hit.start, end: hit.end, concepts: hit.value }),
  );
  const hits = scanPhrases(compiled.trie, keys).map(
    (hit): ConceptHit => ({ start: positions[hit.start]!, end: positions[hit.end - 1]! + 1, concepts: hit.value }),
  );
  if (exact.length === 0) return hits;
  // As one scan would: leftmost first, then longest (an exact hit first of two alike); what
  // overlaps a hit taken is dropped. Both lists are in order: they are merged.
  const taken: ConceptHit[] = [];
  let takenEnd = -1;
  for (let e = 0, h = 0; e < exact.length || h < hits.length; ) {
    const fromExact = h >= hits.length || (e < exact.length && (exact[e]!.start < hits[h]!.start || (exact[e]!.start === hits[h]!.start && exact[e]!.end >= hits[h]!.end)));
    const hit = fromExact ? exact[e++]! : hits[h++]!;
    if (hit.start >= takenEnd) {
      taken.push(hit);
      takenEnd = hit.end;
    }
  }
  return taken;
}
