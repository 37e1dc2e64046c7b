import { describe, expect, it } from 'vitest';
import { canonicalWord, foldWord, LineFact, NUMBER_KEY, phraseKeys, singular, tokenize } from '../../lib/text';

describe('foldWord', () => {
  it('lower-cases, strips diacritics and apostrophes of every kind', () => {
    expect(foldWord('Café')).toBe('cafe');
    expect(foldWord('CAN’T')).toBe('cant');
    expect(foldWord("don't")).toBe('dont');
    expect(foldWord('naïve')).toBe('naive');
  });
  it('drops invisible characters and folds full-width letters and ligatures', () => {
    expect(foldWord('sci\u00adatica')).toBe('sciatica');
    expect(foldWord('sci\u200bat\u200c\u200di\u2060ca\ufeff')).toBe('sciatica');
    expect(foldWord('ＳＣＩＡＴＩＣＡ')).toBe('sciatica');
    expect(foldWord('ﬁbre')).toBe('fibre');
  });
});

describe('canonicalWord', () => {
  it('maps UK spellings to US ones', () => {
    expect(canonicalWord('tumour')).toBe(canonicalWord('tumor'));
    expect(canonicalWord('Oesophageal')).toBe('esophageal');
    expect(canonicalWord('haemorrhage')).toBe('hemorrhage');
    expect(canonicalWord('anaemia')).toBe('anemia');
    expect(canonicalWord('paediatric')).toBe('pediatric');
    expect(canonicalWord('centre')).toBe('center');
    expect(canonicalWord('stabilisation')).toBe(canonicalWord('stabilization'));
    expect(canonicalWord('hypercalcaemia')).toBe('hypercalcemia');
    expect(canonicalWord('faecal')).toBe('fecal');
    expect(canonicalWord('leukaemia')).toBe('leukemia');
    expect(canonicalWord('paralysed')).toBe(canonicalWord('paralyzed'));
    expect(canonicalWord('orthopaedic')).toBe('orthopedic');
  });
  it('reduces simple plurals and possessives', () => {
    expect(canonicalWord('legs')).toBe('leg');
    expect(canonicalWord('injuries')).toBe('injury');
    expect(canonicalWord("dad's")).toBe('dad');
    expect(canonicalWord('Tumours')).toBe('tumor');
  });
  it('joins spellings of one word and survives words that are object keys', () => {
    expect(canonicalWord('cannot')).toBe(canonicalWord("can't"));
    expect(canonicalWord('couldn’t')).toBe(canonicalWord("can't"));
    expect(canonicalWord('nite')).toBe('night');
    expect(canonicalWord('lay')).toBe(canonicalWord('lie'));
    expect(canonicalWord('laying')).toBe('lying');
    expect(canonicalWord('constructor')).toBe('constructor');
    expect(canonicalWord('__proto__')).toBe('__proto__');
  });
  it('gives every number one key', () => {
    expect(canonicalWord('6')).toBe(NUMBER_KEY);
    expect(canonicalWord('twelve')).toBe(NUMBER_KEY);
  });
});

describe('singular', () => {
  it('leaves words that only look plural alone', () => {
    expect(singular('metastasis')).toBe('metastasis');
    expect(singular('nervous')).toBe('nervous');
    expect(singular('loss')).toBe('loss');
    expect(singular('mets')).toBe('mets');
    expect(singular('has')).toBe('has');
    expect(singular('masses')).toBe('mass');
  });
});

describe('tokenize', () => {
  it('keeps original offsets through case, curly apostrophes, dashes and white-space runs', () => {
    const text = 'My  Back—can’t\n\n   cope';
    const tokens = tokenize(text);
    const words = Array.from(tokens.starts, (start, i) => text.slice(start, tokens.ends[i]));
    expect(words).toEqual(['My', 'Back', 'can’t', 'cope']);
    expect(tokens.keys).toEqual(['my', 'back', 'cant', 'cope']);
  });
  it('reads a word with invisible characters inside as one word, offsets on the original text', () => {
    const text = 'my sci\u00adatica and para\u200b\u200dcetamol, \u00adback\u200b';
    const tokens = tokenize(text);
    const words = Array.from(tokens.starts, (start, i) => text.slice(start, tokens.ends[i]));
    expect(words).toEqual(['my', 'sci\u00adatica', 'and', 'para\u200b\u200dcetamol', 'back']);
    expect(tokens.keys).toEqual(['my', 'sciatica', 'and', 'paracetamol', 'back']);
    // Between words they still separate nothing and join nothing.
    expect(tokenize('back\u200b pain').keys).toEqual(['back', 'pain']);
    expect(tokenize('6\u00adkg').keys).toEqual([NUMBER_KEY, 'kg']);
  });
  it('reads full-width letters and digits as the plain ones', () => {
    const text = 'ｓｃｉａｔｉｃａ for ６ weeks';
    const tokens = tokenize(text);
    expect(tokens.keys).toEqual(['sciatica', 'for', NUMBER_KEY, 'week']);
    expect([tokens.starts[0], tokens.ends[0]]).toEqual([0, 8]);
  });
  it('reads a web address as one word that names nothing, ending before the stop after it', () => {
    const text = 'See http://blog.example/2011/11/sciatica-24/7. Or WWW.nhs.uk, then back pain.';
    const tokens = tokenize(text);
    const words = Array.from(tokens.starts, (start, i) => text.slice(start, tokens.ends[i]));
    expect(words).toEqual(['See', 'http://blog.example/2011/11/sciatica-24/7', 'Or', 'WWW.nhs.uk', 'then', 'back', 'pain']);
    expect([tokens.sentences[1], tokens.sentences[2]]).toEqual([0, 1]);
    // A word that only begins like one is a word.
    expect(tokenize('what www means').keys).toEqual(['what', 'www', 'mean']);
  });
  it('ends a word at a trailing apostrophe', () => {
    const tokens = tokenize("the dogs' legs'");
    expect(tokens.keys).toEqual(['the', 'dog', 'leg']);
    expect(tokens.ends[2]).toBe(14);
  });
  it('splits hyphenated words and letter/digit runs', () => {
    expect(tokenize('non-Hodgkin').keys).toEqual(['non', 'hodgkin']);
    expect(tokenize('lost 6kg').keys).toEqual(['lost', NUMBER_KEY, 'kg']);
    expect(tokenize('L5-S1').keys).toEqual(['l', NUMBER_KEY, 's', NUMBER_KEY]);
  });
  it('keeps user names and codes as one word: underscores, digits after two letters', () => {
    expect(tokenize('physio_dan wrote').keys).toEqual(['physio_dan', 'wrote']);
    expect(tokenize('Physio2go and user123').keys).toEqual(['physio2go', 'and', 'user123']);
    expect(tokenize('__proto__ _physio a_').keys).toEqual(['__proto__', '_physio', 'a_']);
    expect(tokenize('T8 and 3am, ___ end').keys).toEqual(['t', NUMBER_KEY, 'and', NUMBER_KEY, 'am', 'end']);
  });
  it('numbers sentences and clauses', () => {
    const tokens = tokenize('No numbness, no tingling. Dr. Patel saw me!\nThen home\n\nNew para');
    const at = (word: string) => tokens.keys.indexOf(word);
    expect(tokens.sentences[at('numbness')]).toBe(0);
    expect(tokens.clauses[at('tingling')]).toBe(tokens.clauses[at('numbness')]! + 1);
    expect(tokens.sentences[at('dr')]).toBe(1);
    expect(tokens.sentences[at('patel')]).toBe(1);
    expect(tokens.sentences[at('then')]).toBe(2);
    expect(tokens.sentences[at('home')]).toBe(2);
    expect(tokens.sentences[at('new')]).toBe(3);
  });
  it('starts a sentence at a new paragraph, heading or list item, but not after a colon or in a wrapped line', () => {
    const tokens = tokenize('Red flags\n\n• Night pain. [1]\n• Weak legs.\n\nCall 999 if:\nyou cannot pee\nOn Sunday I went\nhome again');
    const at = (word: string) => tokens.sentences[tokens.keys.indexOf(word)]!;
    expect(at('night')).toBe(at('red') + 1);
    expect(at('weak')).toBe(at('night') + 1);
    expect(at('cant')).toBe(at('call'));
    expect(at('sunday')).toBe(at('call') + 1);
    expect(at('home')).toBe(at('sunday'));
  });
  it('keeps full stops inside a list item within the item', () => {
    const tokens = tokenize('• Night pain. [1] Worse lying down.\n• Weak legs.');
    expect(tokens.sentences[tokens.keys.indexOf('worse')]).toBe(tokens.sentences[tokens.keys.indexOf('night')]);
  });
  it('records line facts and questions', () => {
    const tokens = tokenize('Symptoms include:\n- numb legs\nIs it CES?\nNo.');
    expect(tokens.lineFacts[0]! & LineFact.EndsWithColon).toBeTruthy();
    expect(tokens.lineFacts[1]! & LineFact.Bullet).toBeTruthy();
    expect(Array.from(tokens.questions)).toEqual([0, 1, 0]);
  });
  it('marks the words inside quotation marks, over paragraphs, until the quote closes or has gone on too long', () => {
    const tokens = tokenize('She said “I have numb legs” and "my back" then\n"an open quote\nnext line” after');
    const quoted = tokens.keys.filter((_, i) => tokens.quoted[i]);
    expect(quoted).toEqual(['i', 'have', 'numb', 'leg', 'my', 'back', 'an', 'open', 'quote', 'next', 'line']);
    const unclosed = tokenize(`“Hello ${'word '.repeat(400)}end`);
    expect(unclosed.quoted[1]).toBe(1);
    expect(unclosed.quoted[unclosed.count - 1]).toBe(0);
  });
  it('does not end a sentence at a decimal point or inside an address', () => {
    expect(new Set(tokenize('lost 10.5 kg on nhs.uk advice').sentences).size).toBe(1);
    expect(new Set(tokenize('It hurts." Then').sentences).size).toBe(2);
  });
  it('handles empty text and text without words', () => {
    expect(tokenize('').count).toBe(0);
    expect(tokenize(' -- !! ').count).toBe(0);
  });
  it('phraseKeys gives the keys of a variant', () => {
    expect(phraseKeys("Can't hold my pee")).toEqual(['cant', 'hold', 'my', 'pee']);
  });
});
