import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toLexiconSource } from '../../content-data/build';
import { loadKnowledgeBase } from '../../content-data/load';
import { compileLexicon, detect } from '../../lib/detect';
import { packValue, type PackedValue, unpackInSteps } from '../../lib/packed-value';
import { packPageLexicon, unpackPageLexicon } from '../../lib/page-lexicon';
import { runNow } from '../../lib/page/posts/steps';

const unpackValue = (table: PackedValue) => runNow(unpackInSteps(table));
const roundTrip = (value: unknown) => unpackValue(JSON.parse(JSON.stringify(packValue(value))) as PackedValue);

describe('packed values', () => {
  it('come back equal: objects, arrays, maps, sets, Int32Arrays, every kind of number, strings, booleans, null', () => {
    const value = {
      list: [0, 7, -3, 2.5, 'seven', true, false, null, [[]]],
      byKey: new Map<unknown, unknown>([['a', [1, 2]], [3, new Set(['x', 'y'])], [-1, { deep: { er: 'z' } }]]),
      bits: Int32Array.from([0, -1, 1 << 30, -(2 ** 31)]),
      empty: {},
    };
    expect(roundTrip(value)).toEqual(value);
    expect(roundTrip('just a string')).toBe('just a string');
    expect(roundTrip(42)).toBe(42);
    expect(roundTrip(-4.5)).toBe(-4.5);
  });

  it('keep what was one object one object, wherever it is referred to', () => {
    const term = { id: 'sciatica' };
    const shared = [1, 2];
    const revived = roundTrip({ terms: [term], trie: new Map([['sciatica', [term]]]), a: shared, b: shared }) as {
      terms: object[];
      trie: Map<string, object[]>;
      a: number[];
      b: number[];
    };
    expect(revived.trie.get('sciatica')![0]).toBe(revived.terms[0]);
    expect(revived.a).toBe(revived.b);
  });

  it('refuse, naming where, what JSON cannot carry back', () => {
    expect(() => packValue({ a: [1, undefined] })).toThrow('cannot pack undefined at the value.a[1]');
    expect(() => packValue({ f: () => 1 })).toThrow('at the value.f');
    expect(() => packValue({ n: Number.NaN })).toThrow('cannot pack NaN at the value.n');
    expect(() => packValue({ when: new Date(0) })).toThrow('cannot pack a Date at the value.when');
    const cycle: { self?: unknown } = {};
    cycle.self = cycle;
    expect(() => packValue(cycle)).toThrow('cannot pack a cycle at the value.self');
    expect(() => unpackValue([['?', 1]] as never)).toThrow('not a packed value');
  });

  it('are read in many steps when large, to the same value', () => {
    const value = Array.from({ length: 3000 }, (_, i) => ({ i, words: [`w${i}`] }));
    const steps = unpackInSteps(packValue(value));
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    expect(yields).toBeGreaterThan(10);
    expect(step.value).toEqual(value);
  });
});

describe('the page lexicon', () => {
  const source = toLexiconSource(loadKnowledgeBase());
  const compiled = compileLexicon(source);
  const page = runNow(unpackPageLexicon(packPageLexicon(source)));

  it('revives to the lexicon the build compiled, with every term’s label', () => {
    expect(page.lexicon).toEqual(compiled);
    expect(page.termLabels.size).toBe(source.terms.length);
    for (const term of source.terms) expect(page.termLabels.get(term.id)).toBe(term.label);
  });

  it('detects exactly what the compiled lexicon detects, on every held-out text', () => {
    const dir = join(import.meta.dirname, '../fixtures/holdout/detect-holdout');
    const texts = readdirSync(dir).filter((name) => name.endsWith('.txt'));
    expect(texts.length).toBeGreaterThan(40);
    for (const name of texts) {
      const text = readFileSync(join(dir, name), 'utf8');
      expect(detect(text, page.lexicon), name).toEqual(detect(text, compiled));
    }
  });
});
