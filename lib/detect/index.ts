/**
 * Detection as the page, the side panel and the CLI see it: scan, context, then the summary and
 * the urgency of what the text says about its reader.
 */
import { assignContexts } from '../context';
import { findMatches, type Lexicon } from '../match';
import { tokenize } from '../text';
import { triage } from '../triage';
import type { LexiconSource } from '../../content-data/schema';
import type { Detection, Match, MentionContext } from '../types';

export { compileLexicon, type Lexicon } from '../match';

/**
 * Which context represents a red flag seen several times: the one that matters most to the reader.
 * An affirmed mention is a real warning; someone else's is real but not theirs; a hypothetical one
 * is a warning sign being described; a negated one says it is absent.
 */
const CONTEXT_STRENGTH: MentionContext[] = ['affirmed', 'other-person', 'hypothetical', 'negated'];

export function detect(text: string, lexicon: Lexicon): Detection {
  const tokens = tokenize(text);
  const raw = findMatches(tokens, lexicon);
  const contexts = assignContexts(
    tokens,
    raw.map(({ firstToken, endToken, term }) => ({ firstToken, endToken, lasting: isHistory(term.redFlagIds) })),
  );
  const matches: Match[] = raw.map((match, i) => ({
    start: match.start,
    end: match.end,
    text: text.slice(match.start, match.end),
    termId: match.term.id,
    topicIds: match.term.topicIds,
    redFlagIds: match.term.redFlagIds,
    context: contexts[i]!,
  }));
  return summarizeMatches(matches, lexicon.redFlags);
}

/**
 * The summary of a set of matches: each red flag with its strongest context, topics by mentions and
 * the urgency of the affirmed red flags. Terms without an affirmed red flag make it "routine", not "none".
 * Also used by the page, which detects in stretches and summarises them all at once.
 */
export function summarizeMatches(matches: readonly Match[], redFlags: LexiconSource['redFlags']): Detection {
  const redFlagContexts = strongestContexts(matches);
  const affirmed = redFlagContexts.filter((flag) => flag.context === 'affirmed').map((flag) => flag.id);
  const { urgency, reasons } = triage(affirmed, redFlags);
  return {
    urgency: urgency === 'none' && matches.length > 0 ? 'routine' : urgency,
    reasons,
    matches: [...matches],
    redFlags: redFlagContexts,
    topics: topicsByMentions(matches),
  };
}

/** Red flags that are a history, not a symptom: a cancer once had stays part of it ("all sorted now"). */
const HISTORY_RED_FLAGS = new Set(['rf-cancer-history']);

function isHistory(redFlagIds: string[]): boolean {
  return redFlagIds.some((id) => HISTORY_RED_FLAGS.has(id));
}

function strongestContexts(matches: readonly Match[]): Detection['redFlags'] {
  const strongest = new Map<string, MentionContext>();
  for (const match of matches) {
    for (const id of match.redFlagIds) {
      const current = strongest.get(id);
      const stronger = !current || CONTEXT_STRENGTH.indexOf(match.context) < CONTEXT_STRENGTH.indexOf(current);
      if (stronger) strongest.set(id, match.context);
    }
  }
  return [...strongest].map(([id, context]) => ({ id, context }));
}

/** Topic ids, most mentioned first; ties keep the order of first mention. */
function topicsByMentions(matches: readonly Match[]): string[] {
  const counts = new Map<string, number>();
  for (const match of matches) for (const id of match.topicIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}
