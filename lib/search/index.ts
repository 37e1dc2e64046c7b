/**
 * Lookup for the popup and for selected text. Three signals, best first:
 * 1. the page matcher run over the query: a query that contains a term's variant ranks that
 *    term's red flags and topics first (longest variant first), whatever the query length;
 * 2. the query's words, each matched exactly, with one typo (5 letters or more) or as a prefix
 *    (4 letters or more, -ing/-ed/-ly dropped) against the words of titles, variants and
 *    summaries, weighted by rarity;
 * 3. fuse.js over the same texts (prebuilt index), for short queries the first two do not match.
 * fuse.js comes last because one search over the ~1,200 texts costs milliseconds (its Bitap scan
 * is linear in the collection), while 1 and 2 are map look-ups.
 */
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import type { KnowledgeBase } from '../../content-data/schema';
import { buildDeletionIndex, fuzzyLookup } from '../match/fuzzy';
import { compileLexicon, findMatches, type CompiledTerm } from '../match';
import { NUMBER_KEY, phraseKeys, tokenize } from '../text';
import type { SearchResult } from './types';

export type { SearchResult } from './types';

interface SearchDoc {
  id: string;
  kind: SearchResult['kind'];
  title: string;
}

type Field = 'title' | 'variant' | 'summary';

/** One searchable text and the docs (indices into the doc list) it leads to. */
interface SearchEntry {
  text: string;
  field: Field;
  docs: number[];
}

export type SerializedSearchIndex = ReturnType<FuseIndex<SearchEntry>['toJSON']>;
export type Searcher = (query: string, limit?: number) => SearchResult[];

const FIELD_WEIGHT: Record<Field, number> = { title: 1, variant: 0.9, summary: 0.5 };
const TYPO_FACTOR = 0.8;
const PREFIX_FACTOR = 0.7;
const MIN_PREFIX_LENGTH = 4;
const MAX_QUERY_WORDS = 12;
/** Word hits above this score (below 35% of the query's weight) are left out. */
const MAX_WORD_SCORE = 0.65;
const FUSE_PATTERN_LIMIT = 32;
const FUSE_OPTIONS: IFuseOptions<SearchEntry> = { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.4 };
const MAX_RESULTS = 10;
/** The matcher scans at most this much of a query (the side panel caps selections the same way). */
const MAX_QUERY_LENGTH = 20000;
/** Matcher hits score in [0, MATCH_SCORE_SPAN]: 0 when the variant is the whole query. */
const MATCH_SCORE_SPAN = 0.1;
const STOP_KEYS = new Set(
  phraseKeys(
    'the and for with from that this have has had what when can does are was about into my not but you your ' +
      'its it is of in on a an i me to or be do how why which at by',
  ),
);

/** A word without its -ing / -ed / -ly ending, to find "swallow" from "swallowing". */
function stemOf(key: string): string {
  return key.length > 6 ? key.replace(/(?:ing|ed|ly)$/, '') : key;
}

/** Red flags first (they are shown first), then topics. */
function searchDocs(kb: KnowledgeBase): SearchDoc[] {
  return [
    ...kb.redFlags.map((flag) => ({ id: flag.id, kind: 'red-flag' as const, title: flag.label })),
    ...kb.topics.map((topic) => ({ id: topic.id, kind: 'topic' as const, title: topic.title })),
  ];
}

/** Titles, summaries and every distinct variant, each with the docs it leads to. */
function searchEntries(kb: KnowledgeBase): SearchEntry[] {
  const docIndex = new Map(searchDocs(kb).map((doc, i) => [`${doc.kind}:${doc.id}`, i]));
  const indexOf = (kind: SearchResult['kind'], id: string) => docIndex.get(`${kind}:${id}`);
  const entries: SearchEntry[] = [];
  for (const flag of kb.redFlags) {
    const docs = [indexOf('red-flag', flag.id)!];
    entries.push({ text: flag.label, field: 'title', docs }, { text: flag.explanation, field: 'summary', docs });
  }
  for (const topic of kb.topics) {
    const docs = [indexOf('topic', topic.id)!];
    entries.push({ text: topic.title, field: 'title', docs }, { text: topic.summary, field: 'summary', docs });
  }
  const variantDocs = new Map<string, Set<number>>();
  for (const term of kb.terms) {
    const docs = [
      ...term.redFlags.map((id) => indexOf('red-flag', id)),
      ...term.topics.map((id) => indexOf('topic', id)),
    ].filter((doc): doc is number => doc !== undefined);
    for (const variant of term.variants) {
      const known = variantDocs.get(variant) ?? new Set<number>();
      for (const doc of docs) known.add(doc);
      variantDocs.set(variant, known);
    }
  }
  for (const [text, docs] of variantDocs) entries.push({ text, field: 'variant', docs: [...docs] });
  return entries;
}

export function buildSearchIndex(kb: KnowledgeBase): SerializedSearchIndex {
  return Fuse.createIndex(['text'], searchEntries(kb)).toJSON();
}

/** For every word key of the entries: the best field weight per doc. */
function wordIndex(entries: SearchEntry[]): Map<string, Map<number, number>> {
  const index = new Map<string, Map<number, number>>();
  for (const entry of entries) {
    for (const key of phraseKeys(entry.text)) {
      if (STOP_KEYS.has(key) || key === NUMBER_KEY) continue;
      const weights = index.get(key) ?? new Map<number, number>();
      for (const doc of entry.docs) weights.set(doc, Math.max(weights.get(doc) ?? 0, FIELD_WEIGHT[entry.field]));
      index.set(key, weights);
    }
  }
  return index;
}

export function createSearcher(kb: KnowledgeBase, index?: SerializedSearchIndex): Searcher {
  const docs = searchDocs(kb);
  const docNumber = new Map(docs.map((doc, i) => [`${doc.kind}:${doc.id}`, i]));
  const titleKeys = docs.map((doc) => new Set(phraseKeys(doc.title)));
  const entries = searchEntries(kb);
  // The fallback is rarely needed: build it on first use.
  let fuse: Fuse<SearchEntry> | undefined;
  const fuseSearch = (text: string) => {
    const parsed = index && Fuse.parseIndex<SearchEntry>(index as Parameters<typeof Fuse.parseIndex>[0]);
    fuse ??= new Fuse(entries, FUSE_OPTIONS, parsed);
    return fuse.search(text);
  };
  const lexicon = compileLexicon(kb);
  const words = wordIndex(entries);
  const wordKeys = [...words.keys()];
  const typos = buildDeletionIndex(wordKeys);
  const rarity = (key: string) => Math.log(1 + docs.length / (words.get(key)?.size ?? 1));

  /** Doc -> score in [0, 1] (0 best) from the query's words. */
  const wordScores = (keys: string[]): Map<number, number> => {
    const content = [...new Set(keys)].filter((key) => !STOP_KEYS.has(key) && key !== NUMBER_KEY).slice(0, MAX_QUERY_WORDS);
    const totalWeight = content.reduce((sum, key) => sum + rarity(key), 0);
    const gained = new Map<number, number>();
    for (const key of content) {
      const best = new Map<number, number>();
      const credit = (found: string | undefined, factor: number) => {
        for (const [doc, weight] of words.get(found ?? '') ?? []) best.set(doc, Math.max(best.get(doc) ?? 0, weight * factor));
      };
      if (words.has(key)) credit(key, 1);
      else {
        credit(fuzzyLookup(key, typos), TYPO_FACTOR);
        const stem = stemOf(key);
        if (stem.length >= MIN_PREFIX_LENGTH) for (const word of wordKeys) if (word.startsWith(stem)) credit(word, PREFIX_FACTOR);
      }
      for (const [doc, weight] of best) gained.set(doc, (gained.get(doc) ?? 0) + weight * rarity(key));
    }
    const scores = new Map<number, number>();
    for (const [doc, total] of gained) scores.set(doc, 1 - total / totalWeight);
    return scores;
  };

  const labelKeys = new Map(kb.terms.map((term) => [term.id, phraseKeys(term.label)]));
  const sharedWithTitle = (keys: string[], doc: number) =>
    keys.filter((key) => !STOP_KEYS.has(key) && titleKeys[doc]!.has(key)).length;

  /**
   * The docs a term leads to, best first: those whose title shares most words with what matched,
   * then with the term's label (what the term is about, e.g. the topic "Prostate cancer" before
   * the red flag it implies), then those the query's words favour, then red flags before topics.
   */
  const docsOfTerm = (term: CompiledTerm, matchedKeys: string[], byWords: Map<number, number>): number[] => {
    const targets = [
      ...term.redFlagIds.map((id) => docNumber.get(`red-flag:${id}`)),
      ...term.topicIds.map((id) => docNumber.get(`topic:${id}`)),
    ].filter((doc): doc is number => doc !== undefined);
    const label = labelKeys.get(term.id) ?? [];
    return targets
      .map((doc, order) => ({
        doc,
        order,
        matched: sharedWithTitle(matchedKeys, doc),
        label: sharedWithTitle(label, doc),
        words: byWords.get(doc) ?? 1,
      }))
      .sort((a, b) => b.matched - a.matched || b.label - a.label || a.words - b.words || a.order - b.order)
      .map(({ doc }) => doc);
  };

  return (query, limit = MAX_RESULTS) => {
    const text = query.trim().slice(0, MAX_QUERY_LENGTH);
    if (text === '') return [];
    const tokens = tokenize(text);
    const byWords = wordScores(tokens.keys);
    const ranked = new Map<number, number>();

    const matches = findMatches(tokens, lexicon).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    for (const match of matches) {
      const score = MATCH_SCORE_SPAN * (1 - (match.end - match.start) / text.length);
      const matchedKeys = tokens.keys.slice(match.firstToken, match.endToken);
      for (const doc of docsOfTerm(match.term, matchedKeys, byWords)) if (!ranked.has(doc)) ranked.set(doc, score);
    }
    const addRanked = (scores: Iterable<[number, number]>) => {
      const floor = Math.max(0, ...ranked.values());
      const fresh = [...scores].filter(([doc]) => !ranked.has(doc)).sort((a, b) => a[1] - b[1]);
      for (const [doc, score] of fresh) ranked.set(doc, Math.max(score, floor));
    };
    addRanked([...byWords].filter(([, score]) => score <= MAX_WORD_SCORE));
    if (ranked.size === 0 && text.length <= FUSE_PATTERN_LIMIT) {
      const byFuse = new Map<number, number>();
      for (const result of fuseSearch(text)) {
        for (const doc of result.item.docs) if (!byFuse.has(doc)) byFuse.set(doc, result.score ?? 1);
      }
      addRanked(byFuse);
    }

    return [...ranked].slice(0, Math.min(limit, MAX_RESULTS)).map(([doc, score]) => ({
      id: docs[doc]!.id,
      kind: docs[doc]!.kind,
      title: docs[doc]!.title,
      score: Math.round(score * 1000) / 1000,
    }));
  };
}
