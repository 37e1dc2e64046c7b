import type { Level, Urgency } from '../../content-data/schema';

/** Whose experience a mention describes, and whether it is asserted at all. */
export type MentionContext = 'affirmed' | 'negated' | 'hypothetical' | 'other-person';

/** One term found in a text. Offsets are JavaScript string indices into the scanned text. */
export interface Match {
  start: number;
  end: number;
  text: string;
  termId: string;
  topicIds: string[];
  redFlagIds: string[];
  context: MentionContext;
}

/** Why the urgency is what it is: one red flag, or a combination of them. */
export interface TriageReason {
  redFlagIds: string[];
  urgency: Urgency;
  /** Plain words for the user (from the knowledge base). */
  text: string;
}

export interface Triage {
  urgency: Level;
  reasons: TriageReason[];
}

export interface Detection extends Triage {
  matches: Match[];
  /** Each red flag once, with the strongest context it was seen in (affirmed wins). */
  redFlags: { id: string; context: MentionContext }[];
  /** Topic ids mentioned, most mentioned first. */
  topics: string[];
}
