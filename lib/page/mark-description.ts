/** What the hover card says about a mark: the term, what it means, whether it counted, its topics. */
import type { HoverCardContent } from '../../components/HoverCard';
import type { MarkDescription } from '../messages';
import type { PageLexicon } from '../page-lexicon';
import type { Mark } from './marks';

/**
 * `loadLexicon` resolves at once once marks exist (they are made from it); `describe` asks the
 * background for what the page's lexicon leaves out, and may answer nothing (the extension went away).
 */
export function markDescriber(
  loadLexicon: () => Promise<PageLexicon>,
  describe: (termId: string, topicIds: string[]) => Promise<MarkDescription | undefined>,
) {
  return async (mark: Mark): Promise<HoverCardContent> => {
    const { match } = mark;
    const [{ lexicon, termLabels }, description] = await Promise.all([loadLexicon(), describe(match.termId, match.topicIds)]);
    const redFlag = lexicon.redFlags.find((flag) => flag.id === match.redFlagIds[0]);
    return {
      matchedText: match.text,
      termLabel: termLabels.get(match.termId) ?? match.text,
      definition: description?.definition ?? null,
      context: match.context,
      experiencer: match.experiencer,
      topics: description?.topics ?? match.topicIds.map((id) => ({ id, title: id })),
      redFlag: redFlag ? { id: redFlag.id, label: redFlag.label, urgency: redFlag.urgency } : null,
    };
  };
}
