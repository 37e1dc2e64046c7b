/**
 * The compiled lexicon and the one-pass scanner. Every variant becomes a path of token keys in a
 * trie; a scan walks the trie from each token and keeps the longest term that ends there, so the
 * cost is O(tokens x longest variant), whatever the number of variants.
 */
import type { LexiconSource } from '../../content-data/schema';
import { NUMBER_KEY, phraseKeys, type Tokens } from '../text';
import { buildDeletionIndex, fuzzyLookup, MIN_FUZZY_LENGTH, type DeletionIndex } from './fuzzy';
import { createTrie, insertPhrase, longestAt, scanPhrases, type TrieNode } from './trie';

export interface CompiledTerm {
  id: string;
  topicIds: string[];
  redFlagIds: string[];
  /** Bit set of the anchor groups one of which must be near; 0 when the term needs none. */
  anchorBits: number;
}

export interface Lexicon {
  terms: CompiledTerm[];
  redFlags: LexiconSource['redFlags'];
  termTrie: TrieNode<CompiledTerm>;
  /** Values are anchor-group bits. */
  anchorTrie: TrieNode<number>;
  /** Every key that occurs in a variant: such tokens are never "corrected". */
  vocabulary: Set<string>;
  typos: DeletionIndex;
  /** Token key -> the key the matcher walks ('' for a filler), filled as texts are scanned. */
  walkKeys: Map<string, string>;
}

/** A term found in a text, in tokens and in characters. */
export interface RawMatch {
  term: CompiledTerm;
  firstToken: number;
  /** Exclusive. */
  endToken: number;
  start: number;
  end: number;
}

const MAX_WALK_KEYS_CACHED = 50000;

/**
 * Words skipped on both sides when matching, so that one variant covers "numbness in my groin",
 * "numbness in the groin" and "numbness in groin", or "legs feel weak", "legs are weak" and
 * "legs have been so weak".
 */
const FILLER_KEYS = new Set(
  phraseKeys(
    'my the a an his her their your our its both just also still totally completely very really so quite ' +
      'extremely super bit little slightly any some is are was were be been being am keep keeps kept',
  ),
);

/** The keys of a variant or anchor word, fillers left out (as the scan leaves them out). */
function variantKeys(variant: string): string[] {
  return phraseKeys(variant).filter((key) => !FILLER_KEYS.has(key));
}

const MAX_ANCHOR_GROUPS = 31;

/** One trie entry per anchor word, holding the bits of every group that lists it. */
function compileAnchors(anchors: LexiconSource['anchors'], anchorBit: Map<string, number>): TrieNode<number> {
  const bitsByWord = new Map<string, { keys: string[]; bits: number }>();
  for (const group of anchors) {
    for (const word of group.words) {
      const keys = variantKeys(word);
      if (keys.length === 0) continue;
      const entry = bitsByWord.get(keys.join(' ')) ?? { keys, bits: 0 };
      entry.bits |= anchorBit.get(group.id)!;
      bitsByWord.set(keys.join(' '), entry);
    }
  }
  const trie = createTrie<number>();
  for (const { keys, bits } of bitsByWord.values()) insertPhrase(trie, keys, bits);
  return trie;
}

export function compileLexicon(source: LexiconSource): Lexicon {
  if (source.anchors.length > MAX_ANCHOR_GROUPS) throw new Error(`at most ${MAX_ANCHOR_GROUPS} anchor groups are supported`);
  const anchorBit = new Map(source.anchors.map((group, i) => [group.id, 1 << i]));
  const anchorTrie = compileAnchors(source.anchors, anchorBit);

  const termTrie = createTrie<CompiledTerm>();
  const vocabulary = new Set<string>();
  const singleWords = new Set<string>();
  const terms = source.terms.map((term): CompiledTerm => {
    const compiled = {
      id: term.id,
      topicIds: term.topics,
      redFlagIds: term.redFlags,
      anchorBits: (term.anchors ?? []).reduce((bits, id) => bits | (anchorBit.get(id) ?? 0), 0),
    };
    for (const variant of term.variants) {
      const keys = variantKeys(variant);
      if (keys.length === 0) continue;
      for (const key of keys) vocabulary.add(key);
      // Typos are forgiven in words that mean back pain on their own, never in anchored ones
      // ("stripping" is not "tripping").
      if (keys.length === 1 && keys[0] !== NUMBER_KEY && compiled.anchorBits === 0) singleWords.add(keys[0]!);
      insertPhrase(termTrie, keys, compiled);
    }
    return compiled;
  });

  return {
    terms,
    redFlags: source.redFlags,
    termTrie,
    anchorTrie,
    vocabulary,
    typos: buildDeletionIndex(singleWords),
    walkKeys: new Map(),
  };
}

/** User names and codes ("physio_dan", "physio1") are nobody's misspelling of a term. */
const IDENTIFIER_KEY = /[\d_]/;

/** '' for a filler; a misspelling of a single-word variant becomes that variant; others stay. */
function walkKey(key: string, lexicon: Lexicon): string {
  if (FILLER_KEYS.has(key)) return '';
  if (key.length < MIN_FUZZY_LENGTH || lexicon.vocabulary.has(key) || IDENTIFIER_KEY.test(key)) return key;
  return fuzzyLookup(key, lexicon.typos) ?? key;
}

/** The keys the matcher walks, fillers left out; `positions[i]` is the token index of `keys[i]`. */
function matchableKeys(tokens: Tokens, lexicon: Lexicon): { keys: string[]; positions: Int32Array } {
  const { walkKeys } = lexicon;
  const keys: string[] = [];
  const positions = new Int32Array(tokens.count);
  for (let i = 0; i < tokens.count; i++) {
    const key = tokens.keys[i]!;
    let walked = walkKeys.get(key);
    if (walked === undefined) {
      walked = walkKey(key, lexicon);
      if (walkKeys.size >= MAX_WALK_KEYS_CACHED) walkKeys.clear();
      walkKeys.set(key, walked);
    }
    if (walked === '') continue;
    positions[keys.length] = i;
    keys.push(walked);
  }
  return { keys, positions };
}

/** For each sentence, the bit set of anchor groups that have a word in it. */
function anchorsBySentence(tokens: Tokens, keys: string[], positions: Int32Array, lexicon: Lexicon): Uint32Array {
  const sentenceCount = tokens.count === 0 ? 0 : tokens.sentences[tokens.count - 1]! + 1;
  const bits = new Uint32Array(sentenceCount);
  for (const hit of scanPhrases(lexicon.anchorTrie, keys)) bits[tokens.sentences[positions[hit.start]!]!]! |= hit.value;
  return bits;
}

function anchoredIn(sentence: number, anchorBits: Uint32Array, term: CompiledTerm): boolean {
  const near = (anchorBits[sentence - 1] ?? 0) | anchorBits[sentence]! | (anchorBits[sentence + 1] ?? 0);
  return (near & term.anchorBits) !== 0;
}

/**
 * All terms in the tokens, left to right, never overlapping: at each token the longest variant
 * that starts there (and whose anchors, if it needs any, are in the same or a neighbouring
 * sentence) wins, and the scan resumes after it.
 */
export function findMatches(tokens: Tokens, lexicon: Lexicon): RawMatch[] {
  const { keys, positions } = matchableKeys(tokens, lexicon);
  let anchorBits: Uint32Array | undefined;
  let sentence = 0;
  const accept = (term: CompiledTerm) =>
    term.anchorBits === 0 ||
    anchoredIn(sentence, (anchorBits ??= anchorsBySentence(tokens, keys, positions, lexicon)), term);
  const matches: RawMatch[] = [];
  let i = 0;
  while (i < keys.length) {
    const firstToken = positions[i]!;
    sentence = tokens.sentences[firstToken]!;
    const hit = longestAt(lexicon.termTrie, keys, i, accept);
    if (hit) {
      const endToken = positions[hit.end - 1]! + 1;
      matches.push({ term: hit.value, firstToken, endToken, start: tokens.starts[firstToken]!, end: tokens.ends[endToken - 1]! });
      i = hit.end;
    } else {
      i++;
    }
  }
  return matches;
}
