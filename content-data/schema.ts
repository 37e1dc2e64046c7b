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

export const SourceSchema = v.strictObject({
  id,
  title: text,
  publisher: text,
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

export const TermSchema = v.strictObject({
  id,
  label: text,
  /** Every written form: clinical, lay, UK/US, misspellings, abbreviations. */
  variants: v.pipe(v.array(text), v.minLength(1, 'must have at least one variant')),
  topics: ids,
  redFlags: ids,
  /**
   * Anchor-group ids. When present, a match counts only if a word of one of these groups occurs
   * in the same sentence or a neighbouring one (for words that mean back pain only in context).
   */
  anchors: v.optional(ids),
});

export const AnchorGroupSchema = v.strictObject({
  id,
  label: text,
  words: v.pipe(v.array(text), v.minLength(1, 'must list at least one word')),
});

export type Source = v.InferOutput<typeof SourceSchema>;
export type Section = v.InferOutput<typeof SectionSchema>;
/** A topic as written in its file; `terms` is filled in by the loader from the terms that point to it. */
export type TopicFile = v.InferOutput<typeof TopicSchema>;
export type Topic = TopicFile & { terms: string[] };
export type Combination = v.InferOutput<typeof CombinationSchema>;
export type RedFlag = v.InferOutput<typeof RedFlagSchema>;
export type Term = v.InferOutput<typeof TermSchema>;
export type AnchorGroup = v.InferOutput<typeof AnchorGroupSchema>;

export interface KnowledgeBase {
  topics: Topic[];
  redFlags: RedFlag[];
  terms: Term[];
  anchors: AnchorGroup[];
  sources: Source[];
}

/** The part of the knowledge base the page scanner needs: small enough for every tab. */
export type LexiconSource = Pick<KnowledgeBase, 'terms' | 'anchors'> & {
  redFlags: Pick<RedFlag, 'id' | 'urgency' | 'combinations' | 'label'>[];
};
