/**
 * Text normalisation for matching. Normalisation happens per word, so every token keeps the
 * offsets of its original characters: case, diacritics, curly apostrophes, dashes and runs of
 * white space or line breaks never shift a match. Two spellings of one word ("tumour", "Tumors",
 * "can't", "cant") give the same key, which is what the matcher and the trigger lists compare.
 */

export interface Tokens {
  count: number;
  starts: number[];
  ends: number[];
  /** Canonical key of each token (see `canonicalWord`). */
  keys: string[];
  /** Sentence number of each token, increasing from 0. */
  sentences: number[];
  /** Clause number of each token, increasing from 0; a new sentence is also a new clause. */
  clauses: number[];
}

/** Key given to every number, so that "lost 6 kg" and "lost 10 kg" compare equal. */
export const NUMBER_KEY = '#';

const NUMBER_WORDS = new Set([
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'fifteen', 'twenty', 'thirty', 'forty', 'fifty',
]);

/** Words before a full stop that do not end a sentence ("Dr. Patel", "e.g. sciatica"). */
const ABBREVIATIONS = new Set(['dr', 'mr', 'mrs', 'ms', 'st', 'eg', 'ie', 'etc', 'vs', 'approx', 'no', 'fig']);

/** UK spellings rewritten to US ones: [pattern, replacement], applied in order. */
const SPELLING_RULES: [RegExp, string][] = [
  [/^oe(?=soph|dem|strog)/, 'e'],
  [/^(an)?aem/, '$1em'],
  [/^haem/, 'hem'],
  [/paed/, 'ped'],
  [/oea$/, 'ea'],
  [/(?<=...)our$/, 'or'],
  [/(?<=..[^aeiou])tre$/, 'ter'],
  [/(?<=...)is(e|ed|es|ing|ation)$/, 'iz$1'],
];

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['\u2018\u2019\u02bc`]/g;
const foldCache = new Map<string, string>();

/** Lower case, no diacritics, no apostrophes. */
export function foldWord(word: string): string {
  if (isAscii(word)) return word.toLowerCase().replace(APOSTROPHES, '');
  const cached = foldCache.get(word);
  if (cached !== undefined) return cached;
  const folded = word.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(APOSTROPHES, '');
  if (foldCache.size > 5000) foldCache.clear();
  foldCache.set(word, folded);
  return folded;
}

/** The key of a word: folded, US spelling, singular; numbers become NUMBER_KEY. */
export function canonicalWord(word: string): string {
  const folded = foldWord(word);
  if (isDigit(folded.charCodeAt(0)) || NUMBER_WORDS.has(folded)) return NUMBER_KEY;
  return usSpelling(singular(folded));
}

function usSpelling(word: string): string {
  if (word.length < 4) return word;
  let result = word;
  for (const [pattern, replacement] of SPELLING_RULES) result = result.replace(pattern, replacement);
  return result;
}

/** Simple plurals only; both text and lexicon go through it, so over-stripping is harmless. */
export function singular(word: string): string {
  const n = word.length;
  if (n <= 3 || word.charCodeAt(n - 1) !== 115 /* s */) return word;
  if (word.endsWith('ies') && n > 4) return word.slice(0, -3) + 'y';
  if (/(?:ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (/(?:ss|us|is|ous)$/.test(word)) return word;
  return word.slice(0, -1);
}

function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 127) return false;
  return true;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number, text: string, index: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return LETTER.test(text[index] ?? '');
}
const LETTER = /[\p{L}\p{M}]/u;

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 0x2018 || code === 0x2bc;
}

const enum CharKind {
  Other,
  Letter,
  Digit,
}

function kindAt(text: string, index: number): CharKind {
  const code = text.charCodeAt(index);
  if (isDigit(code)) return CharKind.Digit;
  return isLetter(code, text, index) ? CharKind.Letter : CharKind.Other;
}

const enum Gap {
  None,
  Clause,
  Sentence,
}

/**
 * What the characters between two tokens separate: a sentence (". ", "!", "?", a blank line),
 * a clause (",", ";", ":", brackets, a dash between spaces, a line break) or nothing.
 */
function classifyGap(text: string, from: number, to: number, previousKey: string): Gap {
  let gap = Gap.None;
  let newlines = 0;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '\n') {
      if (++newlines >= 2) return Gap.Sentence;
      gap = Gap.Clause;
    } else if (ch === '!' || ch === '?') {
      return Gap.Sentence;
    } else if (ch === '.') {
      const next = text[i + 1];
      const ends = next === undefined || i + 1 >= to || /\s/.test(next);
      if (ends && !(ABBREVIATIONS.has(previousKey) || (previousKey.length === 1 && i === from))) return Gap.Sentence;
    } else if (ch === ',' || ch === ';' || ch === ':' || ch === '(' || ch === ')' || ch === '\u2014' || ch === '\u2013' || ch === '•') {
      gap = Gap.Clause;
    } else if (ch === '-' && /\s/.test(text[i - 1] ?? '') && /\s/.test(text[i + 1] ?? '')) {
      gap = Gap.Clause;
    }
  }
  return gap;
}

/**
 * Splits a text into word tokens: runs of letters (with inner apostrophes, "can't") or of digits.
 * Everything else separates tokens, hyphens included ("non-Hodgkin" is "non" + "hodgkin").
 */
export function tokenize(text: string): Tokens {
  const tokens: Tokens = { count: 0, starts: [], ends: [], keys: [], sentences: [], clauses: [] };
  let sentence = 0;
  let clause = 0;
  let previousEnd = 0;
  let previousRaw = '';
  let i = 0;
  const length = text.length;
  while (i < length) {
    const kind = kindAt(text, i);
    if (kind === CharKind.Other) {
      i++;
      continue;
    }
    const start = i;
    i++;
    while (i < length) {
      const next = kindAt(text, i);
      if (next === kind) i++;
      else if (kind === CharKind.Letter && isApostrophe(text.charCodeAt(i)) && kindAt(text, i + 1) === CharKind.Letter) i += 2;
      else break;
    }
    if (tokens.count > 0) {
      const gap = classifyGap(text, previousEnd, start, previousRaw);
      if (gap === Gap.Sentence) sentence++;
      if (gap !== Gap.None) clause++;
    }
    const raw = text.slice(start, i);
    previousRaw = foldWord(raw);
    tokens.starts.push(start);
    tokens.ends.push(i);
    tokens.keys.push(canonicalWord(raw));
    tokens.sentences.push(sentence);
    tokens.clauses.push(clause);
    tokens.count++;
    previousEnd = i;
  }
  return tokens;
}

/** The token keys of a short phrase, e.g. a lexicon variant or a trigger. */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase).keys;
}
