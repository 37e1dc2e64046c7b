/**
 * Genre: a personal post (someone writing about themself), a story about another person (a carer's
 * post about mum, a case report, a news piece) or an information page. It sets the context of
 * mentions that no cue, block or person governs: a personal post's unmarked "numb legs since
 * Friday" is the writer's, a story's is its subject's, an information page's "loss of bladder
 * control" is a sign described, not had. Words inside quotation marks are the quoted person's, so
 * they do not count.
 */
import type { Tokens } from '../text';
import type { Genre } from '../types';

export type { Genre } from '../types';

/** Genre is read from the text's first this-many characters: enough to tell, and bounded on a huge page. */
export const GENRE_SAMPLE_CHARS = 100_000;
/** Texts this short are what a reader selected or typed: read them as about a person. */
const SHORT_TEXT_TOKENS = 30;
/** A personal text (or a story) names its writer (or its subject) at least this often, per token. */
const PERSON_RATE = 0.012;

export interface GenreKeys {
  /** "i", "my", "me"... */
  firstPerson: ReadonlySet<string>;
  /** "she", "her", "he", "his"... */
  thirdPerson: ReadonlySet<string>;
  /** "people", "patients", "anyone"...: a text that names them more than its writer informs (a clinician's page). */
  general: ReadonlySet<string>;
}

export function genreOf(tokens: Tokens, keys: GenreKeys): Genre {
  let sample = 0;
  let first = 0;
  let third = 0;
  let general = 0;
  for (; sample < tokens.count && tokens.starts[sample]! < GENRE_SAMPLE_CHARS; sample++) {
    if (tokens.quoted[sample]) continue;
    const key = tokens.keys[sample]!;
    if (keys.firstPerson.has(key)) first++;
    else if (keys.thirdPerson.has(key)) third++;
    else if (keys.general.has(key)) general++;
  }
  if (sample < SHORT_TEXT_TOKENS) return 'snippet';
  if (first > third && first > general && first / sample >= PERSON_RATE) return 'personal';
  if (third > first && third / sample >= PERSON_RATE) return 'story';
  return 'info';
}

/**
 * Does the text speak of health at all: a pain, a doctor, a scan, a condition named? One that never
 * does in its first GENRE_SAMPLE_CHARS is not read for signs (a hydration pack's bladder, toes numb
 * on a ski trip, "the squad is hurting"... the last does speak of pain: the gate is coarse). A
 * short text, which a reader selected or typed, is always read.
 */
export function talksOfHealth(tokens: Tokens, healthKeys: ReadonlySet<string>): boolean {
  let sample = 0;
  for (; sample < tokens.count && tokens.starts[sample]! < GENRE_SAMPLE_CHARS; sample++) {
    if (healthKeys.has(tokens.keys[sample]!)) return true;
  }
  return sample < SHORT_TEXT_TOKENS;
}
