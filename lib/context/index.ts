/**
 * The context of each mention: affirmed, negated, hypothetical or about someone else, and whose it
 * is. Separate stages, each its own module, each reading the text once around the mentions:
 *   scope  (./scope)   ConText cues from content-data/context.json: "no", "if", "ruled out", "went away"
 *   voice  (./voice)   who each sentence is about, carried over the sentences of a story; questions; advice
 *   blocks (./blocks)  lists and paragraphs under a lead-in ("Call 999 if you have:")
 *   genre  (./genre)   personal post, story of another person or information page: the context of
 *                      what nothing else governs
 *   endings (./endings) a personal post's recovery ("the operation was a success"): the signs told
 *                      in the past before it are over
 * Negated wins over hypothetical, which wins over another person's, which wins over affirmed.
 */
import { ADDRESSEE, type MentionContext } from '../types';
import type { Tokens } from '../text';
import { inLeadInBlocks } from './blocks';
import { overByEnding } from './endings';
import { genreOf, type Genre } from './genre';
import type { CompiledContext } from './rules';
import { anyWithin, resolveScopes, type TokenSpan } from './scope';
import { readVoices } from './voice';

export { compileContext, type CompiledContext } from './rules';
export { genreOf, GENRE_SAMPLE_CHARS, talksOfHealth, type Genre, type GenreKeys } from './genre';
export type { TokenSpan } from './scope';

/** What the context stages say about one mention. */
export interface MentionVerdict {
  context: MentionContext;
  /** Whose it is: the writer's (or the reader's, for a warning sign described), or another person's. */
  experiencer: 'writer' | 'other';
  /** Which other person ("mum", "she"...), when it is another person's. */
  person: string | null;
}

export interface ContextOptions {
  /** The genre of the whole text; read from `tokens` when not given (a chunk of a page is given its page's). */
  genre?: Genre;
}

/** The context of each span; spans sorted by first token and disjoint. */
export function assignContexts(
  tokens: Tokens,
  spans: readonly TokenSpan[],
  context: CompiledContext,
  options: ContextOptions = {},
): MentionVerdict[] {
  if (spans.length === 0) return [];
  const genre = options.genre ?? genreOf(tokens, context.genreKeys);
  const { voices, writerTokens, personTokens } = readVoices(tokens, spans, context, genre);
  const categories = resolveScopes(tokens, spans, context.cues, personTokens, genre);
  const writers = Int32Array.from(writerTokens).sort();
  const isWriterLine = (first: number, end: number) => anyWithin(writers, first, end);
  const inBlocks = inLeadInBlocks(
    tokens,
    spans.map((span) => span.firstToken),
    context.leadIns,
    isWriterLine,
  );
  const over = genre === 'personal' || genre === 'snippet' ? overByEnding(tokens, spans, context) : null;
  return spans.map((_, i): MentionVerdict => {
    const voice = voices[i]!;
    const category = categories[i];
    const experiencer = voice.experiencer === 'other' ? 'other' : 'writer';
    const person = voice.experiencer === 'other' ? voice.person : null;
    if (category === 'negated') return { context: 'negated', experiencer, person };
    // A block under a lead-in describes signs in general; a sentence that names whose they are reports them.
    const general = voice.experiencer === 'generic' || voice.experiencer === 'anyone';
    const generalInBlock = inBlocks[i] && (!voice.named || general);
    // In a personal post, a "you" that no cue makes a condition is the writer's own "one" ("then you
    // feel your bladder is still full"); in a reply, the person answered (below); elsewhere it, and
    // people in general, are not anyone's report.
    const generic = voice.experiencer === 'anyone' || (voice.experiencer === 'generic' && genre !== 'personal' && genre !== 'reply');
    const hypothetical = category === 'hypothetical' || generalInBlock || voice.question || voice.advice || generic;
    if (hypothetical) return { context: 'hypothetical', experiencer, person };
    // A reply's "you" is the person it answers: their signs, told back to them.
    if (voice.experiencer === 'generic' && genre === 'reply') return { context: 'other-person', experiencer: 'other', person: ADDRESSEE };
    if (voice.experiencer === 'other') return { context: 'other-person', experiencer, person };
    if (over?.[i] && experiencer === 'writer') return { context: 'negated', experiencer, person };
    if (voice.experiencer === 'writer') return { context: 'affirmed', experiencer, person };
    if (genre === 'story') return { context: 'other-person', experiencer: 'other', person: null };
    return { context: genre === 'info' ? 'hypothetical' : 'affirmed', experiencer, person };
  });
}
