/**
 * The ConText scope resolver: which cue, if any, governs each mention. A cue governs a mention in
 * its direction when both are in one sentence (one clause for clause-scoped rules, except across a
 * negated list), within the rule's maximum scope, with no terminating cue between them (nor a
 * person named, for rules that end there). Negated wins over hypothetical.
 */
import { scanPhrases, type RangeHit } from '../match/trie';
import { phraseKeys, type Tokens } from '../text';
import type { Genre } from './genre';
import type { Category, CompiledRule, Cue } from './rules';
import type { TrieNode } from '../match/trie';

/** A span of tokens whose context is wanted (a match). `endToken` is exclusive. */
export interface TokenSpan {
  firstToken: number;
  endToken: number;
  /** A history, not a symptom: what says a problem is over ("it went away") leaves it affirmed. */
  lasting?: boolean;
  /** The frame says the sign is absent ("legs are fine"). */
  absent?: boolean;
  /**
   * The token ranges that are the mention's own words, in order; cues there govern nothing ("not
   * better with rest"). Cues between them do ("legs have no numbness"). Default: the whole span.
   */
  slots?: readonly (readonly [number, number])[];
  /** For rules that govern only some red flags. */
  redFlagIds?: readonly string[];
  /**
   * Mentions that overlap and were joined into this one, each with its own words: each gets its
   * context, and the most present one stands for the whole ("lower back pain that keeps getting
   * worse, can't lie down without it throbbing" is not denied by "without").
   */
  parts?: readonly TokenSpan[];
}

type CueHit = RangeHit<Cue>;

const slotsOf = (span: TokenSpan) => span.slots ?? [[span.firstToken, span.endToken] as const];

const inSlotsOf = (span: TokenSpan, token: number) => slotsOf(span).some(([first, end]) => token >= first && token < end);

/** The mention whose span holds `token`, if any. Spans are sorted by first token and disjoint. */
function spanAt(token: number, spans: readonly TokenSpan[]): TokenSpan | undefined {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const span = spans[middle]!;
    if (token < span.firstToken) high = middle - 1;
    else if (token >= span.endToken) low = middle + 1;
    else return span;
  }
  return undefined;
}

/** Is `token` one of the mentions' own words? */
function inSlot(token: number, spans: readonly TokenSpan[]): boolean {
  const span = spanAt(token, spans);
  return span !== undefined && inSlotsOf(span, token);
}

/**
 * Does a cue at `token` belong to a mention's words, so that it governs nothing for `part` (of the
 * mention `whole`)? Within a joined mention, a word of one part can be a cue for another ("no
 * problems with peeing": "no problems" says it works; "no" denies "problems with peeing").
 */
function wordOfMention(token: number, spans: readonly TokenSpan[], whole: TokenSpan, part: TokenSpan): boolean {
  const span = spanAt(token, spans);
  if (span === undefined) return false;
  return span === whole ? inSlotsOf(part, token) : inSlotsOf(span, token);
}

/** Words that open a sentence about what the previous one described: "It went away after physio." */
const BACK_REFERENCES = new Set(phraseKeys('it that this they which all both everything'));

/**
 * The cues of the sentences that hold a span, and of the next one when it opens with a
 * back-reference ("It went away"), in order.
 */
function cueHits(tokens: Tokens, spans: readonly TokenSpan[], trie: TrieNode<Cue[]>): CueHit[] {
  const hits: CueHit[] = [];
  let scannedTo = 0;
  for (const span of spans) {
    const sentence = tokens.sentences[span.firstToken]!;
    let from = Math.max(span.firstToken, scannedTo);
    while (from > scannedTo && tokens.sentences[from - 1] === sentence) from--;
    let to = Math.max(span.endToken, scannedTo);
    while (to < tokens.count && tokens.sentences[to] === sentence) to++;
    if (to < tokens.count && BACK_REFERENCES.has(tokens.keys[to]!)) {
      while (to < tokens.count && tokens.sentences[to] === sentence + 1) to++;
    }
    for (const hit of scanPhrases(trie, tokens.keys, from, to)) {
      for (const cue of hit.value) hits.push({ value: cue, start: hit.start, end: hit.end });
    }
    scannedTo = Math.max(scannedTo, to);
  }
  return hits;
}

const LIST_ENDERS = new Set(['or', 'nor']);

/**
 * "No numbness, tingling or weakness": a negation reaches every item of a list of mentions that
 * ends with "or"/"nor", across the commas between the items. Anything else between them ends the list.
 */
function inNegatedList(cueEnd: number, target: number, span: TokenSpan, tokens: Tokens, spans: readonly TokenSpan[]): boolean {
  let ended = false;
  for (let i = cueEnd; i < target; i++) {
    const key = tokens.keys[i]!;
    if (LIST_ENDERS.has(key)) ended = true;
    else if (key !== 'and' && !inSlot(i, spans)) return false;
  }
  if (ended) return true;
  const after = span.endToken;
  return (
    after + 1 < tokens.count &&
    LIST_ENDERS.has(tokens.keys[after]!) &&
    inSlot(after + 1, spans) &&
    tokens.sentences[after + 1] === tokens.sentences[span.firstToken]
  );
}

/** The most words a list item after a comma may have: "my bowels", "numb feet". */
const LIST_ITEM_TOKENS = 5;

/**
 * "If my bladder, my bowels or my legs stopped working": a condition reaches over the commas of a
 * list that ends with "or" in the mention's own clause, each item after the cue's clause a few
 * words long.
 */
function inConditionList(cueEnd: number, target: number, span: TokenSpan, tokens: Tokens): boolean {
  const { clauses, keys } = tokens;
  let itemStart = cueEnd;
  for (let i = cueEnd; i <= target; i++) {
    if (clauses[i] === clauses[i - 1]) continue;
    if (clauses[i - 1] !== clauses[cueEnd - 1] && i - itemStart > LIST_ITEM_TOKENS) return false;
    itemStart = i;
  }
  if (target - itemStart > LIST_ITEM_TOKENS) return false;
  for (let i = itemStart; i <= span.endToken && i < tokens.count; i++) {
    if (clauses[i] !== clauses[target]) break;
    if (keys[i] === 'or') return true;
  }
  return false;
}

/** The most words of one item in a series of conditions: "steadily getting worse and not helped by painkillers". */
const SERIES_ITEM_TOKENS = 8;

/**
 * "If the pain is constant, not eased by rest, worse at night..., see a doctor": a condition that
 * opens its clause reaches over the clauses after it while each is a short item that names no one;
 * the first that is longer or names someone ("we need to look further") is what follows from it.
 */
function inConditionSeries(cueStart: number, target: number, tokens: Tokens, personTokens: Int32Array): boolean {
  const { clauses } = tokens;
  if (cueStart > 0 && clauses[cueStart - 1] === clauses[cueStart]) return false;
  let itemStart = cueStart;
  for (let i = cueStart + 1; i < tokens.count; i++) {
    const ended = clauses[i] !== clauses[i - 1];
    if (!ended) continue;
    if (itemStart !== cueStart && (i - itemStart > SERIES_ITEM_TOKENS || anyWithin(personTokens, itemStart, i))) return false;
    if (i > target) return true;
    itemStart = i;
  }
  return itemStart === cueStart || (tokens.count - itemStart <= SERIES_ITEM_TOKENS && !anyWithin(personTokens, itemStart, tokens.count));
}

/**
 * The mention's word a cue would govern: the first one after a forward cue, the last one before a
 * backward one (a cue may overlap the mention: "no history of" before "history of cancer").
 */
function targetOf(hit: CueHit, forward: boolean, span: TokenSpan): number {
  const slots = slotsOf(span);
  if (forward) {
    const slot = slots.find(([, end]) => end > hit.end);
    return slot ? Math.max(slot[0], hit.end) : -1;
  }
  for (let i = slots.length - 1; i >= 0; i--) if (slots[i]![0] < hit.start) return Math.min(slots[i]![1], hit.start) - 1;
  return -1;
}

interface Scene {
  tokens: Tokens;
  spans: readonly TokenSpan[];
  hits: CueHit[];
  /** Where a person is named, in order. */
  personTokens: Int32Array;
  genre: Genre;
}

/** Is one of the sorted `tokens` in [low, high)? */
export function anyWithin(tokens: Int32Array, low: number, high: number): boolean {
  let first = 0;
  let last = tokens.length;
  while (first < last) {
    const middle = (first + last) >> 1;
    if (tokens[middle]! < low) first = middle + 1;
    else last = middle;
  }
  return first < tokens.length && tokens[first]! < high;
}

/** Does the cue hits[at] govern `span` in this direction? */
function reaches(scene: Scene, at: number, rule: CompiledRule, forward: boolean, span: TokenSpan): boolean {
  const { tokens, spans, hits, personTokens } = scene;
  const hit = hits[at]!;
  const target = targetOf(hit, forward, span);
  if (target < 0) return false;
  const near = forward ? hit.end - 1 : hit.start;
  if (tokens.sentences[near] !== tokens.sentences[target]) return false;
  const series = forward && rule.category === 'hypothetical' && tokens.clauses[near] !== tokens.clauses[target] &&
    inConditionSeries(hit.start, target, tokens, personTokens);
  if (!series && Math.abs(target - near) > rule.maxScope) return false;
  if (!series && rule.reach === 'clause' && tokens.clauses[near] !== tokens.clauses[target]) {
    const list =
      forward &&
      (rule.category === 'negated'
        ? inNegatedList(hit.end, target, span, tokens, spans)
        : rule.category === 'hypothetical' && inConditionList(hit.end, target, span, tokens));
    if (!list) return false;
  }
  const [low, high] = forward ? [hit.end, target] : [target, hit.start];
  if (rule.endsAtPerson && anyWithin(personTokens, low, high)) return false;
  const step = forward ? 1 : -1;
  for (let i = at + step; i >= 0 && i < hits.length; i += step) {
    const cut = hits[i]!;
    if (forward ? cut.start >= target : cut.start < target) break;
    if ('terminate' in cut.value && !inSlot(cut.start, spans)) return false;
  }
  return true;
}

const targets = (rule: CompiledRule, span: TokenSpan) =>
  (!rule.absentOnly || span.absent === true) &&
  (rule.targets === null || (span.redFlagIds ?? []).some((id) => rule.targets!.has(id)));

/** Is a person named in the clause of the cue at `start`, before it? */
function personBefore(scene: Scene, start: number): boolean {
  const { clauses } = scene.tokens;
  let clauseStart = start;
  while (clauseStart > 0 && clauses[clauseStart - 1] === clauses[start]) clauseStart--;
  return anyWithin(scene.personTokens, clauseStart, start);
}

/** Does the clause of the cue hit, after it, hold one of these words? */
function clauseHas(scene: Scene, hit: CueHit, keys: ReadonlySet<string>): boolean {
  const { clauses, keys: words, count } = scene.tokens;
  for (let token = hit.end; token < count && clauses[token] === clauses[hit.start]; token++) {
    if (keys.has(words[token]!)) return true;
  }
  return false;
}

/**
 * Whether a rule may govern here at all: in this genre, where it asks for no person before it,
 * and where its clause holds none of the words that undo it.
 */
const applies = (scene: Scene, rule: CompiledRule, hit: CueHit) =>
  (rule.genres === null || rule.genres.has(scene.genre)) &&
  !(rule.impersonal && personBefore(scene, hit.start)) &&
  !(rule.unlessClauseHas && clauseHas(scene, hit, rule.unlessClauseHas));

/** Which category wins where several govern a mention. */
const STRENGTH: Category[] = ['negated', 'resolved', 'hypothetical'];

/**
 * The strongest category that governs the span: negated, then resolved ("it went away": a symptom
 * over, but never a history), then hypothetical.
 */
function categoryOf(scene: Scene, whole: TokenSpan, span: TokenSpan, low: number, high: number): Category | null {
  let found: Category | null = null;
  // A negation inside a condition is part of it: "if I had not been leaking" supposes, it does not deny.
  let conditionAt = Infinity;
  let negationAt = -1;
  for (let at = low; at < high; at++) {
    const cue = scene.hits[at]!.value;
    if (!('rule' in cue) || !targets(cue.rule, span)) continue;
    const hit = scene.hits[at]!;
    if (!applies(scene, cue.rule, hit)) continue;
    if (wordOfMention(hit.start, scene.spans, whole, span)) continue;
    // A cue that ends in another mention's own words is that mention's ("is normal" in "walking is normal").
    let othersWords = false;
    for (let token = hit.start + 1; token < hit.end && !othersWords; token++) {
      const other = spanAt(token, scene.spans);
      othersWords = other !== undefined && other !== whole && inSlotsOf(other, token);
    }
    if (othersWords) continue;
    const { rule } = cue;
    // A frame saying a sign is absent ("my legs feel normal") is denied only from within or right
    // before it ("legs aren't fine", "not walking fine"), not by a "no" that belongs to an earlier noun;
    // words that deny only such frames reach a little further ("stopped his legs from working").
    if (span.absent && rule.category === 'negated') {
      if (hit.end < span.firstToken && !rule.absentOnly) continue;
      // Nor by a cue made of its own words: "is normal" says what the frame says, not its opposite.
      if (slotsOf(span).some(([first, end]) => hit.start < end && first < hit.end)) continue;
    }
    const category = rule.category === 'resolved' && span.lasting ? null : rule.category;
    if (category === null || (found !== null && STRENGTH.indexOf(category) >= STRENGTH.indexOf(found))) continue;
    const directions = rule.direction === 'bidirectional' ? [true, false] : [rule.direction === 'forward'];
    if (directions.some((forward) => reaches(scene, at, rule, forward, span))) {
      found = category;
      if (category === 'hypothetical' && rule.direction === 'forward') conditionAt = Math.min(conditionAt, hit.start);
      // Only a negation before the mention can be inside a condition that governs it.
      if (category === 'negated') negationAt = hit.start < span.firstToken ? hit.start : -1;
    }
  }
  return found === 'negated' && conditionAt < negationAt ? 'hypothetical' : found;
}

/**
 * A sentence that opens with a back-reference and says the problem is over ("It went away
 * completely") negates the symptoms of the sentence before it.
 */
function resolvedBySentenceAfter(scene: Scene): Set<number> {
  const { tokens, hits } = scene;
  const resolved = new Set<number>();
  for (const hit of hits) {
    if (!('rule' in hit.value) || hit.value.rule.category !== 'resolved' || inSlot(hit.start, scene.spans)) continue;
    const sentence = tokens.sentences[hit.start]!;
    let opening = hit.start;
    while (opening > 0 && tokens.sentences[opening - 1] === sentence) opening--;
    if (BACK_REFERENCES.has(tokens.keys[opening]!)) resolved.add(sentence - 1);
  }
  return resolved;
}

/** What governs a mention in the end: denied, hypothetical, or nothing (it is stated). */
export type Governed = 'negated' | 'hypothetical' | null;

/** Where parts of a joined mention differ, the most present one stands for it. */
const PRESENCE: Governed[] = [null, 'hypothetical', 'negated'];

/**
 * A frame that says the sign is absent is a denial; denying that ("legs aren't fine") states it,
 * and a sign that is over ("it went away") is denied.
 */
function governed(category: Category | null, absent: boolean): Governed {
  if (absent) return category === 'negated' ? null : category === 'hypothetical' ? 'hypothetical' : 'negated';
  return category === 'resolved' ? 'negated' : category;
}

/**
 * What governs each span (spans sorted and disjoint). `personTokens`: where a person is named
 * (the writer or another), for rules whose scope ends there; `genre`: the text's, for rules of some genres only.
 */
export function resolveScopes(
  tokens: Tokens,
  spans: readonly TokenSpan[],
  trie: TrieNode<Cue[]>,
  personTokens: ReadonlySet<number>,
  genre: Genre,
): Governed[] {
  const scene: Scene = { tokens, spans, hits: cueHits(tokens, spans, trie), personTokens: Int32Array.from(personTokens).sort(), genre };
  const resolvedSentences = resolvedBySentenceAfter(scene);
  let low = 0;
  let high = 0;
  return spans.map((span) => {
    const sentence = tokens.sentences[span.firstToken]!;
    const hits = scene.hits;
    while (low < hits.length && tokens.sentences[hits[low]!.start]! < sentence) low++;
    high = Math.max(high, low);
    while (high < hits.length && tokens.sentences[hits[high]!.start]! <= tokens.sentences[span.endToken - 1]!) high++;
    const parts = (span.parts ?? [span]).map((part) => {
      let category = categoryOf(scene, span, part, low, high);
      if (category === null && !part.lasting && resolvedSentences.has(tokens.sentences[part.firstToken]!)) category = 'resolved';
      return governed(category, part.absent ?? false);
    });
    return PRESENCE.find((presence) => parts.includes(presence)) ?? null;
  });
}
