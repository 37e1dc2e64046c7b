import { describe, expect, it } from 'vitest';
import type { KnowledgeBase, RedFlag, Term, Topic } from '../../content-data/schema';
import { createSearcher } from '../../lib/search';
import { TINY_CONTEXT } from '../fixtures/context-data';

/**
 * A small knowledge base shaped like the real one: nearly every entry is about "back pain", so
 * those words say little, while "lymphoma", "chemo" or "tests" name one entry.
 */
function topic(id: string, title: string, summary: string): Topic {
  const sections = [{ heading: title, paragraphs: [summary], sources: ['s'] }];
  return { id, title, summary, sections, redFlags: [], related: [], sources: ['s'], terms: [] };
}

function term(id: string, label: string, variants: string[], topics: string[], redFlags: string[] = []): Term {
  return { id, label, definition: label, variants, topics, redFlags };
}

const weightLoss: RedFlag = {
  id: 'rf-weight-loss',
  label: 'Weight loss you cannot explain',
  explanation: 'Losing weight without trying, alongside back pain.',
  action: 'Book an appointment.',
  urgency: 'soon',
  question: 'Have you lost weight without trying?',
  combinations: [],
  topics: ['general'],
  sources: ['s'],
};

const kb: KnowledgeBase = {
  topics: [
    topic('general', 'Back pain and cancer', 'Most back pain is not cancer.'),
    topic('common', 'Common back pain', 'Back pain from muscles that eases with rest.'),
    topic('lymphoma', 'Lymphoma and back pain', 'Back pain is a rare sign of lymphoma.'),
    topic('schwannoma', 'Schwannoma of the sciatic nerve', 'A rare growth on a nerve.'),
    topic('sciatica', 'Sciatica', 'Pain down the leg.'),
    topic('tests', 'How doctors check back pain', 'Scans and blood tests help find the cause of back pain.'),
    topic('treatment-pain', 'Pain from cancer treatment', 'Chemotherapy can cause pain of its own.'),
    topic('treating', 'Treating back pain caused by cancer', 'Radiation and surgery treat the cause of back pain.'),
    topic('lung', 'Lung cancer and upper back pain', 'Upper back pain that may get worse with a deep breath.'),
    topic('calcium', 'High blood calcium', 'Cancer in bone can raise the calcium in your blood.'),
  ],
  redFlags: [weightLoss],
  terms: [
    term('back-pain', 'Back pain', ['back pain', 'backache', 'upper back pain', 'back injury'], ['general', 'common']),
    term('lymphoma', 'Lymphoma', ['lymphoma'], ['lymphoma']),
    term('chemotherapy', 'Chemotherapy', ['chemo', 'chemotherapy'], ['treatment-pain', 'treating']),
    term('scans', 'Scans', ['mri', 'scan', 'blood test'], ['tests', 'calcium']),
    term('weight-loss', 'Weight loss', ['weight loss', 'losing weight'], ['general'], ['rf-weight-loss']),
  ],
  concepts: [],
  context: TINY_CONTEXT,
  sources: [],
};

const search = createSearcher(kb);
const first = (query: string) => search(query)[0]?.id;

describe('lookup ranking by what the query names', () => {
  it('ranks the generic topic first when the query names nothing else', () => {
    expect(first('back pain')).toBe('general');
  });
  it('ranks a named thing above the generic back-pain topic matched alongside it', () => {
    expect(first('lymphoma back pain')).toBe('lymphoma');
    expect(first('back pain weight loss')).toBe('rf-weight-loss');
    expect(first('chemo back pain')).toBe('treatment-pain');
  });
  it('lets a rare word outside any phrase outweigh the common words of a matched phrase', () => {
    expect(first('what tests for back pain')).toBe('tests');
    expect(first('upper back pain deep breath')).toBe('lung');
  });
  it('scores a doc by the share of the query it answers, 0 when it answers all of it', () => {
    expect(search('lymphoma')[0]).toMatchObject({ id: 'lymphoma', score: 0 });
    const scoreOf = (id: string) => search('lymphoma back pain').find((result) => result.id === id)!.score;
    expect(scoreOf('lymphoma')).toBeLessThan(0.2);
    expect(scoreOf('general')).toBeGreaterThan(0.5);
  });
  it('ignores question words, so a question ranks as its content words do', () => {
    expect(search('what are the usual symptoms of lymphoma')).toEqual(search('usual lymphoma'));
  });
  it('weighs a rare word inside a generic phrase as the phrase, not as the word', () => {
    // "injury" occurs nowhere else, but "back injury" only names back pain.
    expect(first('back injury weight loss')).toBe('rf-weight-loss');
  });
  it("puts a term's first doc first unless another's title names what matched", () => {
    expect(first('blood test')).toBe('tests');
    expect(first('lymphoma')).toBe('lymphoma');
  });
  it('breaks a tie for the title the query covers best, by whole words or by their beginning', () => {
    expect(first('sciat')).toBe('sciatica');
    expect(first('schwan')).toBe('schwannoma');
  });
  it('answers nothing for words it does not know', () => {
    expect(search('zzzz qqqq')).toEqual([]);
  });
});
