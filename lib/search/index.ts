/**
 * Lookup for the popup and for selected text. Two signals, in this order:
 * 1. the page matcher run over the query: a query that contains a term's variant ranks that
 *    term's red flags and topics first (longest variant first), exactly, whatever the query length;
 * 2. fuse.js (typo-tolerant) over titles, summaries and variants, on the whole query when it fits a
 *    fuse pattern (32 characters) and on its first content words one by one, averaged.
 */
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import type { KnowledgeBase } from '../../content-data/schema';
import { compileLexicon, findMatches, type CompiledTerm } from '../match';
import { phraseKeys, tokenize } from '../text';
import type { SearchResult } from './types';

export type { SearchResult } from './types';

interface SearchDoc {
  id: string;
  kind: SearchResult['kind'];
  title: string;
  summary: string;
  variants: string[];
}

export type SerializedSearchIndex = ReturnType<FuseIndex<SearchDoc>['toJSON']>;
export type Searcher = (query: string, limit?: number) => SearchResult[];

const KEYS = [
  { name: 'title', weight: 3 },
  { name: 'variants', weight: 2 },
  { name: 'summary', weight: 1 },
];
const FUSE_OPTIONS: IFuseOptions<SearchDoc> = { keys: KEYS, includeScore: true, ignoreLocation: true, threshold: 0.4 };
const FUSE_PATTERN_LIMIT = 32;
const MAX_WORD_SEARCHES = 6;
const MAX_RESULTS = 10;
/** The matcher scans at most this much of a query (the side panel caps selections the same way). */
const MAX_QUERY_LENGTH = 20000;
/** Matcher hits score in [0, MATCH_SCORE_SPAN]: 0 when the variant is the whole query. */
const MATCH_SCORE_SPAN = 0.1;
const STOP_WORDS = new Set([
  'the', 'and', 'for', 'with', 'from', 'that', 'this', 'have', 'has', 'had', 'what', 'when', 'can', 'does',
  'are', 'was', 'about', 'into', 'my', 'not', 'but', 'you', 'your', 'its', 'it', 'is', 'of', 'in', 'on', 'a', 'an',
]);

/** Red flags first (they are shown first), then topics, each with the variants of its terms. */
function searchDocs(kb: KnowledgeBase): SearchDoc[] {
  const variantsOf = (accept: (term: KnowledgeBase['terms'][number]) => boolean) =>
    kb.terms.filter(accept).flatMap((term) => term.variants);
  return [
    ...kb.redFlags.map((flag) => ({
      id: flag.id,
      kind: 'red-flag' as const,
      title: flag.label,
      summary: flag.explanation,
      variants: variantsOf((term) => term.redFlags.includes(flag.id)),
    })),
    ...kb.topics.map((topic) => ({
      id: topic.id,
      kind: 'topic' as const,
      title: topic.title,
      summary: topic.summary,
      variants: variantsOf((term) => term.topics.includes(topic.id)),
    })),
  ];
}

export function buildSearchIndex(kb: KnowledgeBase): SerializedSearchIndex {
  return Fuse.createIndex(KEYS, searchDocs(kb)).toJSON();
}

const docKey = (kind: SearchResult['kind'], id: string) => `${kind}:${id}`;

export function createSearcher(kb: KnowledgeBase, index?: SerializedSearchIndex): Searcher {
  const docs = searchDocs(kb);
  const docsByKey = new Map(docs.map((doc) => [docKey(doc.kind, doc.id), doc]));
  const titleKeys = new Map(docs.map((doc) => [doc, new Set(phraseKeys(doc.title))]));
  const parsedIndex = index ? Fuse.parseIndex<SearchDoc>(index as Parameters<typeof Fuse.parseIndex>[0]) : undefined;
  const fuse = new Fuse(docs, FUSE_OPTIONS, parsedIndex);
  const lexicon = compileLexicon(kb);

  /** The docs a term leads to: those whose title shares most words with what matched, then red flags. */
  const docsOfTerm = (term: CompiledTerm, matchedKeys: string[]): SearchDoc[] => {
    const targets = [
      ...term.redFlagIds.map((id) => docsByKey.get(docKey('red-flag', id))),
      ...term.topicIds.map((id) => docsByKey.get(docKey('topic', id))),
    ].filter((doc): doc is SearchDoc => doc !== undefined);
    const overlap = (doc: SearchDoc) => matchedKeys.filter((key) => titleKeys.get(doc)!.has(key)).length;
    return targets.map((doc, order) => ({ doc, order, overlap: overlap(doc) }))
      .sort((a, b) => b.overlap - a.overlap || a.order - b.order)
      .map(({ doc }) => doc);
  };

  const matcherHits = (text: string): Map<SearchDoc, number> => {
    const tokens = tokenize(text);
    const matches = findMatches(tokens, lexicon).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const hits = new Map<SearchDoc, number>();
    for (const match of matches) {
      const score = MATCH_SCORE_SPAN * (1 - (match.end - match.start) / text.length);
      const matchedKeys = tokens.keys.slice(match.firstToken, match.endToken);
      for (const doc of docsOfTerm(match.term, matchedKeys)) if (!hits.has(doc)) hits.set(doc, score);
    }
    return hits;
  };

  const fuseScores = (text: string): Map<SearchDoc, number> => {
    const scores = new Map<SearchDoc, number>();
    if (text.length <= FUSE_PATTERN_LIMIT) {
      for (const result of fuse.search(text)) scores.set(result.item, result.score ?? 1);
    }
    const words = [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u))]
      .filter((word) => word.length >= 3 && !STOP_WORDS.has(word))
      .slice(0, MAX_WORD_SEARCHES)
      .map((word) => word.slice(0, FUSE_PATTERN_LIMIT));
    if (words.length < 2) return scores;
    const totals = new Map<SearchDoc, number>();
    for (const word of words) {
      for (const result of fuse.search(word)) totals.set(result.item, (totals.get(result.item) ?? 0) + (1 - (result.score ?? 1)));
    }
    for (const [doc, total] of totals) {
      const averaged = 1 - total / words.length;
      scores.set(doc, Math.min(scores.get(doc) ?? 1, averaged));
    }
    return scores;
  };

  return (query, limit = MAX_RESULTS) => {
    const text = query.trim().slice(0, MAX_QUERY_LENGTH);
    if (text === '') return [];
    const exact = matcherHits(text);
    const ranked = [...exact].map(([doc, score]) => ({ doc, score }));
    const floor = ranked.reduce((worst, hit) => Math.max(worst, hit.score), 0);
    const fuzzy = [...fuseScores(text)]
      .filter(([doc]) => !exact.has(doc))
      .sort((a, b) => a[1] - b[1])
      .map(([doc, score]) => ({ doc, score: Math.max(score, floor) }));
    return [...ranked, ...fuzzy].slice(0, Math.min(limit, MAX_RESULTS)).map(({ doc, score }) => ({
      id: doc.id,
      kind: doc.kind,
      title: doc.title,
      score: Math.round(score * 1000) / 1000,
    }));
  };
}
