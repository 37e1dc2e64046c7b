import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../content-data/load';
import { buildSearchIndex, createSearcher } from '../../lib/search';

const kb = loadKnowledgeBase();
const index = JSON.parse(JSON.stringify(buildSearchIndex(kb))) as ReturnType<typeof buildSearchIndex>;
const search = createSearcher(kb, index);
const ids = (query: string) => search(query).map((result) => result.id);

describe('createSearcher', () => {
  it('returns nothing for an empty or blank query', () => {
    expect(search('')).toEqual([]);
    expect(search('   \n')).toEqual([]);
  });
  it('returns nothing for a query of stop words only', () => {
    expect(search('what is the')).toEqual([]);
    expect(search('how do I')).toEqual([]);
  });
  it('ranks the topics and red flags of a variant in the query first', () => {
    expect(ids('pancreatic cancer back pain')[0]).toBe('pancreatic-cancer');
    expect(ids('saddle numbness')[0]).toBe('rf-saddle-numbness');
    expect(ids('my dad has multiple myeloma and a sore back')[0]).toBe('multiple-myeloma');
  });
  it('ranks what a query names above the generic back-pain topics', () => {
    expect(ids('lymphoma back pain')[0]).toBe('non-hodgkin-lymphoma');
    expect(ids('myloma bone pain')[0]).toBe('multiple-myeloma');
    expect(ids('what tests for back pain')[0]).toBe('evaluating-back-pain');
    expect(ids('upper back pain deep breath')[0]).toBe('lung-cancer');
    expect(ids('chemo back pain')[0]).toBe('treatment-related-pain');
  });
  it('tolerates typos and prefixes', () => {
    expect(ids('sciatcia')[0]).toBe('sciatica');
    expect(ids('esophagel')[0]).toBe('esophageal-cancer');
    expect(ids('lymphom')[0]).toBe('non-hodgkin-lymphoma');
    expect(ids('swallowed')[0]).toBe('esophageal-cancer');
  });
  it('falls back to fuse.js when no word matches exactly, by typo or by prefix', () => {
    expect(ids('schwanomaa tumr')).toContain('sciatic-nerve-schwannoma');
  });
  it('returns at most 10 results, best first, with scores in [0, 1]', () => {
    const results = search('back pain cancer spine legs numb bladder');
    expect(results.length).toBeLessThanOrEqual(10);
    expect(results.length).toBeGreaterThan(0);
    for (let i = 1; i < results.length; i++) expect(results[i]!.score).toBeGreaterThanOrEqual(results[i - 1]!.score);
    for (const result of results) {
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(1);
      expect(['topic', 'red-flag']).toContain(result.kind);
    }
  });
  it('answers long and hostile queries', () => {
    const long = 'my lower back hurts and I cannot hold my pee '.repeat(2000);
    expect(ids(long)[0]).toBe('rf-bladder-bowel');
    expect(search('<img src=x onerror=alert(1)> \u0000 ((((').every((r) => typeof r.id === 'string')).toBe(true);
  });
  it('gives the same results with and without the prebuilt index', () => {
    const unindexed = createSearcher(kb);
    for (const query of ['sciatica', 'numb legs', 'zzzz qqqq']) expect(unindexed(query)).toEqual(search(query));
  });
  it('honours a smaller limit', () => {
    expect(search('cancer', 2)).toHaveLength(2);
  });
});
