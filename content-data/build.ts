/**
 * Turns parsed content files into a validated, cross-referenced knowledge base.
 * Pure: no file system, so the loader, the Vite plugin and the tests share it.
 */
import * as v from 'valibot';
import {
  ConceptSchema,
  ContextSchema,
  RedFlagSchema,
  SourceSchema,
  TermSchema,
  TopicSchema,
  URGENCIES,
  type Concept,
  type ContextData,
  type KnowledgeBase,
  type LexiconSource,
  type RedFlag,
  type Source,
  type Term,
  type Topic,
  type TopicFile,
  type Urgency,
} from './schema';

/** Topic ids fixed by CONTENT.md: tests and evaluations refer to them. */
export const TOPIC_IDS = [
  'back-pain-and-cancer',
  'spinal-metastases',
  'metastatic-spinal-cord-compression',
  'cauda-equina-syndrome',
  'spinal-tumors',
  'sciatic-nerve-schwannoma',
  'sciatica',
  'multiple-myeloma',
  'pancreatic-cancer',
  'prostate-cancer',
  'lung-cancer',
  'esophageal-cancer',
  'stomach-cancer',
  'liver-cancer',
  'non-hodgkin-lymphoma',
  'high-blood-calcium',
  'mechanical-back-pain',
  'nociceptive-pain',
  'neuropathic-pain',
  'visceral-pain',
  'treatment-related-pain',
  'evaluating-back-pain',
  'treating-cancer-back-pain',
  'pain-relief',
  'rehabilitation',
] as const;

/** Red-flag ids fixed by CONTENT.md, each with the least urgency it may carry. */
export const RED_FLAG_URGENCY_FLOORS = {
  'rf-bladder-bowel': 'emergency',
  'rf-saddle-numbness': 'emergency',
  'rf-leg-weakness': 'emergency',
  'rf-leg-numbness': 'urgent',
  'rf-cancer-history': 'urgent',
  'rf-night-pain': 'soon',
  'rf-rest-pain': 'soon',
  'rf-progressive-pain': 'soon',
  'rf-weight-loss': 'soon',
  'rf-high-calcium': 'urgent',
  'rf-sexual-dysfunction': 'emergency',
} as const satisfies Record<string, Urgency>;

export const RED_FLAG_IDS = Object.keys(RED_FLAG_URGENCY_FLOORS) as (keyof typeof RED_FLAG_URGENCY_FLOORS)[];

export const MIN_VARIANTS_PER_RED_FLAG = 8;
export const MIN_VARIANTS_IN_ALL = 400;

/** Words too ambiguous to match alone: a term using one of them as a whole variant needs anchors. */
export const AMBIGUOUS_WORDS = ['back', 'numb', 'bladder', 'cord', 'ces', 'compression', 'spine'] as const;

export interface ContentFile {
  /** Path as it should appear in messages, e.g. `content-data/topics/sciatica.json`. */
  path: string;
  data: unknown;
}

/** Every problem found in the content, one line each, naming file, entry and field. */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    super(`Content check failed (${count}):\n${problems.join('\n')}`);
    this.name = 'ContentError';
  }
}

/** Lowercase, trimmed, single spaces: two variants equal under this are the same variant. */
export function normaliseVariant(variant: string): string {
  return variant.toLowerCase().trim().replace(/\s+/g, ' ');
}

/** The slim part of the knowledge base the page scanner needs. */
export function toLexiconSource(kb: KnowledgeBase): LexiconSource {
  return {
    // The hover card asks the background for definitions: every tab need not fetch them.
    terms: kb.terms.map(({ definition: _definition, ...term }) => term),
    concepts: kb.concepts,
    context: kb.context,
    redFlags: kb.redFlags.map(({ id, urgency, combinations, label }) => ({ id, urgency, combinations, label })),
  };
}

type Kind = 'topic' | 'red flag' | 'term' | 'concept' | 'source' | 'context';

/** An entry that passed its schema, with where it came from. */
interface Located<T> {
  file: string;
  entry: T;
}

/** Collects problem lines in the fixed format. */
class Problems {
  readonly lines: string[] = [];

  file(file: string, message: string): void {
    this.lines.push(`${file}: ${message}`);
  }

  entry(file: string, kind: Kind, entryName: string, field: string, message: string): void {
    this.lines.push(`${file}: ${kind} ${entryName} field "${field}": ${message}`);
  }
}

type PathItem = { key?: unknown };

function fieldPath(path: readonly PathItem[] | undefined): string {
  return (path ?? [])
    .map((item, i) => (typeof item.key === 'number' ? `[${item.key}]` : `${i === 0 ? '' : '.'}${String(item.key)}`))
    .join('');
}

function entryName(data: unknown, index: number | undefined): string {
  const id = (data as { id?: unknown } | null)?.id;
  if (typeof id === 'string' && id !== '') return `"${id}"`;
  return index === undefined ? '(no id)' : `#${index}`;
}

/** Valibot's own wording for strict-object key problems, put plainly. */
function issueMessage(issue: v.BaseIssue<unknown>): string {
  if (issue.type !== 'strict_object' || !issue.path?.length) return issue.message;
  return issue.expected === 'never' ? 'is not a known field' : 'is required';
}

function validateEntry<T>(
  schema: v.GenericSchema<unknown, T>,
  kind: Kind,
  file: string,
  data: unknown,
  index: number | undefined,
  problems: Problems,
): Located<T> | undefined {
  const result = v.safeParse(schema, data);
  if (result.success) return { file, entry: result.output };
  for (const issue of result.issues) {
    problems.entry(file, kind, entryName(data, index), fieldPath(issue.path) || '(entry)', issueMessage(issue));
  }
  return undefined;
}

function validateArrayFile<T>(
  schema: v.GenericSchema<unknown, T>,
  kind: Kind,
  file: ContentFile,
  problems: Problems,
): Located<T>[] {
  if (!Array.isArray(file.data)) {
    problems.file(file.path, `must be a JSON array of ${kind} entries`);
    return [];
  }
  return file.data.flatMap((data, index) => validateEntry(schema, kind, file.path, data, index, problems) ?? []);
}

/** Where a content file sits in the fixed layout, relative to the content folder. */
function layoutPlace(path: string): { root: string; place: string } | undefined {
  const match = /^(.*?)((?:topics|terms)\/[^/]+\.json|sources\.json|red-flags\.json|concepts\.json|context\.json)$/.exec(
    path.replaceAll('\\', '/'),
  );
  return match ? { root: match[1] ?? '', place: match[2] ?? '' } : undefined;
}

interface Entries {
  root: string;
  topics: Located<TopicFile>[];
  redFlags: Located<RedFlag>[];
  terms: Located<Term>[];
  concepts: Located<Concept>[];
  context?: Located<ContextData>;
  sources: Located<Source>[];
}

const SINGLE_FILES = ['sources.json', 'red-flags.json', 'concepts.json', 'context.json'] as const;
const LAYOUT = `${SINGLE_FILES.join(', ')}, topics/<id>.json, terms/*.json`;

function validateFiles(files: ContentFile[], problems: Problems): Entries {
  const entries: Entries = { root: '', topics: [], redFlags: [], terms: [], concepts: [], sources: [] };
  const seenPlaces = new Set<string>();
  for (const file of files) {
    const located = layoutPlace(file.path);
    if (!located) {
      problems.file(file.path, `is not part of the content layout (${LAYOUT})`);
      continue;
    }
    entries.root = located.root;
    seenPlaces.add(located.place);
    const { place } = located;
    if (place === 'sources.json') {
      entries.sources.push(...validateArrayFile(SourceSchema, 'source', file, problems));
    } else if (place === 'red-flags.json') {
      entries.redFlags.push(...validateArrayFile(RedFlagSchema, 'red flag', file, problems));
    } else if (place === 'concepts.json') {
      entries.concepts.push(...validateArrayFile(ConceptSchema, 'concept', file, problems));
    } else if (place === 'context.json') {
      entries.context = validateEntry(ContextSchema, 'context', file.path, file.data, undefined, problems);
    } else if (place.startsWith('terms/')) {
      const terms = validateArrayFile(TermSchema, 'term', file, problems);
      entries.terms.push(...terms.map((term) => ({ ...term, entry: termWithCombinations(term.entry) })));
    } else {
      const topic = validateEntry(TopicSchema, 'topic', file.path, file.data, undefined, problems);
      if (topic) entries.topics.push(topic);
      const expectedId = place.slice('topics/'.length, -'.json'.length);
      if (topic && topic.entry.id !== expectedId) {
        problems.entry(file.path, 'topic', `"${topic.entry.id}"`, 'id', `must match the file name ("${expectedId}")`);
      }
    }
  }
  for (const required of SINGLE_FILES) {
    if (!seenPlaces.has(required)) problems.file(`${entries.root}${required}`, 'is missing');
  }
  return entries;
}

function reportDuplicateIds(kind: Kind, located: Located<{ id: string }>[], problems: Problems): void {
  const firstFile = new Map<string, string>();
  for (const { file, entry } of located) {
    const earlier = firstFile.get(entry.id);
    if (earlier === undefined) firstFile.set(entry.id, file);
    else problems.entry(file, kind, `"${entry.id}"`, 'id', `duplicate id (also in ${earlier})`);
  }
}

/** Topics and red flags share the side panel's routes, so one id must not name both. */
function reportIdsNamingTopics(entries: Entries, problems: Problems): void {
  const topicIds = new Set(entries.topics.map((t) => t.entry.id));
  for (const { file, entry } of entries.redFlags) {
    if (topicIds.has(entry.id)) problems.entry(file, 'red flag', `"${entry.id}"`, 'id', 'is also a topic id');
  }
}

/** Reports every id in `refs` (the list in `field`) that is not among the known ids. */
function checkReferences(
  refs: readonly string[],
  known: ReadonlySet<string>,
  targetKind: string,
  report: (field: string, message: string) => void,
  field: string,
): void {
  refs.forEach((ref, i) => {
    if (!known.has(ref)) report(`${field}[${i}]`, `unknown ${targetKind} id "${ref}"`);
  });
}

const urgencyRank = (urgency: Urgency): number => URGENCIES.indexOf(urgency);

function checkCrossReferences(entries: Entries, problems: Problems): void {
  const topicsById = new Map(entries.topics.map((t) => [t.entry.id, t.entry]));
  const topicIds = new Set(topicsById.keys());
  const redFlagIds = new Set(entries.redFlags.map((r) => r.entry.id));
  const sourceIds = new Set(entries.sources.map((s) => s.entry.id));
  const conceptIds = new Set(entries.concepts.map((c) => c.entry.id));

  for (const { file, entry: topic } of entries.topics) {
    const report = (field: string, message: string) => problems.entry(file, 'topic', `"${topic.id}"`, field, message);
    checkReferences(topic.redFlags, redFlagIds, 'red-flag', report, 'redFlags');
    checkReferences(topic.related, topicIds, 'topic', report, 'related');
    if (topic.related.includes(topic.id)) report('related', 'must not list the topic itself');
    checkReferences(topic.sources, sourceIds, 'source', report, 'sources');
    topic.sections.forEach((section, i) =>
      checkReferences(section.sources, sourceIds, 'source', report, `sections[${i}].sources`),
    );
  }

  for (const { file, entry: redFlag } of entries.redFlags) {
    const report = (field: string, message: string) =>
      problems.entry(file, 'red flag', `"${redFlag.id}"`, field, message);
    checkReferences(redFlag.topics, topicIds, 'topic', report, 'topics');
    if (redFlag.topics.length === 0) report('topics', 'must name at least one topic that explains it');
    // A topic that explains a red flag shows it first, so it must list it.
    redFlag.topics.forEach((topicId, i) => {
      const topic = topicsById.get(topicId);
      if (topic && !topic.redFlags.includes(redFlag.id)) {
        report(`topics[${i}]`, `topic "${topicId}" does not list this red flag in its redFlags`);
      }
    });
    checkReferences(redFlag.sources, sourceIds, 'source', report, 'sources');
    redFlag.combinations.forEach((combination, i) => {
      checkReferences(combination.with, redFlagIds, 'red-flag', report, `combinations[${i}].with`);
      if (combination.with.includes(redFlag.id)) report(`combinations[${i}].with`, 'must not list the red flag itself');
      if (urgencyRank(combination.urgency) >= urgencyRank(redFlag.urgency)) {
        report(`combinations[${i}].urgency`, `must be more urgent than the red flag alone ("${redFlag.urgency}")`);
      }
    });
    const floor = RED_FLAG_URGENCY_FLOORS[redFlag.id as keyof typeof RED_FLAG_URGENCY_FLOORS];
    if (floor && urgencyRank(redFlag.urgency) > urgencyRank(floor)) {
      report('urgency', `must be at least "${floor}" (CONTENT.md)`);
    }
  }

  reportRepeatedCombinations(entries.redFlags, problems);
  if (entries.context) checkContextRules(entries.context, redFlagIds, problems);

  for (const { file, entry: term } of entries.terms) {
    const report = (field: string, message: string) => problems.entry(file, 'term', `"${term.id}"`, field, message);
    checkReferences(term.topics, topicIds, 'topic', report, 'topics');
    checkReferences(term.redFlags, redFlagIds, 'red-flag', report, 'redFlags');
    checkReferences(term.anchors ?? [], conceptIds, 'concept', report, 'anchors');
    checkReferences(term.unless ?? [], conceptIds, 'concept', report, 'unless');
    checkReferences(term.unlessNear ?? [], conceptIds, 'concept', report, 'unlessNear');
    (term.frames ?? []).forEach((frame, i) => {
      frame.slots.forEach((slot, j) => checkReferences(slot, conceptIds, 'concept', report, `frames[${i}].slots[${j}]`));
      checkReferences(frame.unless ?? [], conceptIds, 'concept', report, `frames[${i}].unless`);
      checkReferences(frame.near ?? [], conceptIds, 'concept', report, `frames[${i}].near`);
      checkReferences(frame.unlessNear ?? [], conceptIds, 'concept', report, `frames[${i}].unlessNear`);
    });
    if (term.variants.length === 0 && !term.frames?.length) report('variants', 'must have at least one variant or frame');
    if (term.topics.length === 0 && term.redFlags.length === 0) {
      report('topics', 'must point to at least one topic or red flag');
    }
    if (!term.anchors?.length) {
      term.variants.forEach((variant, i) => {
        if ((AMBIGUOUS_WORDS as readonly string[]).includes(normaliseVariant(variant))) {
          report(`variants[${i}]`, `"${variant}" is ambiguous on its own: give the term anchors or a longer phrase`);
        }
      });
    }
  }
}

/** A cue that governs needs a category; one that only ends scopes or hides cues must not have one. */
function checkContextRules({ file, entry }: Located<ContextData>, redFlagIds: ReadonlySet<string>, problems: Problems): void {
  entry.rules.forEach((rule, i) => {
    const report = (field: string, message: string) => problems.entry(file, 'context', `rules[${i}]`, field, message);
    const governs = rule.direction !== 'terminate' && rule.direction !== 'pseudo';
    if (governs && !rule.category) report('category', `a ${rule.direction} rule must say what it makes a mention`);
    if (!governs && rule.category) report('category', `a ${rule.direction} rule governs nothing: leave the category out`);
    checkReferences(rule.targets ?? [], redFlagIds, 'red-flag', report, 'targets');
  });
}

/** The same set of red flags listed as a combination twice (say, on both flags) would count twice in triage. */
function reportRepeatedCombinations(redFlags: Located<RedFlag>[], problems: Problems): void {
  const firstOwner = new Map<string, string>();
  for (const { file, entry: redFlag } of redFlags) {
    redFlag.combinations.forEach((combination, i) => {
      const key = [redFlag.id, ...combination.with].sort().join(' + ');
      const owner = firstOwner.get(key);
      if (owner === undefined) firstOwner.set(key, redFlag.id);
      else {
        const message = `the combination ${key} is already listed on red flag "${owner}"`;
        problems.entry(file, 'red flag', `"${redFlag.id}"`, `combinations[${i}].with`, message);
      }
    });
  }
}

/** A variant mapped by two terms must lead to the same topics and red flags. */
function checkConflictingVariants(terms: Located<Term>[], problems: Problems): void {
  const targetsKey = (term: Term) => JSON.stringify([[...term.topics].sort(), [...term.redFlags].sort()]);
  const firstTermByVariant = new Map<string, Term>();
  for (const { file, entry: term } of terms) {
    term.variants.forEach((variant, i) => {
      const normalised = normaliseVariant(variant);
      const earlier = firstTermByVariant.get(normalised);
      if (!earlier) firstTermByVariant.set(normalised, term);
      else if (earlier.id !== term.id && targetsKey(earlier) !== targetsKey(term)) {
        problems.entry(
          file,
          'term',
          `"${term.id}"`,
          `variants[${i}]`,
          `"${variant}" is also a variant of term "${earlier.id}", which points elsewhere`,
        );
      }
    });
  }
}

function distinctVariants(terms: Term[]): Set<string> {
  return new Set(terms.flatMap((term) => term.variants.map(normaliseVariant)));
}

function checkCoverage(entries: Entries, problems: Problems): void {
  const terms = entries.terms.map((t) => t.entry);
  const topicIds = new Set(entries.topics.map((t) => t.entry.id));
  const redFlagIds = new Set(entries.redFlags.map((r) => r.entry.id));

  for (const id of TOPIC_IDS) {
    if (!topicIds.has(id)) {
      problems.file(`${entries.root}topics/${id}.json`, `is missing: topic "${id}" is required by CONTENT.md`);
    }
  }
  for (const id of RED_FLAG_IDS) {
    if (!redFlagIds.has(id)) {
      problems.file(`${entries.root}red-flags.json`, `red flag "${id}" is missing (required by CONTENT.md)`);
    }
  }

  const cited = new Set([
    ...entries.topics.flatMap(({ entry }) => [...entry.sources, ...entry.sections.flatMap((s) => s.sources)]),
    ...entries.redFlags.flatMap(({ entry }) => entry.sources),
  ]);
  for (const { file, entry } of entries.sources) {
    if (!cited.has(entry.id)) {
      problems.entry(file, 'source', `"${entry.id}"`, 'id', 'is not cited by any topic, section or red flag');
    }
  }

  for (const { file, entry } of entries.topics) {
    if (!terms.some((term) => term.topics.includes(entry.id))) {
      problems.entry(file, 'topic', `"${entry.id}"`, 'id', 'no term points to this topic');
    }
  }

  for (const { file, entry } of entries.redFlags) {
    const variants = distinctVariants(terms.filter((term) => term.redFlags.includes(entry.id)));
    if (variants.size === 0) problems.entry(file, 'red flag', `"${entry.id}"`, 'id', 'no term points to this red flag');
    else if (variants.size < MIN_VARIANTS_PER_RED_FLAG) {
      problems.entry(
        file,
        'red flag',
        `"${entry.id}"`,
        'id',
        `only ${variants.size} variants across its terms (at least ${MIN_VARIANTS_PER_RED_FLAG} needed)`,
      );
    }
  }

  const usedConcepts = new Set(
    terms.flatMap((term) => [
      ...(term.anchors ?? []),
      ...(term.unless ?? []),
      ...(term.unlessNear ?? []),
      ...(term.frames ?? []).flatMap((frame) => [
        ...frame.slots.flat(),
        ...(frame.unless ?? []),
        ...(frame.near ?? []),
        ...(frame.unlessNear ?? []),
      ]),
    ]),
  );
  for (const { file, entry } of entries.concepts) {
    if (!usedConcepts.has(entry.id) && !entry.hides) {
      problems.entry(file, 'concept', `"${entry.id}"`, 'id', 'no term uses this concept');
    }
  }

  const total = distinctVariants(terms).size;
  if (total < MIN_VARIANTS_IN_ALL) {
    const message = `only ${total} distinct variants in all (at least ${MIN_VARIANTS_IN_ALL} needed)`;
    problems.file(`${entries.root}terms`, message);
  }
}

/** Every phrase made of one word of each list in turn: ["few", "several"] x ["weeks"] gives "few weeks", "several weeks". */
export function combinations(lists: readonly (readonly string[])[]): string[] {
  return lists.reduce<string[]>((heads, list) => heads.flatMap((head) => list.map((word) => `${head} ${word}`.trim())), ['']);
}

const unique = (phrases: readonly string[]): string[] => [...new Set(phrases)];

/** The concept with its combined phrases written out among its words (the matcher knows only words). */
export function withCombinations({ combine, ...concept }: Concept): Concept {
  if (!combine) return concept;
  return { ...concept, words: unique([...concept.words, ...combinations(combine)]) };
}

/** The term with its combined variants written out among its variants, before any check reads them. */
export function termWithCombinations({ combine, ...term }: Term): Term {
  if (!combine) return term;
  return { ...term, variants: unique([...term.variants, ...combinations(combine)]) };
}

const fixedTopicOrder = (id: string): number => {
  const index = (TOPIC_IDS as readonly string[]).indexOf(id);
  return index === -1 ? TOPIC_IDS.length : index;
};

function assemble(entries: Entries): KnowledgeBase {
  const terms = entries.terms.map((t) => t.entry);
  const topics: Topic[] = entries.topics
    .map(({ entry }) => ({
      ...entry,
      terms: terms.filter((term) => term.topics.includes(entry.id)).map((term) => term.id),
    }))
    .sort((a, b) => fixedTopicOrder(a.id) - fixedTopicOrder(b.id) || a.id.localeCompare(b.id));
  return {
    topics,
    redFlags: entries.redFlags.map((r) => r.entry),
    terms,
    concepts: entries.concepts.map((c) => withCombinations(c.entry)),
    // Present: a missing context.json is reported above, and assemble runs only without problems.
    context: entries.context!.entry,
    sources: entries.sources.map((s) => s.entry),
  };
}

/**
 * Validates every file against its schema, then the whole against the integrity rules
 * (references, duplicates, orphans, coverage). Throws one ContentError listing every problem.
 */
export function buildKnowledgeBase(files: ContentFile[]): KnowledgeBase {
  const problems = new Problems();
  const entries = validateFiles(files, problems);
  reportDuplicateIds('topic', entries.topics, problems);
  reportDuplicateIds('red flag', entries.redFlags, problems);
  reportDuplicateIds('term', entries.terms, problems);
  reportDuplicateIds('concept', entries.concepts, problems);
  reportDuplicateIds('source', entries.sources, problems);
  reportIdsNamingTopics(entries, problems);
  checkCrossReferences(entries, problems);
  checkConflictingVariants(entries.terms, problems);
  checkCoverage(entries, problems);
  if (problems.lines.length > 0) throw new ContentError(problems.lines);
  return assemble(entries);
}
