/**
 * Whether a mention counts towards how soon to get help: a red flag the writer says they have, or,
 * in a text about someone else (a carer's post about mum), that person's red flags, which give the
 * urgency for them (see lib/triage/subject.ts). The hover card says it in words.
 */
import type { MessageKey } from '../i18n';
import { subjectOf } from '../triage/subject';
import type { Detection, Genre, Match, MentionContext } from '../types';

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

/** The reader's view of one mention, for the hover card: another person's signs are never theirs. */
export function mentionStatus(match: Pick<Match, 'context' | 'experiencer' | 'redFlagIds'>): MentionStatus {
  const isRedFlag = match.redFlagIds.length > 0;
  if (match.experiencer === 'other') return { message: NOT_COUNTED['other-person'], counted: false };
  if (match.context === 'affirmed') return { message: isRedFlag ? 'mentionAffirmed' : null, counted: isRedFlag };
  return { message: NOT_COUNTED[match.context], counted: false };
}

const ownRedFlag = (match: Match) => match.context === 'affirmed' && match.redFlagIds.length > 0;

/** One text's counted mentions: the writer's affirmed red flags, or the subject's. */
function countedIn(matches: readonly Match[], subject: Detection['subject'], genre: Genre = 'personal'): Match[] {
  return subject === 'other' ? subjectOf(matches, genre).counted : matches.filter(ownRedFlag);
}

/**
 * The mentions whose red flags set the detection's urgency: the writer's affirmed ones, or the
 * subject's when the text is about someone else (a subject is only ever "other" outside information
 * pages, so the default genre finds the same person the detection did). On a thread, each post's
 * own, by that post's subject; words in no post (quotes) count for no one.
 */
export function countedMentions(detection: Pick<Detection, 'matches' | 'subject' | 'posts'>): Set<Match> {
  if (!detection.posts) return new Set(countedIn(detection.matches, detection.subject));
  const byPost = new Map<number, Match[]>();
  for (const match of detection.matches) {
    if (match.post === undefined) continue;
    const own = byPost.get(match.post);
    if (own) own.push(match);
    else byPost.set(match.post, [match]);
  }
  return new Set(
    detection.posts.flatMap((post) => countedIn(byPost.get(post.index) ?? [], post.subject, post.index > 0 ? 'reply' : 'personal')),
  );
}

/** The red flags that set the urgency, each once. */
export function countedRedFlagIds(detection: Pick<Detection, 'matches' | 'subject' | 'posts'>): Set<string> {
  return new Set([...countedMentions(detection)].flatMap((match) => match.redFlagIds));
}
