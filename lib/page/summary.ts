/**
 * One Detection for the whole page, from the matches of the stretches it was scanned in. It
 * follows `detect`'s summary rules, which lib/detect does not export on their own.
 */
import type { LexiconSource } from '../../content-data/schema';
import type { Detection, Match, MentionContext } from '../detect/types';
import { triage } from '../triage';

/**
 * Which context a red flag is reported with when seen several times: the reader's own wins
 * (the same order as `detect` uses for one text).
 */
const CONTEXT_STRENGTH: Record<MentionContext, number> = {
  affirmed: 3,
  'other-person': 2,
  hypothetical: 1,
  negated: 0,
};

function strongestContexts(matches: readonly Match[]): Detection['redFlags'] {
  const contexts = new Map<string, MentionContext>();
  for (const match of matches) {
    for (const id of match.redFlagIds) {
      const seen = contexts.get(id);
      if (seen === undefined || CONTEXT_STRENGTH[match.context] > CONTEXT_STRENGTH[seen]) {
        contexts.set(id, match.context);
      }
    }
  }
  return [...contexts].map(([id, context]) => ({ id, context }));
}

function topicsByMentions(matches: readonly Match[]): string[] {
  const counts = new Map<string, number>();
  for (const match of matches) {
    for (const id of match.topicIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  // Map iteration keeps first-seen order, and the sort is stable: ties stay in page order.
  return [...counts].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

export function summarizeMatches(
  matches: readonly Match[],
  redFlags: LexiconSource['redFlags'],
): Detection {
  const redFlagContexts = strongestContexts(matches);
  const affirmed = redFlagContexts.filter((flag) => flag.context === 'affirmed').map((flag) => flag.id);
  const { urgency, reasons } = triage(affirmed, redFlags);
  return {
    // As for one text: terms without an affirmed red flag make the page "routine", not "none".
    urgency: urgency === 'none' && matches.length > 0 ? 'routine' : urgency,
    reasons,
    matches: [...matches],
    redFlags: redFlagContexts,
    topics: topicsByMentions(matches),
  };
}
