/**
 * Voice: who each sentence speaks about, and how. A mention belongs to the person named nearest
 * before it in its sentence ("my mum... she can't walk" is mum's; "I took her to A&E because I
 * couldn't walk" is the writer's); a sentence that names nobody continues the story of the
 * sentences just before it, so "Mum has myeloma. Legs numb since Friday." stays mum's until the
 * writer speaks of themself again. A generic "you", advice ("Call 999 if...") and questions are
 * marked so that their mentions read as hypothetical.
 */
import { longestAt, scanPhrases, type RangeHit, type TrieNode } from '../match/trie';
import type { Tokens } from '../text';
import type { Genre } from './genre';
import type { CompiledContext, Gender, PersonWord } from './rules';
import type { TokenSpan } from './scope';

/** `generic`: the reader addressed ("you"); `anyone`: people in general ("patients with..."). */
export type Experiencer = 'writer' | 'other' | 'generic' | 'anyone' | 'none';

export interface Voice {
  experiencer: Experiencer;
  /** Which other person, by relation ("mum", "dad"), for `other`; null when no relation names them. */
  person: string | null;
  /** The person is named in the mention's own sentence (not carried over from the story before it). */
  named: boolean;
  /** The mention's sentence asks whether something is so ("Is it CES?", "Numb legs after surgery?"; not "Why are my legs numb?"). */
  question: boolean;
  /** The mention's sentence gives advice ("Seek help if..."). */
  advice: boolean;
}

interface Ref {
  token: number;
  clause: number;
  kind: 'writer' | 'other' | 'generic' | 'anyone';
  person: string | null;
}

interface SentenceVoice {
  refs: Ref[];
  /** Where the writer is told something ("informed me that"): people named before it are not whose what follows is. */
  told: number[];
  advice: boolean;
  /**
   * In a question, the first token of the yes/no question it ends with: its opening ("Is it CES?"),
   * or a later clause that opens like one ("My back hurts, could it be cancer?"); -1 when it has none.
   */
  asksFrom: number;
}

/** How many sentences without a person of their own may continue the story before them. */
export const MAX_CARRIED_SENTENCES = 3;
/** ... and how far back, in characters, that story may begin (which bounds what a chunk must read before it). */
export const MAX_CARRIED_CHARS = 600;
/** The most tokens between a possessive and its relation: "my 80 year old mum". */
const POSSESSED_GAP = 3;
/** Advice may open with one of these first: "Please call 999...". */
const OPENERS = new Set(['please', 'always', 'also', 'just', 'so', 'then', 'and', 'but', 'or', 'still', 'now']);

type PersonHit = RangeHit<PersonWord>;

const isPossessor = (word: PersonWord) =>
  word.kind === 'writer' || word.kind === 'generic' || word.kind === 'pronoun' || word.kind === 'possessive';

function genderOf(word: PersonWord): Gender {
  return word.kind === 'relation' || word.kind === 'pronoun' ? word.gender : 'any';
}

/** The relation a pronoun refers to: the latest one named with that gender (or none); null when none is. */
function resolvePronoun(gender: Gender, named: readonly Named[]): string | null {
  for (let i = named.length - 1; i >= 0; i--) {
    const candidate = named[i]!;
    if (candidate.gender === gender || candidate.gender === 'any') return candidate.key;
  }
  return null;
}

/** Reads sentences on demand; each sentence's people are worked out once. */
class VoiceReader {
  private readonly voices: (SentenceVoice | undefined)[] = [];
  private readonly hits: (PersonHit[] | undefined)[] = [];

  constructor(
    private readonly tokens: Tokens,
    private readonly trie: TrieNode<PersonWord>,
    private readonly questionOpeners: TrieNode<true>,
    private readonly genre: Genre,
  ) {}

  /**
   * How many sentences before `sentence` its story may continue (`inside`: a token of it): at most
   * MAX_CARRIED_SENTENCES, starting within MAX_CARRIED_CHARS of `inside`. They are the sentences
   * sentence - 1, sentence - 2... nearest first.
   */
  storyDepth(sentence: number, inside: number): number {
    const { starts, sentenceStarts } = this.tokens;
    let depth = 0;
    while (depth < MAX_CARRIED_SENTENCES && sentence - depth - 1 >= 0) {
      if (starts[inside]! - starts[sentenceStarts[sentence - depth - 1]!]! > MAX_CARRIED_CHARS) break;
      depth++;
    }
    return depth;
  }

  private personHits(sentence: number): PersonHit[] {
    let hits = this.hits[sentence];
    if (!hits) {
      const { sentenceStarts } = this.tokens;
      hits = scanPhrases(this.trie, this.tokens.keys, sentenceStarts[sentence]!, sentenceStarts[sentence + 1]!);
      this.hits[sentence] = hits;
    }
    return hits;
  }

  /**
   * The people of a sentence; its pronouns refer back to people named in it or in its story before.
   * The story is measured from `inside` the first time a sentence is read.
   */
  read(sentence: number, inside: number): SentenceVoice {
    let voice = this.voices[sentence];
    if (!voice) {
      const named: Named[] = [];
      for (let back = this.storyDepth(sentence, inside); back >= 1; back--) addNames(this.personHits(sentence - back), named);
      voice = this.interpret(this.personHits(sentence), sentence, named);
      this.voices[sentence] = voice;
    }
    return voice;
  }

  /**
   * The reference a person word at `token` makes, given the genre and whether it is quoted: in a story or on an
   * information page, an "I" in quotes is the quoted person's; in a personal post, a "you" in quotes
   * (what the GP said) is the writer, in a story its subject.
   */
  private refAt(token: number, kind: Ref['kind'], person: string | null): Ref {
    const clause = this.tokens.clauses[token]!;
    // On an information page, an "I" is a patient's story told there.
    if (this.genre === 'info' && kind === 'writer') return { token, clause, kind: 'other', person: null };
    if (!this.tokens.quoted[token]) return { token, clause, kind, person };
    const personal = this.genre === 'personal' || this.genre === 'reply' || this.genre === 'snippet';
    if (!personal && kind === 'writer') return { token, clause, kind: 'other', person: null };
    if (personal && kind === 'generic') return { token, clause, kind: 'writer', person: null };
    // In a story, a "you" in quotes is whom the story is about, told something ("We think you have..."), not asked.
    const asked = this.tokens.questions[this.tokens.sentences[token]!] === 1;
    if (this.genre === 'story' && kind === 'generic' && !asked) return { token, clause, kind: 'other', person: null };
    return { token, clause, kind, person };
  }

  private interpret(hits: PersonHit[], sentence: number, named: Named[]): SentenceVoice {
    const { keys, sentenceStarts } = this.tokens;
    const first = sentenceStarts[sentence]!;
    const end = sentenceStarts[sentence + 1]!;
    const refs: Ref[] = [];
    let opening = first;
    while (opening < end && OPENERS.has(keys[opening]!)) opening++;
    let advice = false;
    const told: number[] = [];
    for (let i = 0; i < hits.length; i++) {
      const hit = hits[i]!;
      const word = hit.value;
      const possessed = possessedBy(hits, i);
      const reported = reports(hits, i);
      if (word.kind === 'listening') {
        told.push(hit.end);
      } else if (word.kind === 'advice') {
        if (hit.start === opening) advice = true;
      } else if (possessed && (possessed.value.kind === 'relation' || possessed.value.kind === 'other')) {
        // "my mum", "her husband", "our dog": the relation is the person.
        const key = relationKey(possessed.value);
        named.push({ key, gender: genderOf(possessed.value) });
        if (!reports(hits, i + 1)) refs.push(this.refAt(possessed.start, 'other', key));
        i++;
      } else if (possessed?.value.kind === 'clinician') {
        // "my GP", "your physio": someone whose words are reported, not whose symptoms.
        i++;
      } else if (word.kind === 'self' || word.kind === 'writer') {
        refs.push(this.refAt(hit.start, 'writer', null));
      } else if (word.kind === 'other' && this.genre === 'info') {
        // On an information page, "the patient" or "a woman" is anyone it may concern.
        refs.push(this.refAt(hit.start, 'anyone', null));
      } else if (word.kind === 'relation' || word.kind === 'other') {
        named.push({ key: relationKey(word), gender: genderOf(word) });
        if (!reported) refs.push(this.refAt(hit.start, 'other', relationKey(word)));
      } else if (word.kind === 'pronoun') {
        // "she said ...", "he thinks ..." report someone's words; what follows is about whoever it names.
        if (!reported) refs.push(this.refAt(hit.start, 'other', resolvePronoun(word.gender, named)));
      } else if (word.kind === 'generic' || word.kind === 'anyone') {
        refs.push(this.refAt(hit.start, word.kind, null));
      } else if ((word.kind === 'plural' || word.kind === 'possessive') && this.genre === 'info') {
        // "We may not notice...", "our bladders": on an information page, people in general.
        refs.push(this.refAt(hit.start, 'anyone', null));
      }
    }
    const asksFrom = this.tokens.questions[sentence] === 1 ? this.asksFrom(opening, end) : -1;
    return { refs, told, advice, asksFrom };
  }

  /** See SentenceVoice.asksFrom: the last clause of a question that opens like a yes/no one. */
  private asksFrom(opening: number, end: number): number {
    const { keys, clauses } = this.tokens;
    if (longestAt(this.questionOpeners, keys, opening) !== undefined) return opening;
    let asks = -1;
    for (let token = opening + 1; token < end; token++) {
      if (clauses[token] === clauses[token - 1]) continue;
      let clauseOpening = token;
      while (clauseOpening < end && OPENERS.has(keys[clauseOpening]!)) clauseOpening++;
      if (longestAt(this.questionOpeners, keys, clauseOpening) !== undefined) asks = token;
    }
    return asks;
  }
}

type Named = { key: string | null; gender: Gender };

/** A relation word names one person ("mum"); other phrases ("the patient", "a woman") name someone unnamed. */
const relationKey = (word: PersonWord): string | null => (word.kind === 'relation' ? word.key : null);

/** Adds the other people a sentence names ("my mum", "Dad says", "a woman") to `named`, for pronouns after it. */
function addNames(hits: PersonHit[], named: Named[]): void {
  for (const { value } of hits) {
    if (value.kind === 'relation' || value.kind === 'other') named.push({ key: relationKey(value), gender: genderOf(value) });
  }
}

/** The relation or clinician that the possessive hits[i] introduces ("my 80 year old mum", "my GP"). */
function possessedBy(hits: PersonHit[], i: number): PersonHit | undefined {
  const hit = hits[i]!;
  const next = hits[i + 1];
  if (!next || !isPossessor(hit.value)) return undefined;
  const kind = next.value.kind;
  if (kind === 'clinician') return next.start === hit.end ? next : undefined;
  return (kind === 'relation' || kind === 'other') && next.start - hit.end <= POSSESSED_GAP ? next : undefined;
}

/** Is hits[i] followed at once by a reporting verb ("she said", "Mum thinks", "the nurse told me")? */
function reports(hits: PersonHit[], i: number): boolean {
  const next = hits[i + 1];
  return next !== undefined && next.start === hits[i]!.end && (next.value.kind === 'reporting' || next.value.kind === 'listening');
}

/**
 * The voice of each span (spans sorted). Also returns the tokens where the writer names themself,
 * and where anyone in particular is named (for the scope rules that end there).
 */
export function readVoices(
  tokens: Tokens,
  spans: readonly TokenSpan[],
  context: Pick<CompiledContext, 'people' | 'questionOpeners'>,
  genre: Genre,
): { voices: Voice[]; writerTokens: Set<number>; personTokens: Set<number> } {
  const reader = new VoiceReader(tokens, context.people, context.questionOpeners, genre);
  const writerTokens = new Set<number>();
  const personTokens = new Set<number>();
  const registered = new Uint8Array(tokens.sentenceStarts.length);
  const read = (sentence: number, inside: number): SentenceVoice => {
    const voice = reader.read(sentence, inside);
    if (!registered[sentence]) {
      registered[sentence] = 1;
      for (const ref of voice.refs) {
        if (ref.kind === 'writer') writerTokens.add(ref.token);
        if (ref.kind === 'writer' || ref.kind === 'other') personTokens.add(ref.token);
      }
    }
    return voice;
  };
  /** The person a sentence naming no one carries over from the story before it (once per sentence). */
  const carried: (Ref | null | undefined)[] = [];
  const carriedInto = (sentence: number, inside: number): Ref | undefined => {
    const known = carried[sentence];
    if (known !== undefined) return known ?? undefined;
    let ref: Ref | undefined;
    const depth = reader.storyDepth(sentence, inside);
    for (let back = 1; back <= depth && !ref; back++) {
      // Read from the earlier sentence's last token, as a story that reaches it is measured.
      ref = read(sentence - back, tokens.sentenceStarts[sentence - back + 1]! - 1).refs.at(-1);
    }
    carried[sentence] = ref ?? null;
    return ref;
  };
  const voices = spans.map((span): Voice => {
    const sentence = tokens.sentences[span.firstToken]!;
    const own = read(sentence, span.firstToken);
    const clause = tokens.clauses[span.endToken - 1]!;
    const toldAt = own.told.filter((end) => end <= span.firstToken).at(-1) ?? -1;
    let named: Ref | undefined;
    for (const candidate of own.refs) {
      if (candidate.token < toldAt) continue;
      if (candidate.token < span.endToken) named = candidate;
      else {
        if (!named && candidate.clause === clause) named = candidate;
        break;
      }
    }
    const ref = named ?? carriedInto(sentence, span.firstToken);
    return {
      experiencer: ref?.kind ?? 'none',
      person: ref?.person ?? null,
      named: named !== undefined,
      // A yes/no question asks about what it names, not about the statements before it ("My back has ached
      // for weeks, is this cancer?"). Another one ("Why are my legs numb?", "getting worse not better??")
      // takes what it says as so, except on an information page, whose headings ask ("Underactive bladder?").
      question: (own.asksFrom >= 0 && span.firstToken >= own.asksFrom) || (tokens.questions[sentence] === 1 && genre === 'info'),
      advice: own.advice,
    };
  });
  return { voices, writerTokens, personTokens };
}
