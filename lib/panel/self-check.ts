/**
 * The self-check: each red flag's question answered yes / no / not sure. Only "yes" answers go to
 * triage; "not sure" answers are listed back so the person can ask a professional about them, and
 * a question not answered stays unanswered: it never counts as a "no".
 */
import type { LexiconSource, RedFlag } from '../../content-data/schema';
import type { Triage } from '../types';
import { triage } from '../triage';
import { byUrgency } from '../urgency';

export type Answer = 'yes' | 'no' | 'unsure';
export type Answers = Readonly<Record<string, Answer>>;

export interface SelfCheckOutcome {
  triage: Triage;
  /** Red flags answered "not sure", most urgent first. */
  unsure: RedFlag[];
  /** Emergency questions not answered yet: until they are, no answer set reads as reassuring. */
  unansweredEmergency: RedFlag[];
  answeredCount: number;
  complete: boolean;
}

/** The questions in the order they are asked: the most urgent red flags first. */
export function selfCheckQuestions(redFlags: RedFlag[]): RedFlag[] {
  return byUrgency(redFlags, (redFlag) => redFlag.urgency);
}

export function selfCheckOutcome(answers: Answers, redFlags: RedFlag[]): SelfCheckOutcome {
  const answered = (answer: Answer) => redFlags.filter((redFlag) => answers[redFlag.id] === answer);
  const yesIds = answered('yes').map((redFlag) => redFlag.id);
  const answeredCount = redFlags.filter((redFlag) => answers[redFlag.id] !== undefined).length;
  return {
    triage: triage(yesIds, redFlags satisfies LexiconSource['redFlags']),
    unsure: selfCheckQuestions(answered('unsure')),
    unansweredEmergency: redFlags.filter((redFlag) => redFlag.urgency === 'emergency' && answers[redFlag.id] === undefined),
    answeredCount,
    complete: answeredCount === redFlags.length,
  };
}
