import { describe, expect, it } from 'vitest';
import { MIN_VARIANTS_IN_ALL, MIN_VARIANTS_PER_RED_FLAG, RED_FLAG_IDS, TOPIC_IDS, toLexiconSource } from '../../content-data/build';
import { loadKnowledgeBase } from '../../content-data/load';
import { compileLexicon, detect } from '../../lib/detect';
import { NUMBER_KEY, phraseKeys } from '../../lib/text';

const kb = loadKnowledgeBase();
const lexicon = compileLexicon(toLexiconSource(kb));

/** Words that mean back pain only in context: never a whole variant of a term without anchors. */
const AMBIGUOUS = ['back', 'numb', 'bladder', 'cord', 'ces', 'compression', 'spine', 'weak', 'thirsty', 'tired', 'cancer',
  'pain', 'nhl', 'ct', 'mets', 'radiation', 'brace', 'constipated', 'confused', 'decompression', 'tingling', 'numbness'];

describe('terms lexicon', () => {
  it('points at every topic and every red flag of CONTENT.md', () => {
    const topics = new Set(kb.terms.flatMap((term) => term.topics));
    const redFlags = new Set(kb.terms.flatMap((term) => term.redFlags));
    expect(TOPIC_IDS.filter((id) => !topics.has(id))).toEqual([]);
    expect(RED_FLAG_IDS.filter((id) => !redFlags.has(id))).toEqual([]);
  });

  it(`has at least ${MIN_VARIANTS_IN_ALL} variants and ${MIN_VARIANTS_PER_RED_FLAG} per red flag`, () => {
    expect(kb.terms.flatMap((term) => term.variants).length).toBeGreaterThanOrEqual(MIN_VARIANTS_IN_ALL);
    for (const id of RED_FLAG_IDS) {
      const variants = kb.terms.filter((term) => term.redFlags.includes(id)).flatMap((term) => term.variants);
      expect(variants.length, id).toBeGreaterThanOrEqual(MIN_VARIANTS_PER_RED_FLAG);
    }
  });

  it('never lets an ambiguous word stand alone without anchors', () => {
    const offenders = kb.terms
      .filter((term) => !term.anchors?.length)
      .flatMap((term) => term.variants.filter((variant) => AMBIGUOUS.includes(variant.toLowerCase())).map((v) => `${term.id}: ${v}`));
    expect(offenders).toEqual([]);
  });

  it('finds every variant in its own text, leading to its own term\'s targets (and maybe more, from a frame there)', () => {
    const anchorWord = new Map(kb.concepts.map((concept) => [concept.id, concept.words[0]!]));
    const problems: string[] = [];
    for (const term of kb.terms) {
      // The anchor goes in a sentence of its own, so that it cannot lengthen the variant.
      const anchor = term.anchors?.length ? `. See ${anchorWord.get(term.anchors[0]!)}.` : '';
      for (const variant of term.variants) {
        const [match] = detect(`${variant}${anchor}`, lexicon).matches;
        // Filler words at the start ("my back hurts", "keeps getting worse") are not part of the match.
        const skipped = match ? variant.slice(0, match.start) : '';
        const whole = !!match && match.end === variant.length && (skipped === '' || skipped.endsWith(' '));
        const carried = new Set([...(match?.topicIds ?? []), ...(match?.redFlagIds ?? [])]);
        if (!whole || ![...term.topics, ...term.redFlags].every((id) => carried.has(id))) {
          problems.push(`${term.id} "${variant}" -> ${match ? `${match.termId} "${match.text}"` : 'nothing'}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('writes numbers as digits: a "#" is no word, so "# am" would have been any "am" ("I am sore")', () => {
    const phrases = [...kb.terms.flatMap((term) => term.variants), ...kb.concepts.flatMap((concept) => concept.words)];
    expect(phrases.filter((phrase) => phrase.includes('#'))).toEqual([]);
    expect(detect('I am sore and I am tired of it.', lexicon).redFlags).toEqual([]);
  });

  it('has no phrase made only of numbers: "24/7" would be any two numbers, a date in a web address', () => {
    const phrases = [...kb.terms.flatMap((term) => term.variants), ...kb.concepts.flatMap((concept) => concept.words)];
    expect(phrases.filter((phrase) => phraseKeys(phrase).every((key) => key === NUMBER_KEY))).toEqual([]);
    expect(detect('Sciatica flared on 12/11 and again on 3/4.', lexicon).redFlags).toEqual([]);
  });

  it('never lets a variant of several words stand for one of its words ("was mobile" is not any "mobile")', () => {
    const problems = kb.terms.flatMap((term) => {
      // A word that is one of the term's own variants, inflected or spelt otherwise, may match alone.
      const own = new Set(term.variants.map((variant) => phraseKeys(variant).join(' ')));
      const anchor = term.anchors?.length ? `. See ${kb.concepts.find((concept) => concept.id === term.anchors![0])!.words[0]}.` : '';
      return term.variants
        .filter((variant) => variant.includes(' '))
        .flatMap((variant) => variant.split(' ').filter((word) => !own.has(phraseKeys(word).join(' '))))
        .filter((word) => detect(`${word}${anchor}`, lexicon).matches.some((match) => match.termId === term.id && match.text === word))
        .map((word) => `${term.id}: ${word}`);
    });
    expect([...new Set(problems)]).toEqual([]);
  });

  it('lists for red flags only idioms: no variant that the frames already find', () => {
    const framedRedFlags = new Set(kb.terms.filter((term) => term.frames?.length).flatMap((term) => term.redFlags));
    const framed = (term: (typeof kb.terms)[number]) => term.redFlags.length > 0 && term.redFlags.every((id) => framedRedFlags.has(id));
    // Every such variant taken out at once: what still finds one is a frame (or a term of another kind).
    const withoutVariants = compileLexicon(toLexiconSource({ ...kb, terms: kb.terms.map((term) => (framed(term) ? { ...term, variants: [] } : term)) }));
    const anchorWord = new Map(kb.concepts.map((concept) => [concept.id, concept.words[0]!]));
    const redundant = kb.terms.filter(framed).flatMap((term) => {
      const anchor = term.anchors?.length ? `. See ${anchorWord.get(term.anchors[0]!)}.` : '';
      return term.variants.filter((variant) =>
        detect(`${variant}${anchor}`, withoutVariants).matches.some(
          (match) =>
            match.start < variant.length &&
            match.end >= variant.length - 1 &&
            [...term.redFlags, ...term.topics].every((id) => match.redFlagIds.includes(id) || match.topicIds.includes(id)) &&
            (match.context === 'affirmed') === (term.absent !== true),
        ),
      ).map((variant) => `${term.id}: ${variant}`);
    });
    expect(redundant).toEqual([]);
  });
});
