/**
 * What the side panel shows for a page's detection: the red flags that set its urgency (most urgent
 * first), the topics with how often they are mentioned, and the red-flag mentions that are set
 * apart because they are negated, hypothetical or about someone the urgency is not for.
 */
import type { KnowledgeBase, RedFlag, Topic, Urgency } from '../../content-data/schema';
import { byUrgency } from '../urgency';
import type { Detection, Match, MentionContext } from '../types';
import type { SearchResult } from '../search/types';
import { countedMentions } from './mention';
import { cancerDocsOf, everydayFirst, namesCancer } from '../search/relevance';

export interface RedFlagFinding {
  redFlag: RedFlag;
  /** Indexes into `detection.matches` of the mentions that count, in page order. */
  matchIndexes: number[];
}

export interface TopicFinding {
  topic: Topic;
  /** Indexes into `detection.matches` of every mention, in page order. */
  matchIndexes: number[];
}

export interface SetAsideMention {
  match: Match;
  index: number;
  context: Exclude<MentionContext, 'affirmed'>;
}

export interface FindingsView {
  redFlags: RedFlagFinding[];
  topics: TopicFinding[];
  setAside: SetAsideMention[];
}

function groupIndexes(matches: Match[], keysOf: (match: Match) => string[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  matches.forEach((match, index) => {
    for (const key of keysOf(match)) {
      const indexes = groups.get(key);
      if (indexes) indexes.push(index);
      else groups.set(key, [index]);
    }
  });
  return groups;
}

/**
 * The findings of one detection against the knowledge base. Only mentions that count make a red
 * flag a finding (the writer's affirmed ones, or those of the person a carer writes about, see
 * `countedMentions`); topics count every mention, since a page about someone else's myeloma is
 * still about myeloma. The cancer topics follow the everyday ones unless a mention names a cancer or a cancer
 * warning sign (as lookups rank them, lib/search/relevance.ts). Ids the knowledge base does not know
 * are skipped.
 */
export function findingsView(detection: Detection, kb: Pick<KnowledgeBase, 'redFlags' | 'topics'>): FindingsView {
  const counted = countedMentions(detection);
  const countedFlags = groupIndexes(detection.matches, (match) => (counted.has(match) ? match.redFlagIds : []));
  const redFlags = byUrgency(
    kb.redFlags
      .filter((redFlag) => countedFlags.has(redFlag.id))
      .map((redFlag) => ({ redFlag, matchIndexes: countedFlags.get(redFlag.id) ?? [] })),
    (finding) => finding.redFlag.urgency,
  );

  const topicMentions = groupIndexes(detection.matches, (match) => match.topicIds);
  const topicsById = new Map(kb.topics.map((topic) => [topic.id, topic]));
  const mentioned = detection.topics.flatMap((id) => {
    const topic = topicsById.get(id);
    return topic ? [{ topic, matchIndexes: topicMentions.get(id) ?? [] }] : [];
  });
  const cancer = cancerDocsOf(kb);
  const topics = detection.matches.some((match) => namesCancer(match, cancer))
    ? mentioned
    : everydayFirst(mentioned, ({ topic }) => cancer.topics.has(topic.id));

  const setAside = detection.matches.flatMap((match, index) =>
    !counted.has(match) && match.context !== 'affirmed' && match.redFlagIds.length > 0 ? [{ match, index, context: match.context }] : [],
  );

  return { redFlags, topics, setAside };
}

/** Search results with the red flags first (most urgent first), then the topics in their given order. */
export function redFlagsFirst(results: SearchResult[], urgencyOf: (redFlagId: string) => Urgency | undefined): SearchResult[] {
  const redFlags = results.filter((result) => result.kind === 'red-flag' && urgencyOf(result.id) !== undefined);
  const topics = results.filter((result) => result.kind === 'topic');
  return [...byUrgency(redFlags, (result) => urgencyOf(result.id)!), ...topics];
}
