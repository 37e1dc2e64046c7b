/**
 * Story endings: a personal post that tells an episode in the past and then says the writer is well
 * again ("I could not walk... The operation was a success") tells of signs that are over. A sign
 * told in the present or as still so ("my foot is still numb"), or too recently to be over ("last
 * night"), stays. The recovery must come after the sign and within MAX_ENDING_CHARS of it, so that a
 * range detected in its window (lib/detect/window) reads the same ending as the whole text.
 */
import type { Endings } from '../../content-data/schema';
import { longestAt, scanPhrases, type TrieNode } from '../match/trie';
import type { Tokens } from '../text';
import { compilePhrases, type CompiledContext, type Cue, type PersonWord } from './rules';
import type { TokenSpan } from './scope';

export const MAX_ENDING_CHARS = 1_200;

export interface CompiledEndings {
  recoveries: TrieNode<true>;
  past: TrieNode<true>;
  present: TrieNode<true>;
  recent: TrieNode<true>;
}

export function compileEndings(endings: Endings): CompiledEndings {
  return {
    recoveries: compilePhrases(endings.recoveries),
    past: compilePhrases(endings.past),
    present: compilePhrases(endings.present),
    recent: compilePhrases(endings.recent),
  };
}

/** Words as long as this that end in "-ed" tell of the past ("walked", "needed"; not "bed"). */
const MIN_PAST_ED_LENGTH = 5;

/** How many tokens before a recovery a denial reaches ("has not fully recovered"). */
const DENIAL_REACH = 3;

/** Is sentence `s` told in the past, and not as still so or as just now? */
function toldInPast(tokens: Tokens, s: number, endings: CompiledEndings): boolean {
  const first = tokens.sentenceStarts[s]!;
  const end = tokens.sentenceStarts[s + 1]!;
  if (scanPhrases(endings.present, tokens.keys, first, end).length > 0) return false;
  if (scanPhrases(endings.recent, tokens.keys, first, end).length > 0) return false;
  if (scanPhrases(endings.past, tokens.keys, first, end).length > 0) return true;
  for (let token = first; token < end; token++) {
    const key = tokens.keys[token]!;
    if (key.length >= MIN_PAST_ED_LENGTH && key.endsWith('ed')) return true;
  }
  return false;
}

/** Is a negating cue just before the recovery at `start` ("not a success", "haven't fully recovered")? */
function denied(tokens: Tokens, start: number, cues: TrieNode<Cue[]>): boolean {
  for (let token = Math.max(tokens.sentenceStarts[tokens.sentences[start]!]!, start - DENIAL_REACH); token < start; token++) {
    const hit = longestAt(cues, tokens.keys, token);
    if (hit?.value.some((cue) => 'rule' in cue && cue.rule.category === 'negated' && cue.rule.direction !== 'backward')) return true;
  }
  return false;
}

const OTHER_PERSON: ReadonlySet<PersonWord['kind']> = new Set(['pronoun', 'relation', 'other']);

/** Is another person named in the recovery's sentence before it ("then she recovered": not the writer's)? */
function someoneElses(tokens: Tokens, start: number, people: TrieNode<PersonWord>): boolean {
  for (let token = tokens.sentenceStarts[tokens.sentences[start]!]!; token < start; token++) {
    const word = longestAt(people, tokens.keys, token)?.value;
    if (word && OTHER_PERSON.has(word.kind)) return true;
  }
  return false;
}

/**
 * Per span: whether it is a sign of an episode the text later says is over (spans sorted). Only
 * symptoms: a history (`lasting`) is never over.
 */
export function overByEnding(tokens: Tokens, spans: readonly TokenSpan[], context: CompiledContext): boolean[] {
  const { endings, cues, people } = context;
  const recoveries = scanPhrases(endings.recoveries, tokens.keys).filter(
    (hit) => !denied(tokens, hit.start, cues) && !someoneElses(tokens, hit.start, people),
  );
  if (recoveries.length === 0) return spans.map(() => false);
  const past = new Map<number, boolean>();
  return spans.map((span) => {
    if (span.lasting) return false;
    const sentence = tokens.sentences[span.firstToken]!;
    const spanEnd = tokens.ends[span.endToken - 1]!;
    const ending = recoveries.find((hit) => tokens.sentences[hit.start]! > sentence);
    if (!ending || tokens.starts[ending.start]! - spanEnd > MAX_ENDING_CHARS) return false;
    if (!past.has(sentence)) past.set(sentence, toldInPast(tokens, sentence, endings));
    return past.get(sentence)!;
  });
}
