/**
 * Genre: a personal post (someone writing about themself or the person they care for) or an
 * information page. It sets the context of mentions that no cue, block or person governs: a
 * personal post's unmarked "numb legs since Friday" is the writer's, an information page's
 * unmarked "loss of bladder control" is a sign described, not had.
 */
import type { Tokens } from '../text';

export type Genre = 'personal' | 'info';

/** Genre is read from the text's first this-many characters: enough to tell, and bounded on a huge page. */
export const GENRE_SAMPLE_CHARS = 100_000;
/** Texts this short are what a reader selected or typed: read them as about a person. */
const SHORT_TEXT_TOKENS = 30;
/** A personal text names its writer or the person it is about at least this often (per token). */
const PERSONAL_RATE = 0.012;

/** `personKeys`: the token keys that name the writer or a relation ("i", "my", "mum"...). */
export function genreOf(tokens: Tokens, personKeys: ReadonlySet<string>): Genre {
  let sample = 0;
  while (sample < tokens.count && tokens.starts[sample]! < GENRE_SAMPLE_CHARS) sample++;
  if (sample < SHORT_TEXT_TOKENS) return 'personal';
  let persons = 0;
  for (let i = 0; i < sample; i++) if (personKeys.has(tokens.keys[i]!)) persons++;
  return persons / sample >= PERSONAL_RATE ? 'personal' : 'info';
}
