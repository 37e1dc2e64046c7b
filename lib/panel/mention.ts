/**
 * Whether a mention counts towards how soon to get help, in the words the hover card uses: only a
 * red flag the writer says they have counts for them. Another person's signs are theirs (a carer's
 * post gives the urgency for the person it is about, see lib/triage/subject.ts).
 */
import type { MessageKey } from '../i18n';
import type { Match, MentionContext } from '../types';

export interface MentionStatus {
  /** The line that says so; null when there is nothing worth saying (an ordinary term, affirmed). */
  message: MessageKey | null;
  /** The mention raises the urgency: its red flag's urgency is shown. */
  counted: boolean;
}

const NOT_COUNTED: Record<Exclude<MentionContext, 'affirmed'>, MessageKey> = {
  negated: 'mentionNegated',
  hypothetical: 'mentionHypothetical',
  'other-person': 'mentionOtherPerson',
};

export function mentionStatus(match: Pick<Match, 'context' | 'experiencer' | 'redFlagIds'>): MentionStatus {
  const isRedFlag = match.redFlagIds.length > 0;
  if (match.experiencer === 'other') return { message: NOT_COUNTED['other-person'], counted: false };
  if (match.context === 'affirmed') return { message: isRedFlag ? 'mentionAffirmed' : null, counted: isRedFlag };
  return { message: NOT_COUNTED[match.context], counted: false };
}
