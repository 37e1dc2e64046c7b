import { describe, expect, it } from 'vitest';
import {
  buildKnowledgeBase,
  ContentError,
  MIN_VARIANTS_IN_ALL,
  RED_FLAG_IDS,
  TOPIC_IDS,
  toLexiconSource,
} from '../../content-data/build';
import { toContentFiles, validBase } from '../fixtures/content-broken/valid-base';

type Json = Record<string, unknown>;

/** The valid base with one file changed by `change` (which may mutate the parsed data in place). */
function baseWith(place: string, change: (data: any) => unknown = (data) => data): Map<string, unknown> {
  const files = validBase();
  const changed = change(files.get(place));
  files.set(place, changed);
  return files;
}

function problemsOf(files: Map<string, unknown>): string[] {
  try {
    buildKnowledgeBase(toContentFiles(files));
  } catch (error) {
    expect(error).toBeInstanceOf(ContentError);
    return (error as ContentError).problems;
  }
  throw new Error('expected a ContentError');
}

const termsWhere = (terms: Json[], id: string) => terms.find((term) => term.id === id) as Json;

describe('buildKnowledgeBase on valid content', () => {
  const kb = buildKnowledgeBase(toContentFiles(validBase()));

  it('returns every fixed id, topics in CONTENT.md order', () => {
    expect(kb.topics.map((t) => t.id)).toEqual([...TOPIC_IDS]);
    expect(kb.redFlags.map((r) => r.id)).toEqual(RED_FLAG_IDS);
  });

  it('fills topic.terms from the terms that point at each topic', () => {
    const spinalTumors = kb.topics.find((t) => t.id === 'spinal-tumors');
    expect(spinalTumors?.terms).toEqual(['term-spinal-tumors', 'term-spine']);
  });

  it('slims the red flags for the lexicon source', () => {
    const lexicon = toLexiconSource(kb);
    // Definitions stay out: the hover card asks the background for them.
    expect(lexicon.terms).toEqual(kb.terms.map(({ definition: _definition, ...term }) => term));
    expect(lexicon.terms.every((term) => !('definition' in term))).toBe(true);
    expect(Object.keys(lexicon.redFlags[0] ?? {}).sort()).toEqual(['combinations', 'id', 'label', 'urgency']);
  });
});

describe('concepts that combine lists', () => {
  it('write out one word of every list in turn among their words, once each', () => {
    const files = baseWith('concepts.json', (concepts: Json[]) => [
      { ...concepts[0], words: ['back', 'few months'], combine: [['few', 'six'], ['months', 'years']] },
    ]);
    const [concept] = buildKnowledgeBase(toContentFiles(files)).concepts;
    expect(concept?.words).toEqual(['back', 'few months', 'few years', 'six months', 'six years']);
    expect(concept).not.toHaveProperty('combine');
  });

  it('write out term variants the same way, before the checks that read variants', () => {
    const files = validBase();
    const [place, terms] = [...files].find(([key]) => key.startsWith('terms/')) as [string, Json[]];
    const [first, ...rest] = terms;
    files.set(place, [{ ...first, combine: [['left', 'right'], ['leg asleep']] }, ...rest]);
    const term = buildKnowledgeBase(toContentFiles(files)).terms.find((t) => t.id === first!.id);
    expect(term?.variants.slice(-2)).toEqual(['left leg asleep', 'right leg asleep']);
    expect(term).not.toHaveProperty('combine');
    // A combined variant that is another term's variant with other targets is reported like a written one.
    const clash = rest
      .filter((t) => JSON.stringify(t.topics) !== JSON.stringify(first!.topics))
      .flatMap((t) => t.variants as string[])
      .find((variant) => variant.includes(' '))!;
    const [head, ...tail] = clash.split(' ');
    files.set(place, [{ ...first, combine: [[head!], [tail.join(' ')]] }, ...rest]);
    expect(problemsOf(files).join('\n')).toContain(`"${clash}" is also a variant`);
  });

  it('need at least two lists, none empty', () => {
    const problems = problemsOf(baseWith('concepts.json', (concepts: Json[]) => [{ ...concepts[0], combine: [['few'], []] }]));
    expect(problems.join('\n')).toMatch(/combine.*(two lists|at least one word)/);
  });
});

describe('buildKnowledgeBase reports each problem with file, entry and field', () => {
  it('schema problems in an array entry name the entry by id, or by index when the id is unusable', () => {
    const files = baseWith('sources.json', (sources: Json[]) => [
      { ...sources[0], checked: 'yesterday' },
      { id: 'Not Kebab', title: 'x', publisher: 'y', kind: 'national', url: 'https://example.org', checked: '2026-01-01' },
    ]);
    const problems = problemsOf(files);
    expect(problems).toContain('content/sources.json: source "fixture-source" field "checked": must be a date as YYYY-MM-DD');
    expect(problems).toContain('content/sources.json: source "Not Kebab" field "id": must be a kebab-case id');
  });

  it('names unknown fields', () => {
    const problems = problemsOf(baseWith('topics/sciatica.json', (topic) => ({ ...topic, colour: 'red' })));
    expect(problems).toContain('content/topics/sciatica.json: topic "sciatica" field "colour": is not a known field');
  });

  it('requires a topic id to match its file name', () => {
    const problems = problemsOf(baseWith('topics/sciatica.json', (topic) => ({ ...topic, id: 'sciatica-two' })));
    expect(problems).toContain(
      'content/topics/sciatica.json: topic "sciatica-two" field "id": must match the file name ("sciatica")',
    );
    expect(problems).toContain('content/topics/sciatica.json: is missing: topic "sciatica" is required by CONTENT.md');
  });

  it('checks every kind of reference', () => {
    const files = validBase();
    files.set('topics/sciatica.json', { ...(files.get('topics/sciatica.json') as Json), related: ['sciatica', 'nope'] });
    const flags = files.get('red-flags.json') as Json[];
    flags[0] = { ...flags[0], topics: ['no-topic'], sources: ['no-source'] };
    flags[4] = {
      ...flags[4],
      combinations: [{ with: ['rf-ghost'], urgency: 'emergency', reason: 'x' }],
    };
    const terms = files.get('terms/fixture.json') as Json[];
    terms.push({ id: 'loose', label: 'loose', definition: 'Loose.', variants: ['loose words'], topics: ['ghost-topic'], redFlags: ['rf-ghost'], anchors: ['no-anchor'] });
    const problems = problemsOf(files);
    expect(problems).toEqual(
      expect.arrayContaining([
        'content/topics/sciatica.json: topic "sciatica" field "related[1]": unknown topic id "nope"',
        'content/topics/sciatica.json: topic "sciatica" field "related": must not list the topic itself',
        'content/red-flags.json: red flag "rf-bladder-bowel" field "topics[0]": unknown topic id "no-topic"',
        'content/red-flags.json: red flag "rf-bladder-bowel" field "sources[0]": unknown source id "no-source"',
        'content/red-flags.json: red flag "rf-cancer-history" field "combinations[0].with[0]": unknown red-flag id "rf-ghost"',
        'content/terms/fixture.json: term "loose" field "topics[0]": unknown topic id "ghost-topic"',
        'content/terms/fixture.json: term "loose" field "redFlags[0]": unknown red-flag id "rf-ghost"',
        'content/terms/fixture.json: term "loose" field "anchors[0]": unknown concept id "no-anchor"',
      ]),
    );
  });

  it('requires the topics that explain a red flag to list it', () => {
    const problems = problemsOf(
      baseWith('topics/back-pain-and-cancer.json', (topic) => ({
        ...topic,
        redFlags: RED_FLAG_IDS.filter((id) => id !== 'rf-weight-loss'),
      })),
    );
    expect(problems).toEqual([
      'content/red-flags.json: red flag "rf-weight-loss" field "topics[0]": topic "back-pain-and-cancer" does not list this red flag in its redFlags',
    ]);
  });

  it('rejects a combination that does not raise the urgency, and an urgency under the CONTENT.md floor', () => {
    const problems = problemsOf(
      baseWith('red-flags.json', (flags: Json[]) =>
        flags.map((flag) =>
          flag.id === 'rf-night-pain'
            ? { ...flag, combinations: [{ with: ['rf-weight-loss'], urgency: 'soon', reason: 'x' }] }
            : flag.id === 'rf-leg-weakness'
              ? { ...flag, urgency: 'urgent' }
              : flag,
        ),
      ),
    );
    expect(problems).toContain(
      'content/red-flags.json: red flag "rf-night-pain" field "combinations[0].urgency": must be more urgent than the red flag alone ("soon")',
    );
    expect(problems).toContain('content/red-flags.json: red flag "rf-leg-weakness" field "urgency": must be at least "emergency" (CONTENT.md)');
  });

  it('rejects the same combination listed on two red flags', () => {
    const combination = (other: string) => [{ with: [other], urgency: 'urgent', reason: 'Both together.' }];
    const problems = problemsOf(
      baseWith('red-flags.json', (flags: Json[]) =>
        flags.map((flag) =>
          flag.id === 'rf-night-pain'
            ? { ...flag, combinations: combination('rf-weight-loss') }
            : flag.id === 'rf-weight-loss'
              ? { ...flag, combinations: combination('rf-night-pain') }
              : flag,
        ),
      ),
    );
    expect(problems).toEqual([
      'content/red-flags.json: red flag "rf-weight-loss" field "combinations[0].with": the combination rf-night-pain + rf-weight-loss is already listed on red flag "rf-night-pain"',
    ]);
  });

  it('rejects duplicate ids, within a kind and between topics and red flags', () => {
    const files = validBase();
    (files.get('sources.json') as Json[]).push({ ...(files.get('sources.json') as Json[])[0] });
    files.set('topics/rf-night-pain.json', { ...(files.get('topics/sciatica.json') as Json), id: 'rf-night-pain' });
    const problems = problemsOf(files);
    expect(problems).toContain('content/sources.json: source "fixture-source" field "id": duplicate id (also in content/sources.json)');
    expect(problems).toContain('content/red-flags.json: red flag "rf-night-pain" field "id": is also a topic id');
  });

  it('reports orphans: uncited sources, unreached topics and red flags, unused concepts', () => {
    const files = validBase();
    (files.get('sources.json') as Json[]).push({ id: 'unused', title: 't', publisher: 'p', kind: 'national', url: 'https://example.org/u', checked: '2026-01-01' });
    (files.get('concepts.json') as Json[]).push({ id: 'lonely', label: 'l', words: ['w'] });
    const terms = (files.get('terms/fixture.json') as Json[]).filter((t) => t.id !== 'term-lung-cancer' && t.id !== 'term-rf-rest-pain');
    files.set('terms/fixture.json', terms);
    const problems = problemsOf(files);
    expect(problems).toEqual(
      expect.arrayContaining([
        'content/sources.json: source "unused" field "id": is not cited by any topic, section or red flag',
        'content/concepts.json: concept "lonely" field "id": no term uses this concept',
        'content/topics/lung-cancer.json: topic "lung-cancer" field "id": no term points to this topic',
        'content/red-flags.json: red flag "rf-rest-pain" field "id": no term points to this red flag',
      ]),
    );
  });

  it('requires a term to point somewhere', () => {
    const problems = problemsOf(
      baseWith('terms/fixture.json', (terms: Json[]) => [...terms, { id: 'adrift', label: 'a', definition: 'Adrift.', variants: ['adrift words'], topics: [], redFlags: [] }]),
    );
    expect(problems).toContain('content/terms/fixture.json: term "adrift" field "topics": must point to at least one topic or red flag');
  });

  it('counts distinct normalised variants per red flag and in all', () => {
    const problems = problemsOf(
      baseWith('terms/fixture.json', (terms: Json[]) => {
        const term = termsWhere(terms, 'term-rf-night-pain');
        const variants = term.variants as string[];
        // A case/spacing twin does not count as a new variant.
        term.variants = [...variants.slice(0, 7), ` ${variants[0]?.toUpperCase()} `];
        return terms.filter((t) => String(t.id).startsWith('term-rf-'));
      }),
    );
    expect(problems).toContain('content/red-flags.json: red flag "rf-night-pain" field "id": only 7 variants across its terms (at least 8 needed)');
    expect(problems.some((line) => line.startsWith('content/terms: only ') && line.endsWith(`(at least ${MIN_VARIANTS_IN_ALL} needed)`))).toBe(true);
  });

  it('rejects an ambiguous word as a whole variant unless the term has anchors', () => {
    const problems = problemsOf(
      baseWith('terms/fixture.json', (terms: Json[]) => [
        ...terms,
        { id: 'bare-spine', label: 'spine', definition: 'The spine.', variants: ['sore spine', ' Spine'], topics: ['spinal-tumors'], redFlags: [] },
      ]),
    );
    expect(problems).toContain(
      'content/terms/fixture.json: term "bare-spine" field "variants[1]": "Spine" is ambiguous on its own: give the term anchors or a longer phrase',
    );
    expect(problems.filter((line) => line.includes('is ambiguous'))).toHaveLength(1);
  });

  it('allows the same variant in two terms when they point to the same places', () => {
    const files = baseWith('terms/fixture.json', (terms: Json[]) => [
      ...terms,
      { id: 'sciatica-twin', label: 'twin', definition: 'A twin.', variants: ['SCIATICA A'], topics: ['sciatica'], redFlags: [] },
    ]);
    expect(() => buildKnowledgeBase(toContentFiles(files))).not.toThrow();
  });

  it('reports a file outside the layout and a missing required file', () => {
    const files = validBase();
    files.delete('concepts.json');
    files.set('extra/notes.json', {});
    const problems = problemsOf(files);
    expect(problems).toContain('content/concepts.json: is missing');
    expect(problems.some((line) => line.startsWith('content/extra/notes.json: is not part of the content layout'))).toBe(true);
  });

  it('collects every problem into one error message, one per line', () => {
    const files = baseWith('sources.json', (sources: Json[]) => [{ ...sources[0], url: 'ftp://x' }]);
    files.set('topics/sciatica.json', { ...(files.get('topics/sciatica.json') as Json), summary: '  ' });
    const error = (() => {
      try {
        buildKnowledgeBase(toContentFiles(files));
      } catch (caught) {
        return caught as ContentError;
      }
      throw new Error('expected a ContentError');
    })();
    expect(error.message.split('\n').slice(1)).toEqual(error.problems);
    expect(error.problems.length).toBeGreaterThanOrEqual(2);
  });
});
