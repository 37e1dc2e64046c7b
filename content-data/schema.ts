/**
 * The shape of every content file. Validation of single entries lives here;
 * cross-references between files are checked by the loader.
 */
import * as v from 'valibot';
import { URGENCIES } from '../lib/types';

export { LEVELS, URGENCIES, type Level, type Urgency } from '../lib/types';

const id = v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id'));
const ids = v.array(id);
const sourceIds = v.pipe(v.array(id), v.minLength(1, 'must cite at least one source id'));
const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'));

/**
 * What kind of publisher a source is, most authoritative first: national guidance and public
 * health bodies (NICE, NHS, CDC), peer-reviewed journals, medical and cancer centres, consumer
 * health sites. Red flags cite their sources in this order.
 */
export const SOURCE_KINDS = ['national', 'journal', 'medical-centre', 'consumer'] as const;

export const SourceSchema = v.strictObject({
  id,
  title: text,
  publisher: text,
  kind: v.picklist(SOURCE_KINDS, 'must be one of national, journal, medical-centre, consumer'),
  url: v.pipe(v.string(), v.url('must be a URL'), v.startsWith('https://', 'must be an https URL')),
  /** ISO date (YYYY-MM-DD) the content was last checked against this source. */
  checked: v.pipe(v.string(), v.isoDate('must be a date as YYYY-MM-DD')),
});

export const SectionSchema = v.strictObject({
  heading: text,
  /** Plain text paragraphs; no markup. */
  paragraphs: v.pipe(v.array(text), v.minLength(1, 'must have at least one paragraph')),
  sources: sourceIds,
});

export const TopicSchema = v.strictObject({
  id,
  title: text,
  summary: text,
  /**
   * The topic is about cancer: lookups and the side panel list it after the everyday topics unless
   * the text names a cancer or a cancer warning sign (lib/search/relevance.ts).
   */
  cancer: v.optional(v.literal(true)),
  sections: v.pipe(v.array(SectionSchema), v.minLength(1, 'must have at least one section')),
  redFlags: ids,
  related: ids,
  sources: sourceIds,
});

/** A combination of red flags (all of `with` together with this one) that raises the urgency. */
export const CombinationSchema = v.strictObject({
  with: v.pipe(ids, v.minLength(1, 'must name at least one other red flag')),
  urgency: v.picklist(URGENCIES, 'must be one of emergency, urgent, soon, routine'),
  reason: text,
});

export const RedFlagSchema = v.strictObject({
  id: v.pipe(id, v.startsWith('rf-', 'red-flag ids start with rf-')),
  /** Short name, e.g. "New loss of bladder or bowel control". */
  label: text,
  /** Plain explanation of what it is and why it matters. */
  explanation: text,
  /** What to do, concretely, at this urgency. */
  action: text,
  urgency: v.picklist(URGENCIES, 'must be one of emergency, urgent, soon, routine'),
  /** The self-check question, answerable yes / no / not sure. */
  question: text,
  combinations: v.array(CombinationSchema),
  /** Topics that explain this red flag. */
  topics: ids,
  sources: sourceIds,
});

/**
 * A red flag or a symptom as a frame: concept slots found in any order within one sentence (one
 * clause preferred), a few words apart. Each slot lists the concepts that can fill it.
 */
export const FrameSchema = v.strictObject({
  slots: v.pipe(v.array(v.pipe(ids, v.minLength(1, 'must name at least one concept'))), v.minLength(2, 'must have at least two slots')),
  /** The frame says the sign is absent ("legs are fine", "walking normally"): its matches are negated. */
  absent: v.optional(v.boolean()),
  /** Concepts that, a few words either side, make it something else ("numb with cold"). */
  unless: v.optional(ids),
  /** Concepts that make it something else when they are in the same or a neighbouring sentence ("my dietitian"). */
  unlessNear: v.optional(ids),
  /** Concepts one of which must be in the same or a neighbouring sentence (as a term's `anchors`). */
  near: v.optional(ids),
});

/** Lists whose product is more phrases: one word of each list in turn (see content-data/build.ts `combinations`). */
const Combinations = v.pipe(
  v.array(v.pipe(v.array(text), v.minLength(1, 'must list at least one word'))),
  v.minLength(2, 'must combine at least two lists'),
);

export const TermSchema = v.strictObject({
  id,
  label: text,
  /** One plain line on what the term means, for the hover card (not sent to pages: see toLexiconSource). */
  definition: text,
  /** Written forms matched as they are: clinical, lay, UK/US, misspellings, abbreviations, idioms. */
  variants: v.array(text),
  /** More variants, each one word of every list in turn (an idiom said of any leg word: "foot" + "fell asleep"). */
  combine: v.optional(Combinations),
  /** Matched by concept slots instead of listed forms (see FrameSchema). */
  frames: v.optional(v.array(FrameSchema)),
  topics: ids,
  redFlags: ids,
  /**
   * Concept ids. When present, a variant's match counts only if a word of one of these concepts occurs
   * in the same sentence or a neighbouring one (for words that mean back pain only in context).
   */
  anchors: v.optional(ids),
  /** Concepts that, a few words either side, make a variant something else ("I feel numb" with grief). */
  unless: v.optional(ids),
  /** Concepts that make a variant something else when they are in the same or a neighbouring sentence (a band's album). */
  unlessNear: v.optional(ids),
  /** Its mentions say that the sign is absent ("able to walk again"), as an absent frame does. */
  absent: v.optional(v.boolean()),
});

/** A named group of words: a frame slot, or an anchor that must be near an ambiguous term. */
export const ConceptSchema = v.strictObject({
  id,
  label: text,
  words: v.pipe(v.array(text), v.minLength(1, 'must list at least one word')),
  /**
   * More phrases, each one word of every list in turn: counted things such as time spans ("three" +
   * "months", "few" + "weeks") without writing out every number.
   */
  combine: v.optional(Combinations),
  /**
   * Its phrases are found only to hide the words inside them ("came back" is not the body's back,
   * "pain points" no pain): the longest phrase at a word wins. No term needs to use it.
   */
  hides: v.optional(v.boolean()),
  /** Its phrases are matched word for word, little words included ("is back" is not "back"). */
  exact: v.optional(v.boolean()),
  /** Its phrases count only where they end a clause: "I feel numb." is grief, "I feel numb in my legs" is not. */
  clauseEnd: v.optional(v.boolean()),
});

const phrases = v.pipe(v.array(text), v.minLength(1, 'must list at least one phrase'));

/**
 * A ConText rule (as medspaCy writes them): cue phrases, what they mean and which way they reach.
 * `forward` cues govern what follows them, `backward` ones what precedes them, `bidirectional` both;
 * `terminate` cues end every scope; `pseudo` cues contain a cue word but are none ("no doubt").
 */
export const ContextRuleSchema = v.strictObject({
  direction: v.picklist(['forward', 'backward', 'bidirectional', 'terminate', 'pseudo'], 'must be forward, backward, bidirectional, terminate or pseudo'),
  /** What a governed mention becomes; `resolved` negates symptoms and leaves a history (a cancer once had) alone. */
  category: v.optional(v.picklist(['negated', 'hypothetical', 'resolved'], 'must be negated, hypothetical or resolved')),
  /** `clause` scopes stop at a clause boundary, `sentence` scopes at the end of the sentence. */
  reach: v.optional(v.picklist(['clause', 'sentence'], 'must be clause or sentence')),
  /** The most tokens between cue and mention. */
  maxScope: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /**
   * The scope also ends where a person is named: "when I lie down" and "when she lies down" are
   * someone's own; "when it ..." describes a case.
   */
  endsAtPerson: v.optional(v.boolean()),
  /** Only mentions of these red flags are governed (all when absent). */
  targets: v.optional(ids),
  /**
   * Only frames that say a sign is absent are governed ("keeps the legs from working" denies that the
   * legs work, so the sign is there); before any other mention these words deny nothing.
   */
  absentOnly: v.optional(v.boolean()),
  /** Only in texts of these genres ("can" supposes on a health page or in a story, not in a personal post). */
  genres: v.optional(v.array(v.picklist(['personal', 'reply', 'snippet', 'story', 'info'], 'must be a genre'))),
  /** Only where no person is named in the cue's clause before it: "this can stop the legs", not "he can barely walk". */
  impersonal: v.optional(v.boolean()),
  /**
   * Words (one each) that, anywhere in the cue's clause after it, make it govern nothing: a "when" told
   * in the past ("when the pain got worse I went to the GP") tells what happened, not a case.
   */
  unlessClauseHas: v.optional(phrases),
  phrases,
});

/** Who a sentence speaks about: the words that name the writer, another person, or anyone at all. */
export const PeopleSchema = v.strictObject({
  /** The writer: "I", "me", "my"... */
  writer: phrases,
  /** Possessives that name nobody on their own ("our", "their"), but do before a relation ("our dog"). */
  possessives: phrases,
  /** Another person by pronoun, each with the pronouns of one gender ("she", "her"...). */
  female: phrases,
  male: phrases,
  /** Another person by relation; after "my/our/his/her..." or alone ("Mum says"). Gender is for pronouns. */
  relationsFemale: phrases,
  relationsMale: phrases,
  relations: phrases,
  /** Pets: their signs are not the reader's. */
  animals: phrases,
  /** Phrases that name one other person without a possessive ("a patient of mine", "the patient", "a woman"). */
  others: phrases,
  /** Phrases that hold a person word but name nobody ("CAT scan", "dog leg"). */
  notPeople: phrases,
  /** People whose words are reported, not their symptoms ("my GP", "the physio"). */
  clinicians: phrases,
  /** Verbs after a person that report what they said or thought ("she said", "he thinks"). */
  reporting: phrases,
  /**
   * A verb of telling with the writer as its listener ("the specialist informed me that..."): what
   * follows was told to the writer, so the writer named before it is not whose it is.
   */
  listening: phrases,
  /** The writer describing themself as a relation ("mum of 3 here", "as a dad"). */
  selfDescriptions: phrases,
  /** The reader addressed: "you", "your". */
  generic: phrases,
  /** People in general: "people", "patients", "anyone with". */
  anyone: phrases,
  /** "We", "us": people in general on an information page; the writer's family elsewhere, so nobody in particular. */
  plural: phrases,
  /** Verbs that give advice when they open a sentence ("Call 999 if...", "Seek help..."). */
  advice: phrases,
});

/** How a personal post tells an episode that is over: in the past, then a recovery. */
export const EndingsSchema = v.strictObject({
  /** Phrases saying the writer is well again ("made a full recovery", "the surgery was a success"). */
  recoveries: phrases,
  /** Words that tell a sentence in the past ("was", "had", "went"), besides any word ending in "-ed". */
  past: phrases,
  /** Words that tell a sentence in the present or as still so ("am", "still", "now"). */
  present: phrases,
  /** Times too recent for an episode to be over ("yesterday", "last night"). */
  recent: phrases,
});

export const ContextSchema = v.strictObject({
  rules: v.pipe(v.array(ContextRuleSchema), v.minLength(1, 'must have at least one rule')),
  people: PeopleSchema,
  /** Words of a heading or a line ending in ":" that introduce a list of warning signs or advice. */
  leadIns: phrases,
  /**
   * Words that open a yes/no question ("Is it...?", "Could this be...?", "Anyone else...?"), which asks
   * whether something is so. A question that opens otherwise ("Why are my legs numb?") takes it as so.
   */
  questionOpeners: phrases,
  /** Words that open a clause of their own ("if", "when"): a frame's words are never on both sides of one. */
  clauseOpeners: phrases,
  /**
   * Single words that say a text speaks of health ("pain", "doctor", "scan"); with the terms' own
   * one-word variants, a page that has none of them is not read for signs.
   */
  healthWords: phrases,
  endings: EndingsSchema,
});

export type Source = v.InferOutput<typeof SourceSchema>;
export type Endings = v.InferOutput<typeof EndingsSchema>;
export type Section = v.InferOutput<typeof SectionSchema>;
/** A topic as written in its file; `terms` is filled in by the loader from the terms that point to it. */
export type TopicFile = v.InferOutput<typeof TopicSchema>;
export type Topic = TopicFile & { terms: string[] };
export type Combination = v.InferOutput<typeof CombinationSchema>;
export type RedFlag = v.InferOutput<typeof RedFlagSchema>;
export type Term = v.InferOutput<typeof TermSchema>;
export type Concept = v.InferOutput<typeof ConceptSchema>;
export type Frame = v.InferOutput<typeof FrameSchema>;
export type ContextRule = v.InferOutput<typeof ContextRuleSchema>;
export type People = v.InferOutput<typeof PeopleSchema>;
export type ContextData = v.InferOutput<typeof ContextSchema>;

export interface KnowledgeBase {
  topics: Topic[];
  redFlags: RedFlag[];
  terms: Term[];
  concepts: Concept[];
  context: ContextData;
  sources: Source[];
}

/** The part of the knowledge base the page scanner needs: small enough for every tab. */
export type LexiconSource = Pick<KnowledgeBase, 'concepts' | 'context'> & {
  terms: Omit<Term, 'definition'>[];
  redFlags: Pick<RedFlag, 'id' | 'urgency' | 'combinations' | 'label'>[];
};
