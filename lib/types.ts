/**
 * The engine's shared vocabulary: what a detection holds and what triage returns. A leaf module (it
 * imports nothing), so matching, context, triage, the page and the panels can all depend on it
 * without depending on each other.
 */

/** Urgency levels, most urgent first (CONTENT.md fixes the ids). */
export const URGENCIES = ['emergency', 'urgent', 'soon', 'routine'] as const;
export type Urgency = (typeof URGENCIES)[number];
/** An urgency, or `none` when nothing was found. Ordered from most to least urgent. */
export const LEVELS = [...URGENCIES, 'none'] as const;
export type Level = (typeof LEVELS)[number];

/** Whose experience a mention describes, and whether it is asserted at all. */
export type MentionContext = 'affirmed' | 'negated' | 'hypothetical' | 'other-person';

/**
 * What kind of text it is: a personal post, a story of another person, an information page, or a
 * snippet too short to tell (a selection, a query). A `reply` is a personal post that answers others
 * in a thread: its "you" is the person it answers, not the writer.
 */
export type Genre = 'personal' | 'reply' | 'story' | 'info' | 'snippet';

/** `Match.person` for what a reply in a thread says of "you": the person it answers. */
export const ADDRESSEE = 'you';

/** Whose a mention is: the writer's (or the reader's, for a sign described), or another person's. */
export type Experiencer = 'writer' | 'other';

/** One term found in a text. Offsets are JavaScript string indices into the scanned text. */
export interface Match {
  start: number;
  end: number;
  text: string;
  termId: string;
  topicIds: string[];
  redFlagIds: string[];
  context: MentionContext;
  experiencer: Experiencer;
  /** Which other person ("mum", "she"...), for another person's mention. */
  person?: string;
  /**
   * On a page read as posts: the number of the post it is in (`PostSummary.index`). A thread's
   * match without one is in text no post owns (a quote, the page around the posts): it counts for no one.
   */
  post?: number;
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
  /** Each red flag once, with the strongest context it was seen in (affirmed wins) and whose that was. */
  redFlags: { id: string; context: MentionContext; experiencer: Experiencer }[];
  /** Topic ids mentioned, most mentioned first. */
  topics: string[];
  /**
   * Whom the urgency is for: the writer, or the one other person the text is about (a carer's post
   * about mum). Another person's signs never count towards the writer's urgency, nor combine with them.
   */
  subject: Experiencer;
  /** On a page read as posts (a thread): each post's summary, in the order the posts were found. */
  posts?: PostSummary[];
}

/** A run of a text, offsets into it: [start, end). */
export interface TextSpan {
  start: number;
  end: number;
}

/** One post of a thread: who wrote it, and the urgency for its person. */
export interface PostSummary {
  /** Its place among the page's posts (0 for the first). */
  index: number;
  author: string | null;
  time: string | null;
  urgency: Level;
  subject: Experiencer;
}

/** One post with what its words say. */
export interface PostDetection extends Detection, PostSummary {}

/**
 * A page read as posts. The page's own fields sum up its posts: its urgency is its most urgent
 * post's, its reasons are the posts' own (no combination crosses posts), its matches are every post's
 * and those in text no post owns (quotes, furniture), which count for no one.
 */
export interface ThreadDetection extends Detection {
  posts: PostDetection[];
}
