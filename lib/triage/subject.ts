/**
 * Whom a text's urgency is for. Writers describing their own symptoms get the urgency of their own
 * affirmed signs, and other people's signs ("my dad had prostate cancer") neither count nor combine
 * with theirs. A text about one other person (a carer's post about mum, a case report) gets that
 * person's signs.
 */
import type { Experiencer, Match } from '../types';

export interface Subject {
  subject: Experiencer;
  /** The matches whose affirmed red flags set the urgency. */
  counted: Match[];
}

const affirmedRedFlag = (match: Match) => match.context === 'affirmed' && match.redFlagIds.length > 0;

/**
 * The writer, when they affirm a red flag of their own or say more about themself than anyone else
 * does; otherwise the other person with the most red-flag mentions, who must also say more than the
 * writer.
 */
export function subjectOf(matches: readonly Match[]): Subject {
  const own = matches.filter((match) => match.context === 'affirmed');
  const writer: Subject = { subject: 'writer', counted: own.filter(affirmedRedFlag) };
  if (writer.counted.length > 0) return writer;
  const byPerson = new Map<string, Match[]>();
  for (const match of matches) {
    if (match.context !== 'other-person') continue;
    const key = match.person ?? '';
    byPerson.set(key, [...(byPerson.get(key) ?? []), match]);
  }
  let best: Match[] = [];
  for (const mentions of byPerson.values()) {
    const flagged = mentions.filter((match) => match.redFlagIds.length > 0);
    if (flagged.length > best.filter((match) => match.redFlagIds.length > 0).length) best = mentions;
  }
  const theirs = best.filter((match) => match.redFlagIds.length > 0);
  if (theirs.length === 0 || best.length < own.length) return writer;
  return { subject: 'other', counted: theirs };
}
