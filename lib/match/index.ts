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
  /** Every key that occurs in a variant or an anchor word: such tokens are never "corrected". */
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
 * "legs have been so weak". Subject pronouns go too: "worse when I lie down" also reads "worse when
 * she lies down" (who it is, is the context's business, which reads the text, not these keys).
 */
const FILLER_KEYS = new Set(
  phraseKeys(
    'my the a an his her their your our its both just also still totally completely very really so quite ' +
      'extremely super bit little slightly any some is are was were be been being am keep keeps kept ' +
      'i you he she we they kinda sorta literally',
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
  const vocabulary = new Set(source.anchors.flatMap((group) => group.words.flatMap(variantKeys)));
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

/**
 * '' for a filler; a dropped final g ("gettin", "peein") is put back when that makes a word of the
 * lexicon; a misspelling of a single-word variant becomes that variant; others stay.
 */
function walkKey(key: string, lexicon: Lexicon): string {
  if (FILLER_KEYS.has(key)) return '';
  if (lexicon.vocabulary.has(key)) return key;
  if (key.endsWith('in') && lexicon.vocabulary.has(`${key}g`)) return `${key}g`;
  if (key.length < MIN_FUZZY_LENGTH || IDENTIFIER_KEY.test(key)) return key;
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

/**
 * How far, in tokens, an anchor word may be beyond the neighbouring sentences for a denied sign:
 * people list the signs they do not have after their story ("Back's sore. Took paracetamol. For
 * the record, no numbness."), and a denial cannot raise the urgency if it was about something else.
 */
const DENIED_REACH_TOKENS = 25;

/** Words that deny the sign right after them. */
const DENIALS = new Set(phraseKeys('no not without zero nor'));

/** For each sentence, the bit set of anchor groups that have a word in it, and its token span. */
interface SentenceAnchors {
  bits: Uint32Array;
  firstTokens: Int32Array;
  lastTokens: Int32Array;
}

function anchorsBySentence(tokens: Tokens, keys: string[], positions: Int32Array, lexicon: Lexicon): SentenceAnchors {
  const sentenceCount = tokens.count === 0 ? 0 : tokens.sentences[tokens.count - 1]! + 1;
  const bits = new Uint32Array(sentenceCount);
  const firstTokens = new Int32Array(sentenceCount);
  const lastTokens = new Int32Array(sentenceCount);
  for (let i = tokens.count - 1; i >= 0; i--) firstTokens[tokens.sentences[i]!] = i;
  for (let i = 0; i < tokens.count; i++) lastTokens[tokens.sentences[i]!] = i;
  for (const hit of scanPhrases(lexicon.anchorTrie, keys)) bits[tokens.sentences[positions[hit.start]!]!]! |= hit.value;
  return { bits, firstTokens, lastTokens };
}

/** A match's tokens (end exclusive), its sentence and how many tokens beyond the neighbouring sentences anchors reach. */
interface AnchorSearch {
  firstToken: number;
  endToken: number;
  sentence: number;
  reach: number;
}

/** Whether one of the term's anchor groups is in the same or a neighbouring sentence, or within reach. */
function anchoredAt({ firstToken, endToken, sentence, reach }: AnchorSearch, anchors: SentenceAnchors, term: CompiledTerm): boolean {
  const { bits, firstTokens, lastTokens } = anchors;
  let near = (bits[sentence - 1] ?? 0) | bits[sentence]! | (bits[sentence + 1] ?? 0);
  for (let before = sentence - 2; before >= 0 && lastTokens[before]! >= firstToken - reach; before--) near |= bits[before]!;
  for (let after = sentence + 2; after < bits.length && firstTokens[after]! < endToken + reach; after++) near |= bits[after]!;
  return (near & term.anchorBits) !== 0;
}

/**
 * All terms in the tokens, left to right, never overlapping: at each token the longest variant
 * that starts there (and whose anchors, if it needs any, are near: see `anchoredAt`) wins, and the scan resumes after it.
 */
export function findMatches(tokens: Tokens, lexicon: Lexicon): RawMatch[] {
  const { keys, positions } = matchableKeys(tokens, lexicon);
  let anchors: SentenceAnchors | undefined;
  let sentence = 0;
  let firstToken = 0;
  let reach = 0;
  const accept = (term: CompiledTerm, endKey: number) =>
    term.anchorBits === 0 ||
    anchoredAt(
      { firstToken, endToken: positions[endKey - 1]! + 1, sentence, reach },
      (anchors ??= anchorsBySentence(tokens, keys, positions, lexicon)),
      term,
    );
  const matches: RawMatch[] = [];
  let i = 0;
  while (i < keys.length) {
    firstToken = positions[i]!;
    sentence = tokens.sentences[firstToken]!;
    reach = i > 0 && DENIALS.has(keys[i - 1]!) ? DENIED_REACH_TOKENS : 0;
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
