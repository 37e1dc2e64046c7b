/**
 * ConText-style context for each match: negated, hypothetical, about another person, or affirmed.
 * Triggers (lists in ./triggers) govern the matches inside their scope; a scope ends at the end of
 * the sentence, at a clause boundary for clause-scoped triggers, at a terminator ("but",
 * "however"...), after the trigger's window of tokens, and, for another person or a generic
 * "you", at a first-person word. When several triggers govern a match: negated > hypothetical > other-person.
 */
import type { MentionContext } from '../types';
import { createTrie, insertPhrase, longestAt, type TrieNode } from '../match/trie';
import { phraseKeys, type Tokens } from '../text';
import { FIRST_PERSON, PSEUDO_TRIGGERS, SCOPE_TERMINATORS, TRIGGER_RULES, type TriggerRule } from './triggers';

type Cue = { rule: TriggerRule } | { terminator: 'all' | 'first-person' } | { pseudo: true };

interface CueHit {
  cue: Cue;
  start: number;
  end: number;
}

/** A span of tokens whose context is wanted (a match). `end` is exclusive. */
export interface TokenSpan {
  firstToken: number;
  endToken: number;
  /** A history, not a symptom: what says a problem is over ("it went away") leaves it affirmed. */
  lasting?: boolean;
}

/** How many sentences without a subject of their own may continue another person's story. */
const MAX_CARRIED_SENTENCES = 3;

/** Words that open a sentence about what the previous one described: "It went away after physio." */
const BACK_REFERENCES = new Set(phraseKeys('it that this they which all both everything'));

/**
 * A match that ends by saying the part works ("bladder ok", "peeing normally") states that the
 * sign is absent, whatever governs it.
 */
const WORKS_NORMALLY = new Set(phraseKeys('ok okay fine normal normally'));

/** Strongest first: when several triggers govern a match, the first of these wins. */
const PRECEDENCE: MentionContext[] = ['negated', 'hypothetical', 'other-person', 'affirmed'];

let cueTrie: TrieNode<Cue[]> | undefined;

/**
 * Every cue phrase once, with all its cues in order: pseudo-triggers, terminators, triggers (a
 * phrase may trigger both ways: "ruled out cancer", "cancer was ruled out"), first-person words.
 */
function cues(): TrieNode<Cue[]> {
  if (cueTrie) return cueTrie;
  const byPhrase = new Map<string, { keys: string[]; cues: Cue[] }>();
  const add = (phrase: string, cue: Cue) => {
    const keys = phraseKeys(phrase);
    const entry = byPhrase.get(keys.join(' ')) ?? { keys, cues: [] };
    entry.cues.push(cue);
    byPhrase.set(keys.join(' '), entry);
  };
  for (const phrase of PSEUDO_TRIGGERS) add(phrase, { pseudo: true });
  for (const phrase of SCOPE_TERMINATORS) add(phrase, { terminator: 'all' });
  for (const rule of TRIGGER_RULES) for (const phrase of rule.phrases) add(phrase, { rule });
  for (const phrase of FIRST_PERSON) add(phrase, { terminator: 'first-person' });
  const trie = createTrie<Cue[]>();
  for (const { keys, cues: phraseCues } of byPhrase.values()) {
    // A pseudo-trigger or a terminator hides the triggers of the same phrase.
    const first = phraseCues[0]!;
    insertPhrase(trie, keys, 'rule' in first ? phraseCues.filter((cue) => 'rule' in cue) : [first]);
  }
  cueTrie = trie;
  return trie;
}

function insideAny(token: number, spans: readonly TokenSpan[]): boolean {
  // Spans are sorted and disjoint: binary search.
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle]!;
    if (token < span.firstToken) high = middle - 1;
    else if (token >= span.endToken) low = middle + 1;
    else return true;
  }
  return false;
}

function stops(hit: CueHit, rule: TriggerRule): boolean {
  if (!('terminator' in hit.cue)) return false;
  return hit.cue.terminator === 'all' || rule.endsAtFirstPerson === true;
}

const LIST_ENDERS = new Set(['or', 'nor']);

/**
 * "No numbness, tingling or weakness": a negation reaches every item of a list of matches that
 * ends with "or"/"nor", across the commas between the items. Anything else between them (a verb,
 * "my legs...") ends the list.
 */
function inNegatedList(triggerEnd: number, span: TokenSpan, tokens: Tokens, spans: readonly TokenSpan[]): boolean {
  let ended = false;
  for (let i = triggerEnd; i < span.firstToken; i++) {
    const key = tokens.keys[i]!;
    if (LIST_ENDERS.has(key)) ended = true;
    else if (key !== 'and' && !insideAny(i, spans)) return false;
  }
  if (ended) return true;
  const after = span.endToken;
  return (
    after + 1 < tokens.count &&
    LIST_ENDERS.has(tokens.keys[after]!) &&
    insideAny(after + 1, spans) &&
    tokens.sentences[after + 1] === tokens.sentences[span.firstToken]
  );
}

/**
 * True when the trigger `hits[at]` reaches the span: same sentence, same clause if the rule says
 * so (or a negated list), within its window, and no cue between them that stops its kind.
 */
function reaches(
  hits: CueHit[],
  at: number,
  rule: TriggerRule,
  span: TokenSpan,
  tokens: Tokens,
  spans: readonly TokenSpan[],
): boolean {
  const hit = hits[at]!;
  const forward = rule.direction === 'forward';
  const near = forward ? hit.end - 1 : hit.start;
  const far = forward ? span.firstToken : span.endToken - 1;
  if (Math.abs(far - near) > rule.window) return false;
  if (tokens.sentences[near] !== tokens.sentences[far]) return false;
  if (rule.reach === 'clause' && tokens.clauses[near] !== tokens.clauses[far]) {
    const negatedList = rule.kind === 'negated' && forward && inNegatedList(hit.end, span, tokens, spans);
    if (!negatedList) return false;
  }
  const step = forward ? 1 : -1;
  for (let i = at + step; i >= 0 && i < hits.length; i += step) {
    const cut = hits[i]!;
    if (forward ? cut.start >= span.firstToken : cut.start < span.endToken) break;
    if (stops(cut, rule)) return false;
  }
  return true;
}

/**
 * The cues of the sentences that hold a span, of the MAX_CARRIED_SENTENCES before each (whose
 * subject may carry over) and of the next one when it opens with a back-reference ("It went away"),
 * in order: other sentences cannot change any context, so they are not scanned.
 */
function cueHits(tokens: Tokens, spans: readonly TokenSpan[]): CueHit[] {
  const trie = cues();
  const hits: CueHit[] = [];
  let scannedTo = 0;
  for (const span of spans) {
    const sentence = tokens.sentences[span.firstToken]!;
    let from = span.firstToken;
    while (from > scannedTo && tokens.sentences[from - 1]! >= sentence - MAX_CARRIED_SENTENCES) from--;
    let to = Math.max(span.endToken, scannedTo);
    while (to < tokens.count && tokens.sentences[to] === sentence) to++;
    if (to < tokens.count && tokens.sentences[to] === sentence + 1 && BACK_REFERENCES.has(tokens.keys[to]!)) {
      while (to < tokens.count && tokens.sentences[to] === sentence + 1) to++;
    }
    for (let i = Math.max(from, scannedTo); i < to; ) {
      const hit = longestAt(trie, tokens.keys, i);
      if (!hit) {
        i++;
        continue;
      }
      if (!insideAny(i, spans)) for (const cue of hit.value) hits.push({ cue, start: i, end: hit.end });
      i = hit.end;
    }
    scannedTo = Math.max(scannedTo, to);
  }
  return hits;
}

/**
 * The context of each span (sorted, disjoint). Cues that begin inside a span are part of the
 * term ("not better with rest") and govern nothing; a span that ends in WORKS_NORMALLY is negated.
 */
export function assignContexts(tokens: Tokens, spans: readonly TokenSpan[]): MentionContext[] {
  const hits = cueHits(tokens, spans);
  let low = 0;
  let high = 0;
  const contexts = spans.map((span) => {
    const sentence = tokens.sentences[span.firstToken]!;
    while (low < hits.length && tokens.sentences[hits[low]!.start]! < sentence) low++;
    high = Math.max(high, low);
    while (high < hits.length && tokens.sentences[hits[high]!.start]! === sentence) high++;
    if (WORKS_NORMALLY.has(tokens.keys[span.endToken - 1]!)) return 'negated';
    return contextOf(span, spans, hits, low, high, tokens);
  });
  return carryResolution(tokens, spans, carryOtherPerson(tokens, spans, contexts, hits), hits);
}

/** The context of one span, given the cues of its sentence: hits[low, high). */
function contextOf(
  span: TokenSpan,
  spans: readonly TokenSpan[],
  hits: CueHit[],
  low: number,
  high: number,
  tokens: Tokens,
): MentionContext {
  let found: MentionContext = 'affirmed';
  for (let at = low; at < high; at++) {
    const cue = hits[at]!.cue;
    if (!('rule' in cue)) continue;
    const rule = cue.rule;
    if (rule.resolution && span.lasting) continue;
    const placed = rule.direction === 'forward' ? hits[at]!.start < span.firstToken : hits[at]!.start >= span.endToken;
    if (placed && PRECEDENCE.indexOf(rule.kind) < PRECEDENCE.indexOf(found) && reaches(hits, at, rule, span, tokens, spans)) {
      found = rule.kind;
    }
  }
  return found;
}

/**
 * A sentence with no first-person word continues the story of the previous one when that one was
 * about someone else to its end ("He was diagnosed last year. The backache got worse."), for at
 * most MAX_CARRIED_SENTENCES sentences after the last one that named that person.
 */
function carryOtherPerson(
  tokens: Tokens,
  spans: readonly TokenSpan[],
  contexts: MentionContext[],
  hits: CueHit[],
): MentionContext[] {
  const endsAboutOthers = new Set<number>();
  const speaksForSelf = new Set<number>();
  for (const hit of hits) {
    const sentence = tokens.sentences[hit.start]!;
    if ('rule' in hit.cue && hit.cue.rule.kind === 'other-person') endsAboutOthers.add(sentence);
    else if ('terminator' in hit.cue && hit.cue.terminator === 'first-person') {
      // "since", "but"... end a trigger's scope, not the story: only the writer's own voice does.
      endsAboutOthers.delete(sentence);
      speaksForSelf.add(sentence);
    }
  }
  const carried = new Set<number>();
  let storySentence = -1;
  const sentenceCount = tokens.count === 0 ? 0 : tokens.sentences[tokens.count - 1]! + 1;
  for (let sentence = 0; sentence < sentenceCount; sentence++) {
    const continuesStory = storySentence >= 0 && sentence - storySentence <= MAX_CARRIED_SENTENCES;
    if (continuesStory && !speaksForSelf.has(sentence)) carried.add(sentence);
    if (endsAboutOthers.has(sentence)) storySentence = sentence;
    else if (speaksForSelf.has(sentence)) storySentence = -1;
  }
  return contexts.map((context, i) =>
    context === 'affirmed' && carried.has(tokens.sentences[spans[i]!.firstToken]!) ? 'other-person' : context,
  );
}

/**
 * A sentence that opens with a back-reference and says the problem is over ("It went away
 * completely") negates the symptoms the sentence before it affirmed.
 */
function carryResolution(
  tokens: Tokens,
  spans: readonly TokenSpan[],
  contexts: MentionContext[],
  hits: CueHit[],
): MentionContext[] {
  const resolvesPrevious = new Set<number>();
  for (const hit of hits) {
    if (!('rule' in hit.cue) || !hit.cue.rule.resolution) continue;
    const sentence = tokens.sentences[hit.start]!;
    let opening = hit.start;
    while (opening > 0 && tokens.sentences[opening - 1] === sentence) opening--;
    if (BACK_REFERENCES.has(tokens.keys[opening]!)) resolvesPrevious.add(sentence - 1);
  }
  if (resolvesPrevious.size === 0) return contexts;
  return contexts.map((context, i) =>
    context === 'affirmed' && !spans[i]!.lasting && resolvesPrevious.has(tokens.sentences[spans[i]!.firstToken]!)
      ? 'negated'
      : context,
  );
}
