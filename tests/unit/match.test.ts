import { describe, expect, it } from 'vitest';
import type { LexiconSource } from '../../content-data/schema';
import { buildDeletionIndex, fuzzyLookup, withinOneEdit } from '../../lib/match/fuzzy';
import { compileLexicon, findMatches } from '../../lib/match';
import { tokenize } from '../../lib/text';
import { TINY_CONTEXT } from '../fixtures/context-data';

const source: LexiconSource = {
  concepts: [
    { id: 'limb', label: 'Limbs', words: ['leg', 'foot', 'feet', 'hip', 'walking'] },
    { id: 'back', label: 'Back', words: ['back', 'lower back', 'hip'] },
  ],
  context: TINY_CONTEXT,
  redFlags: [],
  terms: [
    { id: 'back-pain', label: 'Back pain', variants: ['back pain', 'lower back pain'], topics: ['t-back'], redFlags: [] },
    { id: 'sciatica', label: 'Sciatica', variants: ['sciatica'], topics: ['t-sciatica'], redFlags: [] },
    { id: 'myeloma', label: 'Myeloma', variants: ['myeloma', 'multiple myeloma'], topics: ['t-myeloma'], redFlags: [] },
    { id: 'tumour', label: 'Tumour', variants: ['spinal tumour'], topics: ['t-tumour'], redFlags: [] },
    { id: 'numb', label: 'Numb', variants: ['numb'], topics: [], redFlags: ['rf-numb'], anchors: ['limb'] },
    { id: 'stiff', label: 'Stiff', variants: ['stiff'], topics: ['t-back'], redFlags: [], anchors: ['back'] },
    { id: 'weight', label: 'Weight', variants: ['lost 5 kg'], topics: [], redFlags: ['rf-weight'] },
    { id: 'cord', label: 'Cord', variants: ['spinal cord compression'], topics: ['t-cord'], redFlags: [] },
    { id: 'mri', label: 'MRI', variants: ['MRI'], topics: ['t-mri'], redFlags: [] },
    { id: 'rest', label: 'Rest', variants: ['worse when I lie down'], topics: [], redFlags: ['rf-rest'] },
    { id: 'worse', label: 'Worse', variants: ['getting worse'], topics: [], redFlags: ['rf-worse'] },
  ],
};
const lexicon = compileLexicon(source);
const found = (text: string) =>
  findMatches(tokenize(text), lexicon).map((m) => [text.slice(m.start, m.end), m.term.id] as const);

describe('withinOneEdit', () => {
  it('accepts one insertion, deletion, substitution or adjacent swap', () => {
    expect(withinOneEdit('siatica', 'sciatica')).toBe(true);
    expect(withinOneEdit('sciatcia', 'sciatica')).toBe(true);
    expect(withinOneEdit('sciatixa', 'sciatica')).toBe(true);
    expect(withinOneEdit('sciaticaa', 'sciatica')).toBe(true);
  });
  it('can refuse substitutions', () => {
    expect(withinOneEdit('cancel', 'cancer', false)).toBe(false);
    expect(withinOneEdit('canecr', 'cancer', false)).toBe(true);
  });
  it('rejects two edits', () => {
    expect(withinOneEdit('siatcia', 'sciatica')).toBe(false);
    expect(withinOneEdit('sciatic', 'sciaticas')).toBe(false);
  });
});

describe('fuzzyLookup', () => {
  const index = buildDeletionIndex(['sciatica', 'myeloma', 'rehab', 'duloxetine', 'morphine']);
  it('finds the word one edit away', () => {
    expect(fuzzyLookup('myloma', index)).toBe('myeloma');
    expect(fuzzyLookup('scaitica', index)).toBe('sciatica');
  });
  it('corrects a substituted letter only in long words', () => {
    expect(fuzzyLookup('duloxatine', index)).toBe('duloxetine');
    expect(fuzzyLookup('morphing', index)).toBeUndefined();
    expect(fuzzyLookup('rehob', index)).toBeUndefined();
  });
  it('never corrects tokens under five letters', () => {
    expect(fuzzyLookup('reha', index)).toBeUndefined();
  });
  it('finds nothing two edits away', () => {
    expect(fuzzyLookup('miloma', index)).toBeUndefined();
  });
});

describe('findMatches', () => {
  it('matches whole words only', () => {
    expect(found('our backup failed; record the cord')).toEqual([]);
    expect(found('an MRI, a myelomatosis')).toEqual([['MRI', 'mri']]);
  });
  it('never matches inside a user name or code, nor corrects one', () => {
    expect(found('sciatica_sufferer and sciatica2 say hi, sciatica1 too')).toEqual([]);
    expect(found('_sciatica_ sciatica')).toEqual([['sciatica', 'sciatica']]);
  });
  it('prefers the longest variant', () => {
    expect(found('Lower back pain again')).toEqual([['Lower back pain', 'back-pain']]);
    expect(found('multiple myeloma')).toEqual([['multiple myeloma', 'myeloma']]);
  });
  it('matches phrases across line breaks, several spaces and markup-free dashes', () => {
    expect(found('my back\n   pain')).toEqual([['back\n   pain', 'back-pain']]);
    expect(found('spinal cord\ncompression')).toEqual([['spinal cord\ncompression', 'cord']]);
  });
  it('matches UK and US spellings and plurals alike', () => {
    expect(found('two spinal tumors')).toEqual([['spinal tumors', 'tumour']]);
  });
  it('tolerates one typo in words of five letters or more, also inside phrases', () => {
    expect(found('siatica again')).toEqual([['siatica', 'sciatica']]);
    expect(found('multiple myloma')).toEqual([['multiple myloma', 'myeloma']]);
  });
  it('matches any number where a variant has one', () => {
    expect(found('I lost 12 kg')).toEqual([['lost 12 kg', 'weight']]);
    expect(found('lost 6kg')).toEqual([['lost 6kg', 'weight']]);
  });
  it('needs an anchor in the same or a neighbouring sentence, or a few words away, for anchored terms', () => {
    expect(found('My foot is numb.')).toEqual([['numb', 'numb']]);
    expect(found('Numb. Also my leg hurts.')).toEqual([['Numb', 'numb']]);
    expect(found('Leg day. Fine. Fine. It went numb.')).toEqual([['numb', 'numb']]);
    expect(found('I feel numb about the news.')).toEqual([]);
    expect(found(`Leg day. ${'Nothing much happened today at all. '.repeat(4)}I feel numb.`)).toEqual([]);
  });
  it('lets a denied sign reach an anchor a few short sentences back, and no further', () => {
    expect(found('Leg day. Fine. Fine. No numb.')).toEqual([['numb', 'numb']]);
    const farAway = `Leg day. ${'Nothing much happened today at all. '.repeat(5)}No numb.`;
    expect(found(farAway)).toEqual([]);
  });
  it('reads any subject pronoun where a variant says "I"', () => {
    expect(found('worse when she lies down')).toEqual([['worse when she lies down', 'rest']]);
    expect(found('worse when they lie down')).toEqual([['worse when they lie down', 'rest']]);
  });
  it('puts back a dropped final g', () => {
    expect(found('keeps gettin worse')).toEqual([['gettin worse', 'worse']]);
    // Also in anchor words: "walkin" anchors like "walking".
    expect(found('Walkin is hard. Then it went numb.')).toEqual([['numb', 'numb']]);
  });
  it('counts a word listed in several anchor concepts for each of them', () => {
    expect(found('My hip is numb and stiff.')).toEqual([['numb', 'numb'], ['stiff', 'stiff']]);
  });
  it('returns character offsets into the original text', () => {
    const text = 'Ouch: Sciatica!';
    const [match] = findMatches(tokenize(text), lexicon);
    expect(match).toMatchObject({ start: 6, end: 14 });
  });
});

describe('frames', () => {
  const framed = compileLexicon({
    concepts: [
      { id: 'legs', label: 'Legs', words: ['leg', 'legs', 'foot', 'feet', 'knees'] },
      { id: 'numb', label: 'Numb', words: ['numb', 'numbness', 'pins and needles', "can't feel"] },
      { id: 'weak', label: 'Weak', words: ['weak', 'gave way'] },
      { id: 'fine', label: 'Fine', words: ['fine', 'ok'] },
      { id: 'cold', label: 'Cold', words: ['cold', 'freezing'] },
      { id: 'feelings', label: 'Feelings', words: ['see him'] },
      { id: 'back', label: 'Back', words: ['back', 'back pain'] },
    ],
    context: TINY_CONTEXT,
    redFlags: [],
    terms: [
      { id: 'leg-numbness', label: 'Numb legs', variants: [], frames: [{ slots: [['legs'], ['numb']], unless: ['cold'] }], topics: [], redFlags: ['rf-numb'] },
      {
        id: 'leg-weakness',
        label: 'Weak legs',
        variants: ['legs gave way'],
        frames: [
          { slots: [['legs'], ['weak']], unless: ['feelings'], near: ['back'] },
          { slots: [['legs'], ['fine']], absent: true },
        ],
        topics: ['t-cord'],
        redFlags: ['rf-weak'],
      },
    ],
  });
  const framesIn = (text: string) =>
    findMatches(tokenize(text), framed).map((m) => [text.slice(m.start, m.end), [...m.redFlagIds].sort().join('+'), m.absent] as const);

  it('finds the slots in any order, with words between them', () => {
    expect(framesIn('my legs went numb')).toEqual([['legs went numb', 'rf-numb', false]]);
    expect(framesIn('numbness in both of my feet')).toEqual([['numbness in both of my feet', 'rf-numb', false]]);
    expect(framesIn('pins and needles, which crept up my legs')).toEqual([['pins and needles, which crept up my legs', 'rf-numb', false]]);
  });
  it('keeps the slots within a few words, one sentence, one line and one statement', () => {
    expect(framesIn('My leg is the one I broke years ago when I was out skiing with friends, and now numb')).toEqual([]);
    expect(framesIn('My leg hurts. Numb hands too.')).toEqual([]);
    expect(framesIn('- my leg\n- numb hands')).toEqual([]);
    expect(framesIn('My leg is sore but my hands are numb')).toEqual([]);
  });
  it('prefers an instance within a clause to one across clauses that needs its words', () => {
    expect(framesIn('No numbness, legs feel weak. Back pain.').map(([text, ids]) => [text, ids])).toEqual([
      ['legs feel weak', 'rf-weak'],
    ]);
  });
  it('is stopped by an unless concept and needs its near concept', () => {
    expect(framesIn('my feet went numb in the freezing wind')).toEqual([]);
    expect(framesIn('my knees go weak when I see him. Back pain.')).toEqual([]);
    expect(framesIn('my knees are weak')).toEqual([]);
    expect(framesIn('my knees are weak. Back pain.').map(([text]) => text)).toEqual(['knees are weak']);
  });
  it('joins overlapping mentions into one match with all their red flags', () => {
    expect(framesIn('my legs are numb and weak, back pain')).toEqual([['legs are numb and weak', 'rf-numb+rf-weak', false]]);
    expect(framesIn('my legs gave way')).toEqual([['legs gave way', 'rf-weak', false]]);
  });
  it('marks a frame that says the part works as absent', () => {
    expect(framesIn('legs are fine')).toEqual([['legs are fine', 'rf-weak', true]]);
  });
  it("reports the frame's words as slots, so that a cue between them counts", () => {
    const [match] = findMatches(tokenize('legs have no numbness'), framed);
    expect(match!.slots).toEqual([
      [0, 1],
      [3, 4],
    ]);
  });
});
