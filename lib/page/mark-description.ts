/** What the hover card says about a mark: the term, what it means, whether it counted, its topics. */
import type { HoverCardContent } from '../../components/HoverCard';
import type { LexiconSource } from '../../content-data/schema';
import type { MarkDescription } from '../messages';
import type { Mark } from './marks';

/**
 * `loadSource` resolves at once once marks exist (they are made from it); `describe` asks the
 * background for what the page's lexicon leaves out, and may answer nothing (the extension went away).
 */
export function markDescriber(
  loadSource: () => Promise<LexiconSource>,
  describe: (termId: string, topicIds: string[]) => Promise<MarkDescription | undefined>,
) {
  return async (mark: Mark): Promise<HoverCardContent> => {
    const { match } = mark;
    const [source, description] = await Promise.all([loadSource(), describe(match.termId, match.topicIds)]);
    const redFlag = source.redFlags.find((flag) => flag.id === match.redFlagIds[0]);
    return {
      matchedText: match.text,
      termLabel: source.terms.find((term) => term.id === match.termId)?.label ?? match.text,
      definition: description?.definition ?? null,
      context: match.context,
      experiencer: match.experiencer,
      topics: description?.topics ?? match.topicIds.map((id) => ({ id, title: id })),
      redFlag: redFlag ? { id: redFlag.id, label: redFlag.label, urgency: redFlag.urgency } : null,
    };
  };
}
