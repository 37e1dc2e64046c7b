/**
 * Whom a text's urgency is for. Writers describing their own symptoms get the urgency of their own
 * affirmed signs, and other people's signs ("my dad had prostate cancer") neither count nor combine
 * with theirs. A text about one other person (a carer's post about mum, a case report) gets that
 * person's signs; an information page gets no one's, and a reply in a thread does not take the
 * person it answers for its subject.
 */
import { ADDRESSEE, type Experiencer, type Genre, type Match } from '../types';

export interface Subject {
  subject: Experiencer;
  /** The matches whose affirmed red flags set the urgency. */
  counted: Match[];
}

const affirmedRedFlag = (match: Match) => match.context === 'affirmed' && match.redFlagIds.length > 0;

/**
 * The writer, when they affirm a red flag of their own or say more about themself than anyone else
 * does; otherwise the other person the text tells most red flags of. Mentions that no relation word
 * names ("she", "the patient") are that person's when at most one relation is named with red flags;
 * where several are ("my mum... my dad..."), the relation with the most red flags is the subject.
 */
export function subjectOf(matches: readonly Match[], genre: Genre = 'personal'): Subject {
  const own = matches.filter((match) => match.context === 'affirmed');
  const writer: Subject = { subject: 'writer', counted: own.filter(affirmedRedFlag) };
  // An information page is about no one: a patient's story quoted there illustrates it.
  if (writer.counted.length > 0 || genre === 'info') return writer;
  // A reply's "you" is a poster whose own post tells their signs: the reply is not about them.
  const others = matches.filter((match) => match.context === 'other-person' && !(genre === 'reply' && match.person === ADDRESSEE));
  const flagged = others.filter((match) => match.redFlagIds.length > 0);
  const byRelation = new Map<string, Match[]>();
  for (const match of flagged) if (match.person) byRelation.set(match.person, [...(byRelation.get(match.person) ?? []), match]);
  const relations = [...byRelation.values()].sort((a, b) => b.length - a.length);
  const theirs = relations.length > 1 ? relations[0]! : flagged;
  if (theirs.length === 0 || others.length < own.length) return writer;
  return { subject: 'other', counted: theirs };
}
