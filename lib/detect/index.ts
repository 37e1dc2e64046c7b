/**
 * Detection as the page, the side panel and the CLI see it: scan, context, then the summary and
 * the urgency for the person the text is about.
 */
import { assignContexts, compileContext, genreOf, GENRE_SAMPLE_CHARS, talksOfHealth, type CompiledContext, type Genre } from '../context';
import { compileLexicon as compileMatchLexicon, findMatches, type Lexicon as MatchLexicon } from '../match';
import { phraseKeys, tokenize } from '../text';
import { triage } from '../triage';
import { subjectOf } from '../triage/subject';
import type { LexiconSource } from '../../content-data/schema';
import type { Detection, Match, MentionContext } from '../types';
import { windowEnd, windowStart } from './window';

export type { Genre } from '../context';

/** What detection needs, compiled once: the matcher's lexicon, the context rules and the words of health talk. */
export interface Lexicon extends MatchLexicon {
  context: CompiledContext;
  /** Words that say a text is about health (see `talksOfHealth`). */
  healthKeys: ReadonlySet<string>;
}

export function compileLexicon(source: LexiconSource): Lexicon {
  return { ...compileMatchLexicon(source), context: compileContext(source.context), healthKeys: healthKeysOf(source) };
}

/** The health-talk words, and every term's variant of one word that means back pain on its own ("sciatica"). */
function healthKeysOf(source: LexiconSource): Set<string> {
  const words = [
    ...source.context.healthWords,
    ...source.terms.filter((term) => !term.anchors?.length).flatMap((term) => term.variants),
  ];
  return new Set(words.map(phraseKeys).filter((keys) => keys.length === 1).map((keys) => keys[0]!));
}

/** The matches of a whole text in its genre, offsets into it. */
function matchesOf(text: string, lexicon: Lexicon, genre: Genre, tokens = tokenize(text)): Match[] {
  const raw = findMatches(tokens, lexicon);
  const verdicts = assignContexts(tokens, raw, lexicon.context, { genre });
  return raw.map((match, i): Match => {
    const { context, experiencer, person } = verdicts[i]!;
    return {
      start: match.start,
      end: match.end,
      text: text.slice(match.start, match.end),
      termId: match.term.id,
      topicIds: match.topicIds,
      redFlagIds: match.redFlagIds,
      context,
      experiencer,
      ...(person ? { person } : {}),
    };
  });
}

/**
 * How `detect` reads a whole text (a page, a file) from its beginning, tokenised once: its genre,
 * and whether it speaks of health, so that it is read for signs at all (see `talksOfHealth`).
 */
export function readText(text: string, lexicon: Lexicon): { genre: Genre; health: boolean } {
  const tokens = tokenize(text.slice(0, windowEnd(text, GENRE_SAMPLE_CHARS)));
  return { genre: genreOf(tokens, lexicon.context.genreKeys), health: talksOfHealth(tokens, lexicon.healthKeys) };
}

/** The genre of a text, read as `detect` reads it (from its beginning). */
export function textGenre(text: string, lexicon: Lexicon): Genre {
  return readText(text, lexicon).genre;
}

/**
 * The matches that start in text[from, to), with the contexts that reading the whole text gives
 * them: detection reads a window of sentences before and after the range (see ./window), so a page
 * detected chunk by chunk, or a part appended later, gets the same answer as the whole at once.
 * `genre`: the whole text's (see `textGenre`), which a range cannot tell alone.
 */
export function detectRange(text: string, from: number, to: number, lexicon: Lexicon, genre: Genre): Match[] {
  const start = windowStart(text, from);
  const end = windowEnd(text, to);
  const matches = matchesOf(text.slice(start, end), lexicon, genre);
  const inRange: Match[] = [];
  for (const match of matches) {
    match.start += start;
    match.end += start;
    if (match.start >= from && match.start < to) inRange.push(match);
  }
  return inRange;
}

/** A personal post that is not a thread's first post answers the posts before it (see `Genre`). */
export function postGenre(genre: Genre, isReply: boolean): Genre {
  return isReply && genre === 'personal' ? 'reply' : genre;
}

/** The matches of a whole text and the genre they were read in; `isReply` for a thread's later posts. */
export function detectMatches(text: string, lexicon: Lexicon, isReply = false): { matches: Match[]; genre: Genre } {
  const tokens = tokenize(text);
  const genre = postGenre(genreOf(tokens, lexicon.context.genreKeys), isReply);
  return { matches: matchesOf(text, lexicon, genre, tokens), genre };
}

/** A whole text's detection; one that never speaks of health has no matches (see `talksOfHealth`). */
export function detect(text: string, lexicon: Lexicon): Detection {
  const tokens = tokenize(text);
  const genre = genreOf(tokens, lexicon.context.genreKeys);
  const matches = talksOfHealth(tokens, lexicon.healthKeys) ? matchesOf(text, lexicon, genre, tokens) : [];
  return summarizeMatches(matches, lexicon.redFlags, genre);
}

/**
 * Which context represents a red flag seen several times: the one that matters most to the reader.
 * An affirmed mention is a real warning; someone else's is real but not theirs; a hypothetical one
 * is a warning sign being described; a negated one says it is absent.
 */
const CONTEXT_STRENGTH: MentionContext[] = ['affirmed', 'other-person', 'hypothetical', 'negated'];

/**
 * The summary of a set of matches: each red flag with its strongest context, topics by mentions and
 * the urgency for the person the text is about (see `subjectOf`), given the text's genre. Terms
 * without a red flag that counts make it "routine", not "none". Also used by the page, which
 * detects in stretches.
 */
export function summarizeMatches(
  matches: readonly Match[],
  redFlags: LexiconSource['redFlags'],
  genre: Genre = 'personal',
): Detection {
  const { subject, counted } = subjectOf(matches, genre);
  const { urgency, reasons } = triage([...new Set(counted.flatMap((match) => match.redFlagIds))], redFlags);
  return {
    urgency: urgency === 'none' && matches.length > 0 ? 'routine' : urgency,
    reasons,
    matches: [...matches],
    redFlags: strongestContexts(matches),
    topics: topicsByMentions(matches),
    subject,
  };
}

export function strongestContexts(matches: readonly Match[]): Detection['redFlags'] {
  const strongest = new Map<string, Match>();
  for (const match of matches) {
    for (const id of match.redFlagIds) {
      const current = strongest.get(id);
      const stronger = !current || CONTEXT_STRENGTH.indexOf(match.context) < CONTEXT_STRENGTH.indexOf(current.context);
      if (stronger) strongest.set(id, match);
    }
  }
  return [...strongest].map(([id, match]) => ({ id, context: match.context, experiencer: match.experiencer }));
}

/** Topic ids, most mentioned first; ties keep the order of first mention. */
export function topicsByMentions(matches: readonly Match[]): string[] {
  const counts = new Map<string, number>();
  for (const match of matches) for (const id of match.topicIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}
