/**
 * Concepts: named groups of words ("legs", "numb", "bladder"), found in one pass over the token keys.
 * The longest phrase at a token wins, so a phrase hides the words inside it: "no problems" works
 * fine, "pain points" is no pain (a phrase that means two things is listed in both concepts).
 * Filler words are skipped in phrases and text alike ("back is sore" is also "back's been sore"),
 * except those that are concept words themselves.
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
  /** Every key of every concept word. */
  keys: Set<string>;
  /** The one-word concept words, which a misspelling may be corrected to. */
  singleWords: Set<string>;
  /** Keys skipped when scanning for concepts. */
  fillers: Set<string>;
}

/** `fillers`: the words skipped between words; those that are a concept word on their own still count. */
export function compileConcepts(concepts: readonly Concept[], fillers: ReadonlySet<string>): CompiledConcepts {
  const ownWords = new Set(concepts.flatMap((concept) => concept.words.map(phraseKeys).filter((keys) => keys.length === 1).flat()));
  const skipped = new Set([...fillers].filter((key) => !ownWords.has(key)));
  const byPhrase = new Map<string, { keys: string[]; concepts: Set<number> }>();
  concepts.forEach((concept, index) => {
    for (const word of concept.words) {
      const keys = phraseKeys(word).filter((key) => !skipped.has(key));
      if (keys.length === 0) continue;
      const entry = byPhrase.get(keys.join(' ')) ?? { keys, concepts: new Set<number>() };
      entry.concepts.add(index);
      byPhrase.set(keys.join(' '), entry);
    }
  });
  const trie = createTrie<number[]>();
  const allKeys = new Set<string>();
  const singleWords = new Set<string>();
  for (const { keys, concepts: own } of byPhrase.values()) {
    insertPhrase(trie, keys, [...own].sort((a, b) => a - b));
    for (const key of keys) allKeys.add(key);
    if (keys.length === 1) singleWords.add(keys[0]!);
  }
  return { ids: concepts.map((concept) => concept.id), trie, keys: allKeys, singleWords, fillers: skipped };
}

/**
 * The concept words in `keys` (fillers already left out), longest first at each key, without
 * overlaps; `positions[i]` is the token of `keys[i]`, and hits are in tokens.
 */
export function findConcepts(compiled: CompiledConcepts, keys: readonly string[], positions: Int32Array): ConceptHit[] {
  return scanPhrases(compiled.trie, keys).map((hit) => ({
    start: positions[hit.start]!,
    end: positions[hit.end - 1]! + 1,
    concepts: hit.value,
  }));
}
