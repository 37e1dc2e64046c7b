/**
 * Relevance first, cancer when the text is about cancer. Most back pain is not cancer, so a lookup,
 * the side panel's topic list and the popup put the everyday topics (common back pain, sciatica,
 * pain relief...) before the cancer topics unless the words name a cancer or a cancer warning sign.
 */
import type { KnowledgeBase } from '../../content-data/schema';

export interface CancerDocs {
  /** Topics marked `cancer` in their files. */
  topics: ReadonlySet<string>;
  /**
   * Red flags that point only at cancer topics: the warning signs of cancer (a history of cancer,
   * night pain, weight loss, pain that keeps getting worse, high calcium).
   */
  redFlags: ReadonlySet<string>;
}

export function cancerDocsOf(kb: Pick<KnowledgeBase, 'topics' | 'redFlags'>): CancerDocs {
  const topics = new Set(kb.topics.filter((topic) => topic.cancer === true).map((topic) => topic.id));
  const redFlags = new Set(
    kb.redFlags
      .filter((redFlag) => redFlag.topics.length > 0 && redFlag.topics.every((id) => topics.has(id)))
      .map((redFlag) => redFlag.id),
  );
  return { topics, redFlags };
}

/** Whether a term (or a match of it) names a cancer or a cancer warning sign: all it points to is about cancer. */
export function namesCancer(term: { topicIds: readonly string[]; redFlagIds: readonly string[] }, cancer: CancerDocs): boolean {
  const { topicIds, redFlagIds } = term;
  return (
    topicIds.length + redFlagIds.length > 0 &&
    topicIds.every((id) => cancer.topics.has(id)) &&
    redFlagIds.every((id) => cancer.redFlags.has(id))
  );
}

/**
 * Words that name cancer without naming which (the lexicon's terms name the cancers, their spread
 * and their warning signs). "Sinister" is the clinical word for a serious cause such as cancer.
 */
export const CANCER_WORDS = [
  'cancer', 'cancerous', 'tumour', 'tumor', 'malignant', 'malignancy', 'carcinoma', 'sarcoma',
  'oncologist', 'oncology', 'metastasis', 'metastatic', 'sinister',
];

/** The items with the cancer topics moved after the others; each part keeps its order. */
export function everydayFirst<T>(items: readonly T[], isCancerTopic: (item: T) => boolean): T[] {
  return [...items.filter((item) => !isCancerTopic(item)), ...items.filter(isCancerTopic)];
}

/** "When should I go to A&E", "do I need an ambulance", "should I see a doctor": a question about where to get care. */
const CARE_SEEKING =
  /\b(?:a ?& ?e|a and e|er|emergency|ambulance|hospital|urgent care|999|911|112|111|(?:see|call|ring|go to|visit) (?:a |my |the )?(?:doctor|gp))\b/i;

export function asksWhereToGetCare(text: string): boolean {
  return CARE_SEEKING.test(text);
}
