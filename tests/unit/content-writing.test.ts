/**
 * Writing rules for the bundled content: no copying from the seed articles, plain language,
 * every topic of CONTENT.md present and sourced. Reads the content files directly (not through
 * the loader) so that a writing problem is reported even while the loader is being changed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { RED_FLAG_IDS, TOPIC_IDS } from '../../content-data/build';
import { SourceSchema, TopicSchema, type Source, type TopicFile } from '../../content-data/schema';

const isKnown = (ids: readonly string[]) => (id: string) => ids.includes(id);

const CONTENT_DIR = path.resolve(__dirname, '../../content-data');
const TOPICS_DIR = path.join(CONTENT_DIR, 'topics');
const SEEDS_DIR = path.resolve(__dirname, '../../../shared/seeds');

const COPY_RUN_WORDS = 10;
const MAX_GRADE = 9;



// --- the two measures -------------------------------------------------------------------

/** Lower-case word tokens; curly apostrophes and quotes count as straight ones (then as separators). */
function wordTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

function wordRuns(tokens: string[], runLength: number): string[] {
  const runs: string[] = [];
  for (let start = 0; start + runLength <= tokens.length; start++) {
    runs.push(tokens.slice(start, start + runLength).join(' '));
  }
  return runs;
}

/** Every run of `runLength` consecutive words found in the texts, for fast lookups. */
function buildRunSet(texts: string[], runLength: number): Set<string> {
  return new Set(texts.flatMap((text) => wordRuns(wordTokens(text), runLength)));
}

/** The runs of `runLength` words that `text` shares with the indexed texts. */
function sharedRuns(text: string, index: Set<string>, runLength: number): string[] {
  return wordRuns(wordTokens(text), runLength).filter((run) => index.has(run));
}

/** Vowel-group syllable estimate; good enough to rank prose, not to hyphenate it. */
function countSyllables(word: string): number {
  const letters = word.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length === 0) return 1; // a number or symbol is read as about one beat
  if (letters.length <= 3) return 1;
  const withoutSilentEnding = letters.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  const vowelGroups = withoutSilentEnding.match(/[aeiouy]{1,2}/g)?.length ?? 0;
  return Math.max(1, vowelGroups);
}

function countSentences(text: string): number {
  return Math.max(1, text.split(/[.!?]+(?:\s+|$)/).filter((part) => /[\p{L}\p{N}]/u.test(part)).length);
}

function proseWords(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['\u2019][\p{L}]+)*/gu) ?? [];
}

/** Flesch-Kincaid grade level of a passage. */
function fleschKincaidGrade(text: string): number {
  const words = proseWords(text);
  if (words.length === 0) return 0;
  const syllables = words.reduce((total, word) => total + countSyllables(word), 0);
  return 0.39 * (words.length / countSentences(text)) + 11.8 * (syllables / words.length) - 15.59;
}

// --- the content --------------------------------------------------------------------------

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function readTopicFiles(): { file: string; topic: TopicFile }[] {
  return readdirSync(TOPICS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ file: name, topic: v.parse(TopicSchema, readJson(path.join(TOPICS_DIR, name))) }));
}

function topicBody(topic: TopicFile): string {
  return topic.sections.flatMap((section) => section.paragraphs).join('\n');
}

function topicTexts(topic: TopicFile): string[] {
  return [topic.title, topic.summary, ...topic.sections.flatMap((section) => [section.heading, ...section.paragraphs])];
}

interface RedFlagText {
  id: string;
  label: string;
  explanation: string;
  action: string;
  question: string;
  sources?: string[];
}

/** The red flags' texts when the red-flag file exists (it is written by another hand). */
function readRedFlagTexts(): RedFlagText[] {
  const file = path.join(CONTENT_DIR, 'red-flags.json');
  return existsSync(file) ? (readJson(file) as RedFlagText[]) : [];
}

function readSeeds(): { name: string; text: string }[] {
  if (!existsSync(SEEDS_DIR)) {
    throw new Error(`Seed articles not found at ${SEEDS_DIR}: the copy check needs ../shared/seeds beside the repo.`);
  }
  const names = readdirSync(SEEDS_DIR).filter((name) => name.endsWith('.txt'));
  if (names.length === 0) throw new Error(`No seed articles (*.txt) in ${SEEDS_DIR}.`);
  return names.map((name) => ({ name, text: readFileSync(path.join(SEEDS_DIR, name), 'utf8') }));
}

// --- tests --------------------------------------------------------------------------------

describe('the copy detector', () => {
  const seedIndex = buildRunSet(
    ['The thoracic spine, which corresponds to your upper back and torso, is the most common site.'],
    COPY_RUN_WORDS,
  );

  it('catches a copied sentence even with other casing and curly quotes around it', () => {
    const copied = '\u201cTHE thoracic spine, which corresponds to your upper back and torso,\u201d we read.';
    expect(sharedRuns(copied, seedIndex, COPY_RUN_WORDS)).toEqual([
      'the thoracic spine which corresponds to your upper back and',
      'thoracic spine which corresponds to your upper back and torso',
    ]);
  });

  it('lets a paraphrase of the same fact through', () => {
    const paraphrase = 'Spread to the spine is most often found in the upper back, the part behind the chest.';
    expect(sharedRuns(paraphrase, seedIndex, COPY_RUN_WORDS)).toEqual([]);
  });

  it('treats a curly apostrophe like a straight one', () => {
    const index = buildRunSet(['it\u2019s a symptom of a different condition that needs care'], 10);
    expect(sharedRuns("It's a symptom of a different condition that needs care", index, 10)).toEqual([
      'it s a symptom of a different condition that needs',
      's a symptom of a different condition that needs care',
    ]);
  });
});

describe('the grade function', () => {
  it('counts syllables of common words about right', () => {
    expect(['back', 'pain', 'spine', 'doctor', 'numbness', 'cancer', 'tumour']).toSatisfy((words: string[]) =>
      words.every((word) => countSyllables(word) <= 2),
    );
    expect(countSyllables('metastatic')).toBe(4);
    expect(countSyllables('compression')).toBe(3);
  });

  it('scores short plain sentences low and long clinical ones high', () => {
    const plain = 'Most back pain is not cancer. It often gets better in a few weeks. See a doctor if it does not.';
    const hard =
      'Metastatic epidural spinal cord compression necessitates expeditious multidisciplinary evaluation, ' +
      'incorporating magnetic resonance imaging of the entire neuraxis and consideration of decompressive ' +
      'surgical intervention followed by postoperative radiotherapy.';
    expect(fleschKincaidGrade(plain)).toBeLessThan(4);
    expect(fleschKincaidGrade(hard)).toBeGreaterThan(20);
  });
});

describe('topic files', () => {
  const topicFiles = readTopicFiles();
  const topics = topicFiles.map(({ topic }) => topic);
  const sources = v.parse(v.array(SourceSchema), readJson(path.join(CONTENT_DIR, 'sources.json'))) as Source[];
  const sourceIds = new Set(sources.map((source) => source.id));
  const redFlagTexts = readRedFlagTexts();

  it('exist for every topic id of CONTENT.md, one file each, named after the id', () => {
    expect(topicFiles.map(({ file }) => file.replace(/\.json$/, '')).sort()).toEqual([...TOPIC_IDS].sort());
    for (const { file, topic } of topicFiles) expect(`${topic.id}.json`).toBe(file);
  });

  it.each(TOPIC_IDS)('%s reads at grade 9 or below', (id) => {
    const topic = topics.find((candidate) => candidate.id === id);
    expect(topic, `topic file ${id}.json`).toBeDefined();
    expect(fleschKincaidGrade(topicBody(topic!))).toBeLessThanOrEqual(MAX_GRADE);
  });

  it('share no run of ten words with a seed article', () => {
    const seeds = readSeeds();
    const seedIndex = buildRunSet(
      seeds.map((seed) => seed.text),
      COPY_RUN_WORDS,
    );
    const texts = [
      ...topics.flatMap((topic) => topicTexts(topic).map((text) => ({ where: `topic ${topic.id}`, text }))),
      ...redFlagTexts.flatMap((flag) =>
        [flag.label, flag.explanation, flag.action, flag.question].map((text) => ({ where: `red flag ${flag.id}`, text })),
      ),
    ];
    const copies = texts.flatMap(({ where, text }) =>
      sharedRuns(text, seedIndex, COPY_RUN_WORDS).map((run) => `${where}: "${run}"`),
    );
    expect(copies).toEqual([]);
  });

  it('keep to 2-4 sections of 2-4 paragraphs, each section citing known sources', () => {
    for (const topic of topics) {
      expect(topic.sections.length, topic.id).toBeGreaterThanOrEqual(2);
      expect(topic.sections.length, topic.id).toBeLessThanOrEqual(4);
      for (const section of topic.sections) {
        const where = `${topic.id} / ${section.heading}`;
        expect(section.paragraphs.length, where).toBeGreaterThanOrEqual(2);
        expect(section.paragraphs.length, where).toBeLessThanOrEqual(4);
        expect(section.sources.filter((id) => !sourceIds.has(id)), where).toEqual([]);
      }
    }
  });

  it('open with when to get help wherever red flags apply', () => {
    for (const topic of topics.filter((candidate) => candidate.redFlags.length > 0)) {
      expect(topic.sections[0]?.heading, topic.id).toMatch(/get help|urgent|emergency|warning|red flag/i);
    }
  });

  it('list as their sources exactly the sources their sections cite', () => {
    for (const topic of topics) {
      const cited = new Set(topic.sections.flatMap((section) => section.sources));
      expect([...topic.sources].sort(), topic.id).toEqual([...cited].sort());
    }
  });

  it('refer only to known topics and red flags, with no duplicates', () => {
    for (const topic of topics) {
      expect(topic.related.filter((id) => !isKnown(TOPIC_IDS)(id) || id === topic.id), topic.id).toEqual([]);
      expect(topic.redFlags.filter((id) => !isKnown(RED_FLAG_IDS)(id)), topic.id).toEqual([]);
      expect(new Set(topic.related).size, topic.id).toBe(topic.related.length);
      expect(new Set(topic.redFlags).size, topic.id).toBe(topic.redFlags.length);
    }
  });

  it('never tell the reader what they have', () => {
    const diagnoses = topics.flatMap((topic) =>
      topicTexts(topic)
        .filter((text) => /\byou (?:have|(?:'ve|\u2019ve) got) (?:cancer|a tumou?r|mscc|cauda|sciatica)\b/i.test(text))
        .map((text) => `${topic.id}: ${text}`),
    );
    expect(diagnoses).toEqual([]);
  });

  it('cite every listed source somewhere', () => {
    const cited = new Set([...topics.flatMap((topic) => topic.sources), ...redFlagTexts.flatMap((flag) => flag.sources ?? [])]);
    expect(sources.map((source) => source.id).filter((id) => !cited.has(id))).toEqual([]);
  });
});
