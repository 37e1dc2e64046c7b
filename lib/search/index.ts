/**
 * Lookup for the popup and for selected text. Every content word of the query (stop and question
 * words left out) weighs by its rarity: how few topics and red flags it points to (an IDF), so that
 * "lymphoma" outweighs "back" and "pain", which nearly every entry shares. A doc scores the share
 * of that weight it answers (0 best), from:
 * 1. the page matcher run over the query: the words of a term's variant found in the query count
 *    in full for the term's first doc, 0.7 for its others, half for docs the word index links them
 *    to; such a phrase weighs twice its words, but each word at most what the term's name weighs
 *    ("injury" in "back injury" weighs as "back pain");
 * 2. each word matched exactly, with one typo (5 letters or more) or as a prefix (4 letters or
 *    more, -ing/-ed/-ly dropped) against the words of titles, variants and summaries, by field;
 * 3. fuse.js over the same texts (prebuilt index), for short queries the first two do not match.
 * Ties go to docs found by the matcher (best placed in a term first), then to those whose title the
 * query covers best.
 * Then relevance.ts's rules: unless the query names a cancer or a cancer warning sign (or a cancer
 * doc leads by a clear margin even so), each term's everyday docs lead and the cancer docs follow
 * the everyday ones; a question about where to get care that names no symptom lists every red flag,
 * most urgent first.
 * fuse.js comes last because one search over the ~1,200 texts costs milliseconds (its Bitap scan
 * is linear in the collection), while 1 and 2 are map look-ups.
 */
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import type { KnowledgeBase } from '../../content-data/schema';
import { buildDeletionIndex, fuzzyLookup } from '../match/fuzzy';
import { compileLexicon, findMatches, type CompiledTerm, type MatchPart } from '../match';
import { NUMBER_KEY, phraseKeys, tokenize, type Tokens } from '../text';
import { byUrgency } from '../urgency';
import { asksWhereToGetCare, CANCER_WORDS, cancerDocsOf, everydayFirst, namesCancer } from './relevance';
import type { SearchResult } from './types';

export type { SearchResult } from './types';

interface SearchDoc {
  id: string;
  kind: SearchResult['kind'];
  title: string;
}

type Field = 'title' | 'variant' | 'summary';

/** One mention the matcher found in the query (a joined match counts as its parts). */
type Mention = Pick<MatchPart, 'term' | 'byFrame' | 'firstToken' | 'endToken'>;

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
/** Distinct query words looked up in the word index (the matcher adds the words it finds beyond). */
const MAX_QUERY_WORDS = 12;
/** Docs the matcher did not find are left out above this score (below 30% of the query's weight). */
const MAX_WORD_SCORE = 0.7;
/** The weight of a query word found nowhere: it counts against every doc, as a common word would. */
const UNKNOWN_WORD_WEIGHT = 1;
/** The credit of a term's docs after its first (see docsOfTerm). */
const LATER_DOC_CREDIT = 0.7;
/** The word-index credit, for other docs, of a word inside a variant the matcher found. */
const OTHER_DOC_FACTOR = 0.5;
/** A term found by a frame (concepts near each other) says less about what the query names than its listed words. */
const FRAME_FACTOR = 0.6;
/** Words inside a variant the matcher found weigh this much more: a known phrase is strong evidence. */
const MATCHED_WORD_BOOST = 2;
const FUSE_PATTERN_LIMIT = 32;
/** How much better (lower) the best cancer doc's score must be than every everyday doc's to lead. */
const CANCER_MARGIN = 0.25;
/** The score of a red flag listed to answer "when should I get care" (see redFlagsByUrgency). */
const CARE_ANSWER_SCORE = 0.5;
/** The topic of back pain as such, which every back-pain word points at. */
const GENERIC_TOPIC = 'mechanical-back-pain';
const FUSE_OPTIONS: IFuseOptions<SearchEntry> = { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.4 };
const MAX_RESULTS = 10;
/** The matcher scans at most this much of a query (the side panel caps selections the same way). */
const MAX_QUERY_LENGTH = 20000;
const STOP_KEYS = new Set(
  phraseKeys(
    'the and for with from that this have has had what when can does are was about into my not but you your ' +
      'its it is of in on a an i me to or be do how why which at by who where will would should could ' +
      'did get got there they them than then if so any some more most just also usually often other another after own ' +
      // Words of a question about anything ("what are the symptoms of ...", "types of ...").
      'symptom sign type kind cause mean please help ' +
      // Spans of time ("all day", "for weeks"): how long says nothing of what, on its own.
      'all day week month year',
  ),
);

const isContentKey = (key: string) => !STOP_KEYS.has(key) && key !== NUMBER_KEY;

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
    // A term's label names it too: a term found by frames lists few variants, or none.
    for (const variant of [term.label, ...term.variants]) {
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
      if (!isContentKey(key)) continue;
      const weights = index.get(key) ?? new Map<number, number>();
      for (const doc of entry.docs) weights.set(doc, Math.max(weights.get(doc) ?? 0, FIELD_WEIGHT[entry.field]));
      index.set(key, weights);
    }
  }
  return index;
}

/** Doc -> credit in (0, 1]: how well one query word points at each doc. */
type Credit = Map<number, number>;

function addCredit(credit: Credit, doc: number, value: number): void {
  credit.set(doc, Math.max(credit.get(doc) ?? 0, value));
}

export function createSearcher(kb: KnowledgeBase, index?: SerializedSearchIndex): Searcher {
  const docs = searchDocs(kb);
  const docNumber = new Map(docs.map((doc, i) => [`${doc.kind}:${doc.id}`, i]));
  const titleKeys = docs.map((doc) => new Set(phraseKeys(doc.title).filter(isContentKey)));
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
  const termDocs = new Map(
    lexicon.terms.map((term) => [
      term,
      [
        ...term.redFlagIds.map((id) => docNumber.get(`red-flag:${id}`)),
        ...term.topicIds.map((id) => docNumber.get(`topic:${id}`)),
      ].filter((doc): doc is number => doc !== undefined),
    ]),
  );

  const cancer = cancerDocsOf(kb);
  const isCancerDoc = docs.map((doc) => (doc.kind === 'topic' ? cancer.topics : cancer.redFlags).has(doc.id));

  /** What the word index says about one query word: exact, else by typo and by prefix. */
  const wordCredit = (key: string): Credit => {
    const credit: Credit = new Map();
    const creditWord = (found: string | undefined, factor: number) => {
      for (const [doc, weight] of words.get(found ?? '') ?? []) addCredit(credit, doc, weight * factor);
    };
    if (words.has(key)) creditWord(key, 1);
    else {
      creditWord(fuzzyLookup(key, typos), TYPO_FACTOR);
      const stem = stemOf(key);
      if (stem.length >= MIN_PREFIX_LENGTH) for (const word of wordKeys) if (word.startsWith(stem)) creditWord(word, PREFIX_FACTOR);
    }
    return credit;
  };

  /** A word that points at few docs weighs much; one that points at nearly all, almost nothing. */
  const weightOf = (credit: Credit) =>
    credit.size === 0 ? UNKNOWN_WORD_WEIGHT : Math.log((docs.length + 1) / credit.size);

  const labels = new Map(kb.terms.map((term) => [term.id, term.label]));
  const labelKeys = new Map(lexicon.terms.map((term) => [term, phraseKeys(labels.get(term.id) ?? '')]));
  /**
   * A matched variant's words weigh at most what the term's name weighs (its rarest word): "injury"
   * in "back injury" is as common as the back pain it names, however rare the word itself.
   */
  const nameWeight = new Map(
    lexicon.terms.map((term) => {
      const nameKeys = labelKeys.get(term)!.filter(isContentKey);
      return [term, Math.max(0, ...nameKeys.map((key) => weightOf(wordCredit(key))))];
    }),
  );
  /** Whether the doc's title holds every content word of `keys`: it names them, not just shares a word. */
  const titleNames = (keys: string[], doc: number) => {
    const content = keys.filter(isContentKey);
    return content.length > 0 && content.every((key) => titleKeys[doc]!.has(key));
  };

  /**
   * The docs a term leads to, best first: those whose title holds all the words that matched, then
   * all the words of the term's label (what the term is about, e.g. the topic "Prostate cancer"
   * before the red flag it implies), then in the term's order (red flags first). A title that
   * shares one word ("High blood calcium" for "blood test") is no reason to go first.
   */
  const docsOfTerm = (term: CompiledTerm, matchedKeys: string[], everydayLeads: boolean): number[] => {
    const label = labelKeys.get(term) ?? [];
    return termDocs
      .get(term)!
      .map((doc, order) => ({
        doc,
        order,
        everyday: everydayLeads && !isCancerDoc[doc],
        matched: titleNames(matchedKeys, doc),
        label: titleNames(label, doc),
      }))
      .sort(
        (a, b) =>
          Number(b.everyday) - Number(a.everyday) ||
          Number(b.matched) - Number(a.matched) ||
          Number(b.label) - Number(a.label) ||
          a.order - b.order,
      )
      .map(({ doc }) => doc);
  };

  /**
   * Credit from the matcher: the words of each variant found count in full for the term's first
   * doc, a little less for its others; what the word index says of those words for other docs
   * counts less, since the phrase says what they mean here ("myeloma" in "does myeloma cause back
   * pain" is the cancer, not a word of some history-of-cancer variant). Returns, for each doc found,
   * its best place in a term.
   */
  const creditMatches = (
    tokens: Tokens,
    matches: Mention[],
    credits: Map<string, Credit>,
    matchedKeys: Map<string, number>,
    everydayLeads: boolean,
  ): Map<number, number> => {
    const places = new Map<number, number>();
    for (const match of matches) {
      const keys = tokens.keys.slice(match.firstToken, match.endToken).filter(isContentKey);
      const termDocOrder = docsOfTerm(match.term, keys, everydayLeads);
      for (const key of keys) {
        const credit = credits.get(key) ?? wordCredit(key);
        // The first phrase a word is found in replaces what the word index says of it.
        if (!matchedKeys.has(key)) {
          for (const [doc, value] of credit) credit.set(doc, termDocOrder.includes(doc) ? 0 : value * OTHER_DOC_FACTOR);
        }
        const factor = match.byFrame ? FRAME_FACTOR : 1;
        termDocOrder.forEach((doc, place) => addCredit(credit, doc, factor * (place === 0 ? 1 : LATER_DOC_CREDIT)));
        credits.set(key, credit);
        matchedKeys.set(key, Math.max(matchedKeys.get(key) ?? 0, nameWeight.get(match.term)!));
      }
      termDocOrder.forEach((doc, place) => places.set(doc, Math.min(places.get(doc) ?? place, place)));
    }
    return places;
  };

  /**
   * The share of the doc's title words the query holds, whole or begun ("sciat" holds "sciatica"):
   * "Back pain and cancer" before "Pancreatic cancer and back pain", "Sciatica" before "Schwannoma
   * of the sciatic nerve".
   */
  const titleCoverage = (doc: number, queryKeys: string[]) => {
    const title = [...titleKeys[doc]!];
    const held = title.filter((word) =>
      queryKeys.some((key) => word === key || (key.length >= MIN_PREFIX_LENGTH && word.startsWith(key))),
    );
    return title.length === 0 ? 0 : held.length / title.length;
  };

  /** A term for back pain as such ("my back hurts"), not a symptom, a condition or a treatment. */
  const isGeneric = (term: CompiledTerm) =>
    term.redFlagIds.length === 0 &&
    term.topicIds.includes(GENERIC_TOPIC) &&
    term.topicIds.every((id) => id === GENERIC_TOPIC || cancer.topics.has(id));

  const cancerWords = new Set(CANCER_WORDS.flatMap((word) => phraseKeys(word)));
  /**
   * Whether the query names a cancer or a cancer warning sign: a term it holds points only at
   * cancer, or one of its words (or a typo of one) is a word for cancer.
   */
  const aboutCancer = (terms: CompiledTerm[], keys: Iterable<string>) =>
    terms.some((term) => namesCancer(term, cancer)) ||
    [...keys].some((key) => cancerWords.has(key) || cancerWords.has(fuzzyLookup(key, typos) ?? ''));

  /**
   * "When should I go to A&E" names no symptom: the answer is every warning sign, the most urgent
   * first. Such results answer the question rather than match its words, hence one middling score.
   */
  const redFlagsByUrgency = (ranked: Ranked[]) =>
    byUrgency(
      docs.flatMap((doc, i) => (doc.kind === 'red-flag' ? [i] : [])),
      (doc) => urgencyOf.get(docs[doc]!.id)!,
    ).map((doc) => ranked.find((entry) => entry.doc === doc) ?? { doc, score: CARE_ANSWER_SCORE, place: Infinity, title: 0 });
  const urgencyOf = new Map(kb.redFlags.map((flag) => [flag.id, flag.urgency]));

  interface Ranked {
    doc: number;
    score: number;
    place: number;
    title: number;
  }

  /** The docs for a query, best first; `everydayLeads` puts a term's everyday docs before its cancer ones. */
  const rank = (tokens: Tokens, matches: Mention[], text: string, everydayLeads: boolean): Ranked[] => {
    const credits = new Map<string, Credit>();
    for (const key of new Set(tokens.keys.filter(isContentKey))) {
      if (credits.size >= MAX_QUERY_WORDS) break;
      credits.set(key, wordCredit(key));
    }
    const matchedKeys = new Map<string, number>();
    const places = creditMatches(tokens, matches, credits, matchedKeys, everydayLeads);

    let totalWeight = 0;
    const gained = new Map<number, number>();
    for (const [key, credit] of credits) {
      const cap = matchedKeys.get(key);
      const weight = cap === undefined ? weightOf(credit) : Math.min(weightOf(credit), cap) * MATCHED_WORD_BOOST;
      totalWeight += weight;
      for (const [doc, value] of credit) gained.set(doc, (gained.get(doc) ?? 0) + value * weight);
    }
    const queryKeys = [...credits.keys()];
    const ranked = [...gained]
      .map(([doc, gain]) => ({
        doc,
        score: 1 - gain / totalWeight,
        place: places.get(doc) ?? Infinity,
        title: titleCoverage(doc, queryKeys),
      }))
      .filter(({ score, place }) => place < Infinity || score <= MAX_WORD_SCORE)
      .sort((a, b) => a.score - b.score || a.place - b.place || b.title - a.title || a.doc - b.doc);
    // A query of stop words only ("what is the") asks nothing: no fuzzy guess for it.
    if (ranked.length > 0 || credits.size === 0 || text.length > FUSE_PATTERN_LIMIT) return ranked;
    const byFuse = new Map<number, number>();
    for (const result of fuseSearch(text)) {
      for (const doc of result.item.docs) if (!byFuse.has(doc)) byFuse.set(doc, result.score ?? 1);
    }
    return [...byFuse].map(([doc, score]) => ({ doc, score, place: Infinity, title: 0 }));
  };

  /**
   * Whether the ranking says the query is about cancer: its best cancer doc beats every everyday
   * doc by a clear margin ("pain on a deep breath" is lung cancer's; "my back hurts" leads to "Back
   * pain and cancer" and to common back pain alike, so it is not).
   */
  const cancerLeadsClearly = (ranked: Ranked[]) => {
    const best = (cancerDoc: boolean) => ranked.find(({ doc }) => isCancerDoc[doc] === cancerDoc)?.score ?? 1;
    return best(false) - best(true) > CANCER_MARGIN;
  };

  return (query, limit = MAX_RESULTS) => {
    const text = query.trim().slice(0, MAX_QUERY_LENGTH);
    if (text === '') return [];
    const tokens = tokenize(text);
    // Each mention on its own, also where overlapping ones were joined into one match.
    const matches = findMatches(tokens, lexicon).flatMap((found) => found.parts ?? [found]);
    const matchedTerms = matches.map((match) => match.term);
    // Most back pain is not cancer: rank with the everyday docs of each term first, and keep that
    // unless the query names cancer or a cancer doc still leads clearly.
    const everyday = rank(tokens, matches, text, true);
    let ranked =
      aboutCancer(matchedTerms, tokens.keys) || cancerLeadsClearly(everyday)
        ? rank(tokens, matches, text, false)
        : everydayFirst(everyday, ({ doc }) => isCancerDoc[doc]!);
    if (asksWhereToGetCare(text) && matchedTerms.every(isGeneric)) ranked = redFlagsByUrgency(ranked);

    // A doc moved down by the rules above scores no better than the one before it: best first
    // holds for the scores too.
    let floor = 0;
    return ranked.slice(0, Math.min(limit, MAX_RESULTS)).map(({ doc, score }) => {
      floor = Math.max(floor, Math.min(1, score));
      return { id: docs[doc]!.id, kind: docs[doc]!.kind, title: docs[doc]!.title, score: Math.round(floor * 1000) / 1000 };
    });
  };
}
