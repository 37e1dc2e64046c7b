/**
 * The compiled lexicon and the one-pass scanner. A term is found two ways, in the same pass over
 * the tokens:
 * - its variants, each a path of token keys in a trie, the longest that starts at a token winning
 *   (O(tokens x longest variant), whatever the number of variants);
 * - its frames: concept slots in any order within a sentence (see ./frames), over the concept words
 *   found by one trie scan (see ./concepts).
 * Where found mentions overlap they become one match carrying all their topics and red flags.
 */
import type { LexiconSource } from '../../content-data/schema';
import { NUMBER_KEY, phraseKeys, type Tokens } from '../text';
import { compileConcepts, conceptNear, findConcepts, phraseTrie, type CompiledConcepts, type ConceptHit } from './concepts';
import { assembleFrames, compileFrame, UNLESS_REACH, type CompiledFrame, type FrameSearch } from './frames';
import { buildDeletionIndex, fuzzyLookup, MIN_FUZZY_LENGTH, type DeletionIndex } from './fuzzy';
import { createTrie, insertPhrase, longestAt, scanPhrases, type TrieNode } from './trie';

export interface CompiledTerm {
  id: string;
  topicIds: string[];
  redFlagIds: string[];
  /** Bit set of the anchor concepts one of which must be near; 0 when the term needs none. */
  anchorBits: number;
  /** A history, not a symptom (a cancer once had): "it went away" does not make it absent. */
  lasting: boolean;
  /** Its mentions say the sign is absent ("able to walk again"). */
  absent: boolean;
  /** Concept indices that make a variant something else when they are a few words away. */
  unless: number[];
  /** Bit set of the concepts that make a variant something else when they are in or next to its sentence. */
  unlessNearBits: number;
}

export interface Lexicon {
  terms: CompiledTerm[];
  redFlags: LexiconSource['redFlags'];
  termTrie: TrieNode<CompiledTerm>;
  concepts: CompiledConcepts;
  /** Per concept index: its anchor bit, or 0 when no term anchors on it. */
  anchorBitOf: Int32Array;
  /**
   * The anchor concepts alone, scanned on their own: a longer phrase of another concept must not
   * hide an anchor word inside it ("leg pain" still has a leg, "in remission" a cancer word).
   */
  anchorTrie: TrieNode<number[]>;
  framesByConcept: CompiledFrame<CompiledTerm>[][];
  /** Keys of the words no frame spans ("but", "if"): the context's terminating cues and clause openers. */
  breakKeys: Set<string>;
  /** Every key that occurs in a variant or a concept word: such tokens are never "corrected". */
  vocabulary: Set<string>;
  typos: DeletionIndex;
  /** Token key -> the key the matcher walks and whether the scans skip it, filled as texts are scanned. */
  walkKeys: Map<string, WalkKey>;
}

/** What the scans make of a token key. */
interface WalkKey {
  /** The key corrected (see `correctedKey`). */
  walked: string;
  /** Variants skip it (see FILLER_KEYS). */
  variantFiller: boolean;
  /** Concepts skip it (see `CompiledConcepts.fillers`). */
  conceptFiller: boolean;
}

/** A term found in a text, in tokens and in characters. */
export interface RawMatch {
  /** The term it is reported as: the one with a red flag and the widest span, when several overlap. */
  term: CompiledTerm;
  topicIds: string[];
  redFlagIds: string[];
  lasting: boolean;
  /** Found only by frames that say the sign is absent ("legs are fine"). */
  absent: boolean;
  firstToken: number;
  /** Exclusive. */
  endToken: number;
  /** The token ranges of the words that were matched (a frame's slots), in order. */
  slots: [number, number][];
  /** The overlapping mentions it joins, when it joins several (each with its own words). */
  parts?: MatchPart[];
  /** Found by frames only. */
  byFrame: boolean;
  start: number;
  end: number;
}

/** One of several overlapping mentions joined into one match. */
export interface MatchPart {
  term: CompiledTerm;
  /** Found by a frame rather than by a variant's own words. */
  byFrame: boolean;
  firstToken: number;
  endToken: number;
  slots: [number, number][];
  absent: boolean;
  lasting: boolean;
  redFlagIds: string[];
}

const MAX_WALK_KEYS_CACHED = 50000;

/**
 * Words skipped on both sides when matching variants, so that one variant covers "numbness in my
 * groin", "numbness in the groin" and "numbness in groin". Frames see them (they allow gaps anyway).
 */
const FILLER_KEYS = new Set(
  phraseKeys(
    'my the a an his her their your our its both just also still totally completely very really so quite ' +
      'extremely super bit little slightly any some is are was were be been being am keep keeps kept ' +
      'i you he she we they kinda sorta literally',
  ),
);

/** Concept words corrected when misspelt must be at least this long ("strand" is not "stand"). */
const MIN_CONCEPT_TYPO_LENGTH = 7;

/** Red flags that are a history, not a symptom. */
const HISTORY_RED_FLAGS = new Set(['rf-cancer-history']);

/** The keys of a variant, fillers left out (as the scan leaves them out). */
function variantKeys(variant: string): string[] {
  return phraseKeys(variant).filter((key) => !FILLER_KEYS.has(key));
}

const MAX_ANCHOR_CONCEPTS = 31;

/** A bit per concept that some term or frame needs near. */
function anchorBits(source: LexiconSource, conceptIndex: ReadonlyMap<string, number>): Int32Array {
  const anchored = new Set(
    source.terms.flatMap((term) => [
      ...(term.anchors ?? []),
      ...(term.unlessNear ?? []),
      ...(term.frames ?? []).flatMap((frame) => [...(frame.near ?? []), ...(frame.unlessNear ?? [])]),
    ]),
  );
  if (anchored.size > MAX_ANCHOR_CONCEPTS) throw new Error(`at most ${MAX_ANCHOR_CONCEPTS} concepts can be anchors`);
  const bits = new Int32Array(source.concepts.length);
  [...anchored].forEach((id, i) => {
    const index = conceptIndex.get(id);
    if (index !== undefined) bits[index] = 1 << i;
  });
  return bits;
}

export function compileLexicon(source: LexiconSource): Lexicon {
  const concepts = compileConcepts(source.concepts, FILLER_KEYS);
  const conceptIndex = new Map(concepts.ids.map((id, i) => [id, i]));
  const anchorBitOf = anchorBits(source, conceptIndex);
  const anchorTrie = phraseTrie(
    source.concepts,
    // Hiding phrases count here too: "not dieting" has no diet in it.
    (concept) => anchorBitOf[conceptIndex.get(concept.id)!] !== 0 || concept.hides === true,
    (keys) => keys.filter((key) => !concepts.fillers.has(key)),
  );
  const bitsOf = (ids: readonly string[]) => ids.reduce((bits, id) => bits | (anchorBitOf[conceptIndex.get(id) ?? -1] ?? 0), 0);

  const termTrie = createTrie<CompiledTerm>();
  const vocabulary = new Set(concepts.keys);
  const typoTargets = new Set([...concepts.singleWords].filter((word) => word.length >= MIN_CONCEPT_TYPO_LENGTH));
  const framesByConcept: CompiledFrame<CompiledTerm>[][] = concepts.ids.map(() => []);
  const terms = source.terms.map((term): CompiledTerm => {
    const compiled: CompiledTerm = {
      id: term.id,
      topicIds: term.topics,
      redFlagIds: term.redFlags,
      anchorBits: bitsOf(term.anchors ?? []),
      lasting: term.redFlags.some((id) => HISTORY_RED_FLAGS.has(id)),
      absent: term.absent ?? false,
      unless: (term.unless ?? []).flatMap((id) => conceptIndex.get(id) ?? []),
      unlessNearBits: bitsOf(term.unlessNear ?? []),
    };
    for (const variant of term.variants) {
      const keys = variantKeys(variant);
      if (keys.length === 0) continue;
      for (const key of keys) vocabulary.add(key);
      // Typos are forgiven in words that mean back pain on their own, never in anchored ones
      // ("stripping" is not "tripping").
      if (keys.length === 1 && keys[0] !== NUMBER_KEY && compiled.anchorBits === 0) typoTargets.add(keys[0]!);
      insertPhrase(termTrie, keys, compiled);
    }
    for (const frame of term.frames ?? []) {
      const compiledFrame = compileFrame(frame, compiled, conceptIndex);
      for (const concept of new Set(compiledFrame.slots.flat())) framesByConcept[concept]!.push(compiledFrame);
    }
    return compiled;
  });
  const breakKeys = new Set(
    [
      ...source.context.rules.filter((rule) => rule.direction === 'terminate').flatMap((rule) => rule.phrases),
      ...source.context.clauseOpeners,
    ]
      .map(phraseKeys)
      .filter((keys) => keys.length === 1)
      .map((keys) => keys[0]!),
  );

  return {
    terms,
    redFlags: source.redFlags,
    termTrie,
    concepts,
    anchorBitOf,
    anchorTrie,
    framesByConcept,
    breakKeys,
    vocabulary,
    typos: buildDeletionIndex(typoTargets),
    walkKeys: new Map(),
  };
}

/** User names and codes ("physio_dan", "physio1") are nobody's misspelling of a term. */
const IDENTIFIER_KEY = /[\d_]/;

/**
 * A dropped final g ("gettin", "peein") is put back when that makes a word of the lexicon; a
 * misspelling of a one-word variant or concept word becomes that word; others stay.
 */
function correctedKey(key: string, lexicon: Lexicon): string {
  if (lexicon.vocabulary.has(key)) return key;
  if (key.endsWith('in') && lexicon.vocabulary.has(`${key}g`)) return `${key}g`;
  if (key.length < MIN_FUZZY_LENGTH || IDENTIFIER_KEY.test(key)) return key;
  return fuzzyLookup(key, lexicon.typos) ?? key;
}

/** Keys with the fillers of a scan left out; `positions[i]` is the token of `keys[i]`. */
interface ScanKeys {
  keys: string[];
  positions: Int32Array;
}

/**
 * Each token's corrected key, and the keys the variants and the concepts are scanned over (each
 * with its own fillers left out).
 */
function scanKeys(tokens: Tokens, lexicon: Lexicon): { corrected: string[]; variants: ScanKeys; concepts: ScanKeys } {
  const { walkKeys } = lexicon;
  const corrected: string[] = new Array(tokens.count);
  const variants: ScanKeys = { keys: [], positions: new Int32Array(tokens.count) };
  const concepts: ScanKeys = { keys: [], positions: new Int32Array(tokens.count) };
  for (let i = 0; i < tokens.count; i++) {
    const key = tokens.keys[i]!;
    let entry = walkKeys.get(key);
    if (entry === undefined) {
      const walked = correctedKey(key, lexicon);
      entry = { walked, variantFiller: FILLER_KEYS.has(walked), conceptFiller: lexicon.concepts.fillers.has(walked) };
      if (walkKeys.size >= MAX_WALK_KEYS_CACHED) walkKeys.clear();
      walkKeys.set(key, entry);
    }
    const { walked } = entry;
    corrected[i] = walked;
    if (!entry.variantFiller) {
      variants.positions[variants.keys.length] = i;
      variants.keys.push(walked);
    }
    if (!entry.conceptFiller) {
      concepts.positions[concepts.keys.length] = i;
      concepts.keys.push(walked);
    }
  }
  return { corrected, variants, concepts };
}

/**
 * How far, in tokens, an anchor word may be beyond the neighbouring sentences for a denied sign:
 * people list the signs they do not have after their story ("Back's sore. Took paracetamol. For
 * the record, no numbness."), and a denial cannot raise the urgency if it was about something else.
 */
const DENIED_REACH_TOKENS = 25;

/** How far, in tokens, a frame's `near` concept may be beyond the neighbouring sentences. */
const NEAR_REACH_TOKENS = 40;

/** How far, in tokens, any anchor may be beyond the neighbouring sentences (a list item under its lead-in). */
const ANCHOR_REACH_TOKENS = 20;

/** Words that deny the sign right after them. */
const DENIALS = new Set(phraseKeys('no not without zero nor'));

/** The text's sentences: their token spans, their concept hits, and the anchor concepts each holds. */
interface Sentences {
  firstTokens: Int32Array;
  lastTokens: Int32Array;
  /** The concept hits of sentence s are hits[hitStarts[s], hitStarts[s + 1]). */
  hits: readonly ConceptHit[];
  hitStarts: Int32Array;
  /** The bit set of the anchor concepts in a sentence, read when first asked for (few sentences need it). */
  anchorBits(sentence: number): number;
}

function readSentences(tokens: Tokens, conceptHits: readonly ConceptHit[], concepts: ScanKeys, lexicon: Lexicon): Sentences {
  const sentenceCount = tokens.count === 0 ? 0 : tokens.sentences[tokens.count - 1]! + 1;
  const firstTokens = new Int32Array(sentenceCount);
  const lastTokens = new Int32Array(sentenceCount);
  for (let i = tokens.count - 1; i >= 0; i--) firstTokens[tokens.sentences[i]!] = i;
  for (let i = 0; i < tokens.count; i++) lastTokens[tokens.sentences[i]!] = i;
  const hitStarts = new Int32Array(sentenceCount + 1).fill(conceptHits.length);
  for (let i = conceptHits.length - 1; i >= 0; i--) hitStarts[tokens.sentences[conceptHits[i]!.start]!] = i;
  for (let s = sentenceCount - 1; s >= 0; s--) hitStarts[s] = Math.min(hitStarts[s]!, hitStarts[s + 1]!);
  // Where each sentence's concept keys start (the keys skip fillers, so they are not the tokens).
  const keyStarts = new Int32Array(sentenceCount + 1).fill(concepts.keys.length);
  for (let i = concepts.keys.length - 1; i >= 0; i--) keyStarts[tokens.sentences[concepts.positions[i]!]!] = i;
  for (let s = sentenceCount - 1; s >= 0; s--) keyStarts[s] = Math.min(keyStarts[s]!, keyStarts[s + 1]!);
  const bits = new Int32Array(sentenceCount).fill(-1);
  const anchorBits = (sentence: number) => {
    if (sentence < 0 || sentence >= sentenceCount) return 0;
    if (bits[sentence]! >= 0) return bits[sentence]!;
    let found = 0;
    for (const hit of scanPhrases(lexicon.anchorTrie, concepts.keys, keyStarts[sentence]!, keyStarts[sentence + 1]!)) {
      for (const concept of hit.value) found |= lexicon.anchorBitOf[concept]!;
    }
    bits[sentence] = found;
    return found;
  };
  return { firstTokens, lastTokens, hits: conceptHits, hitStarts, anchorBits };
}

/** The anchor bits in the sentence, its neighbours, and `reach` tokens beyond them. */
function anchorsNear(sentences: Sentences, sentence: number, firstToken: number, endToken: number, reach: number): number {
  const { firstTokens, lastTokens, anchorBits } = sentences;
  let near = anchorBits(sentence - 1) | anchorBits(sentence) | anchorBits(sentence + 1);
  for (let before = sentence - 2; before >= 0 && lastTokens[before]! >= firstToken - reach; before--) near |= anchorBits(before);
  for (let after = sentence + 2; after < firstTokens.length && firstTokens[after]! < endToken + reach; after++) near |= anchorBits(after);
  return near;
}

/** A candidate mention before overlapping ones are joined. */
interface Found {
  term: CompiledTerm;
  byFrame: boolean;
  firstToken: number;
  endToken: number;
  absent: boolean;
  slots: [number, number][];
}

/**
 * A variant's words never run across a full stop, a comma or the like, as skipped fillers and
 * punctuation could make them ("my lumbar back. The pain", "no tingling, legs fine"); a line break
 * is fine ("spinal cord\ncompression").
 */
function spansStatements(tokens: Tokens, first: number, last: number): boolean {
  if (tokens.sentences[first] !== tokens.sentences[last]) return true;
  for (let i = first; i < last; i++) {
    if (tokens.clauses[i] !== tokens.clauses[i + 1] && tokens.lines[i] === tokens.lines[i + 1]) return true;
  }
  return false;
}

/** Variants, left to right, never overlapping: at each token the longest whose anchors, if it needs any, are near. */
function findVariants(tokens: Tokens, lexicon: Lexicon, keys: string[], positions: Int32Array, sentences: Sentences): Found[] {
  const found: Found[] = [];
  let firstToken = 0;
  let reach = 0;
  const accept = (term: CompiledTerm, endKey: number) => {
    const endToken = positions[endKey - 1]! + 1;
    if (spansStatements(tokens, firstToken, endToken - 1)) return false;
    const sentence = tokens.sentences[firstToken]!;
    const { hits, hitStarts } = sentences;
    if (term.unless.length > 0 && conceptNear(hits, firstToken, endToken, term.unless, UNLESS_REACH, hitStarts[sentence], hitStarts[sentence + 1])) {
      return false;
    }
    if (term.anchorBits === 0 && term.unlessNearBits === 0) return true;
    const near = anchorsNear(sentences, sentence, firstToken, endToken, reach);
    return (term.anchorBits === 0 || (near & term.anchorBits) !== 0) && (near & term.unlessNearBits) === 0;
  };
  let i = 0;
  while (i < keys.length) {
    firstToken = positions[i]!;
    reach = i > 0 && DENIALS.has(keys[i - 1]!) ? DENIED_REACH_TOKENS : ANCHOR_REACH_TOKENS;
    const hit = longestAt(lexicon.termTrie, keys, i, accept);
    if (hit) {
      const endToken = positions[hit.end - 1]! + 1;
      found.push({ term: hit.value, byFrame: false, firstToken, endToken, absent: hit.value.absent, slots: [[firstToken, endToken]] });
      i = hit.end;
    } else {
      i++;
    }
  }
  return found;
}

/** Frame instances, sentence by sentence (only sentences with two concept words or more). */
function findFrames(tokens: Tokens, lexicon: Lexicon, corrected: string[], conceptHits: ConceptHit[], sentences: Sentences): Found[] {
  const found: Found[] = [];
  let sentence = 0;
  // One search, pointed at each sentence's hits in turn.
  const search: FrameSearch<CompiledTerm> = {
    hits: [],
    framesByConcept: lexicon.framesByConcept,
    clauseOf: (token) => tokens.clauses[token]!,
    lineOf: (token) => tokens.lines[token]!,
    // A break word inside a concept phrase ("know when", "came back") is part of that phrase.
    breaksBetween: (first, end) => {
      for (let i = first; i < end; i++) if (lexicon.breakKeys.has(corrected[i]!) && !inHits(search.hits, i)) return true;
      return false;
    },
    isNear: (concepts) => {
      const { hits } = search;
      let bits = 0;
      for (const concept of concepts) bits |= lexicon.anchorBitOf[concept]!;
      return (anchorsNear(sentences, sentence, hits[0]!.start, hits.at(-1)!.end, NEAR_REACH_TOKENS) & bits) !== 0;
    },
  };
  for (let from = 0; from < conceptHits.length; ) {
    sentence = tokens.sentences[conceptHits[from]!.start]!;
    let to = from + 1;
    while (to < conceptHits.length && tokens.sentences[conceptHits[to]!.start] === sentence) to++;
    if (to - from < 2) {
      from = to;
      continue;
    }
    search.hits = conceptHits.slice(from, to);
    from = to;
    const instances = assembleFrames(search);
    for (const instance of instances) {
      found.push({
        term: instance.frame.term,
        byFrame: true,
        firstToken: instance.firstToken,
        endToken: instance.endToken,
        absent: instance.frame.absent,
        slots: instance.fillers.map((hit) => [hit.start, hit.end]),
      });
    }
  }
  return found;
}

/** Is `token` inside one of the hits? */
function inHits(hits: readonly ConceptHit[], token: number): boolean {
  for (const hit of hits) if (hit.start <= token && token < hit.end) return true;
  return false;
}

/**
 * Where variants and frames find the same mention, one stands: a frame instance of a term that a
 * variant of that term already found there adds nothing; a one-word variant inside a frame instance
 * that says more ("numbness" in "numbness down there") gives way to it, when it would carry a red
 * flag the frame does not (the leg's, for what is the saddle's).
 */
function settle(variants: Found[], frames: Found[]): Found[] {
  // Variants never overlap one another and come in order; frames come in order of their first token
  // and span at most MAX_FRAME_TOKENS: each check looks at a few neighbours only.
  const sortedFrames = [...frames].sort((a, b) => a.firstToken - b.firstToken);
  const overlappingVariants = (frame: Found) => {
    let low = 0;
    let high = variants.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (variants[middle]!.endToken <= frame.firstToken) low = middle + 1;
      else high = middle;
    }
    const found: Found[] = [];
    for (let i = low; i < variants.length && variants[i]!.firstToken < frame.endToken; i++) found.push(variants[i]!);
    return found;
  };
  const newFrames = sortedFrames.filter((frame) => !overlappingVariants(frame).some((variant) => variant.term === frame.term));
  const outdone = new Set<Found>();
  for (const frame of newFrames) {
    if (frame.term.redFlagIds.length === 0 || frame.endToken - frame.firstToken <= 1) continue;
    for (const variant of overlappingVariants(frame)) {
      const inside = frame.firstToken <= variant.firstToken && variant.endToken <= frame.endToken;
      if (inside && variant.endToken - variant.firstToken === 1 && variant.term.redFlagIds.some((id) => !frame.term.redFlagIds.includes(id))) {
        outdone.add(variant);
      }
    }
  }
  return [...variants.filter((variant) => !outdone.has(variant)), ...newFrames];
}

/** Sorted, merged token ranges. */
function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** The ids of every mention of a group, in order, each once. */
function unionOf(group: readonly Found[], idsOf: (found: Found) => readonly string[]): string[] {
  const ids: string[] = [];
  for (const found of group) for (const id of idsOf(found)) if (!ids.includes(id)) ids.push(id);
  return ids;
}

/** Which of a group of mentions it is reported as: one with a red flag first, then the widest. */
const primaryRank = (found: Found) => (found.term.redFlagIds.length > 0 ? 1_000_000 : 0) + found.endToken - found.firstToken;

/** One match for a group of overlapping candidates. */
function joinFound(group: Found[], tokens: Tokens): RawMatch {
  if (group.length === 1) {
    const [found] = group as [Found];
    const { term } = found;
    return {
      term,
      byFrame: found.byFrame,
      topicIds: term.topicIds,
      redFlagIds: term.redFlagIds,
      lasting: term.lasting,
      absent: term.redFlagIds.length > 0 && found.absent,
      firstToken: found.firstToken,
      endToken: found.endToken,
      slots: found.slots,
      start: tokens.starts[found.firstToken]!,
      end: tokens.ends[found.endToken - 1]!,
    };
  }
  // The primary mention: the first with a red flag, of the widest such.
  let primary = group[0]!;
  let firstToken = primary.firstToken;
  let endToken = primary.endToken;
  for (const found of group) {
    if (primaryRank(found) > primaryRank(primary)) primary = found;
    firstToken = Math.min(firstToken, found.firstToken);
    endToken = Math.max(endToken, found.endToken);
  }
  const flagged = group.filter((found) => found.term.redFlagIds.length > 0);
  return {
    term: primary.term,
    byFrame: group.every((found) => found.byFrame),
    topicIds: unionOf(group, (found) => found.term.topicIds),
    redFlagIds: unionOf(group, (found) => found.term.redFlagIds),
    lasting: group.some((found) => found.term.lasting),
    absent: flagged.length > 0 && flagged.every((found) => found.absent),
    firstToken,
    endToken,
    slots: mergeRanges(group.flatMap((found) => found.slots)),
    ...(group.length > 1
      ? {
          parts: group.map((found) => ({
            term: found.term,
            byFrame: found.byFrame,
            firstToken: found.firstToken,
            endToken: found.endToken,
            slots: found.slots,
            absent: found.absent,
            lasting: found.term.lasting,
            redFlagIds: found.term.redFlagIds,
          })),
        }
      : {}),
    start: tokens.starts[firstToken]!,
    end: tokens.ends[endToken - 1]!,
  };
}

/** All terms in the tokens, left to right, never overlapping. */
export function findMatches(tokens: Tokens, lexicon: Lexicon): RawMatch[] {
  const { corrected, variants, concepts } = scanKeys(tokens, lexicon);
  const endsClause = (token: number) => token + 1 >= tokens.count || tokens.clauses[token + 1] !== tokens.clauses[token];
  const conceptHits = findConcepts(lexicon.concepts, concepts.keys, concepts.positions, corrected, endsClause);
  const sentences = readSentences(tokens, conceptHits, concepts, lexicon);
  const candidates = settle(
    findVariants(tokens, lexicon, variants.keys, variants.positions, sentences),
    findFrames(tokens, lexicon, corrected, conceptHits, sentences),
  ).sort((a, b) => a.firstToken - b.firstToken || b.endToken - a.endToken);
  const matches: RawMatch[] = [];
  for (let i = 0; i < candidates.length; ) {
    const group = [candidates[i]!];
    let end = candidates[i]!.endToken;
    for (i++; i < candidates.length && candidates[i]!.firstToken < end; i++) {
      group.push(candidates[i]!);
      end = Math.max(end, candidates[i]!.endToken);
    }
    matches.push(joinFound(group, tokens));
  }
  return matches;
}
