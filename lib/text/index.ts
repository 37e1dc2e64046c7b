/**
 * Text normalisation for matching. Normalisation happens per word, so every token keeps the
 * offsets of its original characters: case, diacritics, curly apostrophes, dashes and runs of
 * white space or line breaks never shift a match. Two spellings of one word ("tumour", "Tumors",
 * "can't", "cant") give the same key, which is what the matcher and the trigger lists compare.
 */

export interface Tokens {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** Canonical key of each token (see `canonicalWord`). */
  keys: string[];
  /** Sentence number of each token, increasing from 0. */
  sentences: Int32Array;
  /** First token of each sentence, and `count` after the last: sentence s is tokens [sentenceStarts[s], sentenceStarts[s + 1]). */
  sentenceStarts: Int32Array;
  /** Clause number of each token, increasing from 0; a new sentence is also a new clause. */
  clauses: Int32Array;
  /** Line number of each token, increasing from 0 (a line is what a line break ends). */
  lines: Int32Array;
  /** First token of each line, and `count` after the last (as `sentenceStarts`). */
  lineStarts: Int32Array;
  /** Per line: `LineFact` bits (how it starts, how it ends). */
  lineFacts: Uint8Array;
  /** Per sentence: true when it ends with a question mark. */
  questions: Uint8Array;
  /** Per token: 1 inside quotation marks (a quote that is never closed ends MAX_QUOTE_CHARS after it opened). */
  quoted: Uint8Array;
}

/** What a line is like, as bits of `Tokens.lineFacts`. */
export const enum LineFact {
  None = 0,
  /** It starts with a bullet ("•", "-", "*"). */
  Bullet = 1,
  /** It ends with a colon: it leads in to what follows. */
  EndsWithColon = 2,
  /** It ends with a full stop, "!" or "?". */
  EndsWithStop = 4,
  /** A blank line (or the end of the text) follows it. */
  BlankAfter = 8,
}

/** A quotation mark that is never closed stops counting this far after it (which bounds what a chunk must read before it). */
export const MAX_QUOTE_CHARS = 1_200;

/** Key given to every number, so that "lost 6 kg" and "lost 10 kg" compare equal. */
export const NUMBER_KEY = '#';

/** Spellings of one word that the rules below do not reach; "couldn't" reports the same as "can't". */
const SAME_WORD = new Map([
  ['cannot', 'cant'],
  ['couldnt', 'cant'],
  ['ur', 'your'],
  ['nite', 'night'],
  ['tonite', 'tonight'],
  // US speech: "can't lay down", "laying in bed".
  ['lay', 'lie'],
  ['laying', 'lying'],
]);

const NUMBER_WORDS = new Set([
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'fifteen', 'twenty', 'thirty', 'forty', 'fifty',
]);

/** Words before a full stop that do not end a sentence ("Dr. Patel", "e.g. sciatica"). */
const ABBREVIATIONS = new Set(['dr', 'mr', 'mrs', 'ms', 'st', 'eg', 'ie', 'etc', 'vs', 'approx', 'fig']);

/**
 * UK spellings rewritten to US ones: [pattern, replacement], applied in order. Text and lexicon
 * go through the same rules, so a rule that also rewrites an unrelated word does no harm.
 */
const SPELLING_RULES: [RegExp, string][] = [
  [/(?<=[^aeiou])ae/g, 'e'], // haemorrhage, anaemia, hypercalcaemia, faecal, orthopaedic
  [/^oe(?=[a-z])/, 'e'], // oesophagus, oedema
  [/oea$/, 'ea'], // diarrhoea
  [/(?<=...)our$/, 'or'], // tumour, colour
  [/(?<=..[^aeiou])tre$/, 'ter'], // centre, fibre
  [/(?<=...)is(e|ed|es|ing|ation)$/, 'iz$1'], // stabilise, stabilisation
  [/(?<=...)ys(e|ed|es|ing)$/, 'yz$1'], // paralysed, analyse
];

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['\u2018\u2019\u02bc`]/g;
/**
 * Characters that show nothing but can sit inside a word: soft hyphen, zero-width space,
 * non-joiner and joiner, word joiner, zero-width no-break space. A page may put them there (to
 * allow line breaks, or to dodge filters); the word is read as if they were not there.
 */
const INVISIBLES = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

function isInvisible(code: number): boolean {
  return code === 0xad || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
}

/**
 * Lower case, no diacritics, no apostrophes, no invisible characters; compatibility forms
 * (full-width letters and digits, ligatures) become their plain letters.
 */
export function foldWord(word: string): string {
  const lower = isAscii(word)
    ? word.toLowerCase()
    : word.normalize('NFKD').replace(COMBINING_MARKS, '').replace(INVISIBLES, '').toLowerCase();
  return lower.replace(APOSTROPHES, '');
}

/** Words of real text repeat a lot: their keys are kept (a bounded cache, cleared when full). */
const MAX_CACHED_WORDS = 50000;
const keyCache = new Map<string, string>();

/** The key of a word: folded, singular, US spelling; numbers become NUMBER_KEY. */
export function canonicalWord(word: string): string {
  let key = keyCache.get(word);
  if (key !== undefined) return key;
  const folded = foldWord(word);
  const isNumber = isDigit(folded.charCodeAt(0)) || NUMBER_WORDS.has(folded);
  key = isNumber ? NUMBER_KEY : usSpelling(singular(SAME_WORD.get(folded) ?? folded));
  if (keyCache.size >= MAX_CACHED_WORDS) keyCache.clear();
  keyCache.set(word, key);
  return key;
}

function usSpelling(word: string): string {
  if (word.length < 4) return word;
  let result = word;
  for (const [pattern, replacement] of SPELLING_RULES) result = result.replace(pattern, replacement);
  return result;
}

/** Words whose final s is not a plural, where stripping it makes another word ("mets" is not "met"). */
const NOT_PLURALS = new Set(['mets']);

/** Simple plurals only; both text and lexicon go through it, so over-stripping is mostly harmless. */
export function singular(word: string): string {
  const n = word.length;
  if (n <= 3 || word.charCodeAt(n - 1) !== 115 /* s */ || NOT_PLURALS.has(word)) return word;
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

const enum CharKind {
  Other,
  Letter,
  Digit,
}

const NON_ASCII_LETTER = /[\p{L}\p{M}]/u;

/** Full-width digits (０-９), which fold to 0-9. */
function isFullWidthDigit(code: number): boolean {
  return code >= 0xff10 && code <= 0xff19;
}

/** Letters (of any script, with their combining marks), digits, or anything else. */
function kindAt(text: string, index: number): CharKind {
  if (index >= text.length) return CharKind.Other;
  const code = text.charCodeAt(index);
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return CharKind.Letter;
    return isDigit(code) ? CharKind.Digit : CharKind.Other;
  }
  if (isFullWidthDigit(code)) return CharKind.Digit;
  return NON_ASCII_LETTER.test(text[index]!) ? CharKind.Letter : CharKind.Other;
}

/** Past a run of invisible characters from `index` (see INVISIBLES). */
function afterInvisibles(text: string, index: number): number {
  let end = index;
  while (end < text.length && isInvisible(text.charCodeAt(end))) end++;
  return end;
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 0x2018 || code === 0x2bc;
}

/**
 * Where the word that starts at `start` ends: a run of one kind; letters may have inner
 * apostrophes ("can't"), and invisible characters inside a word are part of it ("sci\u00adatica").
 */
function wordEnd(text: string, start: number, kind: CharKind): number {
  let end = start + 1;
  while (end < text.length) {
    const next = kindAt(text, end);
    if (next === kind) end++;
    else if (kind === CharKind.Letter && isApostrophe(text.charCodeAt(end)) && kindAt(text, end + 1) === CharKind.Letter) end += 2;
    else if (isInvisible(text.charCodeAt(end))) {
      const after = afterInvisibles(text, end);
      if (kindAt(text, after) !== kind) break;
      end = after + 1;
    } else break;
  }
  return end;
}

/** What the characters between two tokens contain, as bits. */
const enum Gap {
  None = 0,
  /** , ; : ( ) an em dash, a dash or bullet between spaces, a line break. */
  Clause = 1,
  /** A full stop followed by a space, ! or ?. */
  Stop = 2,
  Newline = 4,
  BlankLine = 8,
  Colon = 16,
  /** A line that starts with a bullet. */
  BulletLine = 32,
  /** A question mark. */
  Question = 64,
  /** An opening quotation mark (“, or " before a word). */
  OpenQuote = 128,
  /** A closing quotation mark (”, or " after a word). */
  CloseQuote = 256,
}

/** Characters that start a list item when they begin a line. */
const BULLETS = new Set([0x2022, 0x00b7, 0x25e6, 0x25aa, 0x2023, 0x2043, 45 /* - */, 42 /* * */, 0x2013]);

function gapFacts(text: string, from: number, to: number, previousWord: string): number {
  if (to - from === 1 && text.charCodeAt(from) === 32) return Gap.None;
  let facts = Gap.None;
  let newlines = 0;
  let lineStart = from === 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 13) continue;
    if (code === 10) {
      facts |= Gap.Clause | Gap.Newline | (++newlines >= 2 ? Gap.BlankLine : 0);
      lineStart = true;
      continue;
    }
    if (code === 33) facts |= Gap.Stop;
    else if (code === 63) facts |= Gap.Stop | Gap.Question;
    else if (code === 0x201c) facts |= Gap.OpenQuote;
    else if (code === 0x201d) facts |= Gap.CloseQuote;
    else if (code === 34) facts |= i === from && from > 0 ? Gap.CloseQuote : i === to - 1 ? Gap.OpenQuote : Gap.CloseQuote | Gap.OpenQuote;
    else if (code === 46) {
      if (endsSentenceAt(text, i + 1) && !isAbbreviation(previousWord, i === from)) facts |= Gap.Stop;
    } else if (code === 58) facts |= Gap.Colon | Gap.Clause;
    else if (code === 44 || code === 59 || code === 40 || code === 41 || code === 0x2014) facts |= Gap.Clause;
    else if (BULLETS.has(code)) {
      if (lineStart) facts |= Gap.BulletLine | Gap.Clause;
      else if (code !== 45 || (isSpace(text.charCodeAt(i - 1)) && isSpace(text.charCodeAt(i + 1)))) facts |= Gap.Clause;
    }
    if (code !== 160) lineStart = false;
  }
  return facts;
}

/** A full stop ends a sentence when a space, a closing quote or bracket, or the end follows it ("6.5", "nhs.uk" do not). */
function endsSentenceAt(text: string, next: number): boolean {
  if (next >= text.length) return true;
  const code = text.charCodeAt(next);
  return isSpace(code) || code === 34 || code === 39 || code === 41 || code === 93 || code === 0x201d || code === 0x2019;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13 || code === 160;
}

/** "Dr." or "e.g.": a full stop straight after a one-letter word or a known abbreviation. */
function isAbbreviation(word: string, stopFollowsWord: boolean): boolean {
  return stopFollowsWord && (word.length === 1 || ABBREVIATIONS.has(foldWord(word)));
}

const UNDERSCORE = 95;

function isIdentifierChar(text: string, index: number): boolean {
  return kindAt(text, index) !== CharKind.Other || text.charCodeAt(index) === UNDERSCORE;
}

/**
 * User names and codes are one word: an underscore joins what touches it ("physio_dan"), and so
 * do digits straight after two or more letters ("Physio2go", "user123"). Spine levels ("L5", "T8")
 * and units ("6kg") still split.
 */
function joinsIdentifier(text: string, start: number, end: number, kind: CharKind): boolean {
  const next = text.charCodeAt(end);
  return next === UNDERSCORE || (kind === CharKind.Letter && end - start >= 2 && isDigit(next));
}

function identifierEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && isIdentifierChar(text, end)) end++;
  return end;
}

/**
 * Calls `onWord` with the bounds of every word: letters (with inner apostrophes) or digits, or a
 * user name or code (see `joinsIdentifier`).
 */
function forEachWord(text: string, onWord: (start: number, end: number) => void): void {
  let start = 0;
  while (start < text.length) {
    const kind = kindAt(text, start);
    if (kind === CharKind.Other) {
      if (text.charCodeAt(start) !== UNDERSCORE) {
        start++;
        continue;
      }
      let after = start;
      while (text.charCodeAt(after) === UNDERSCORE) after++;
      if (kindAt(text, after) !== CharKind.Other) {
        const end = identifierEnd(text, after);
        onWord(start, end);
        start = end;
      } else {
        start = after + 1;
      }
      continue;
    }
    let end = urlEnd(text, start);
    if (end === start) {
      end = wordEnd(text, start, kind);
      if (joinsIdentifier(text, start, end, kind)) end = identifierEnd(text, end);
    }
    onWord(start, end);
    start = end;
  }
}

const URL_OPENINGS = /^(?:https?:\/\/|www\.)/i;
const URL_END = /[\s<>"]/;
const URL_TRAILING = /[.,;:!?)\]'’”]/;

/**
 * A web address is one token, up to the next space ("http://blog.example/2011/11/sciatica" names no
 * sciatica, and its numbers are no "24/7"); `start` when no address begins there.
 */
function urlEnd(text: string, start: number): number {
  const code = text.charCodeAt(start) | 0x20;
  // Most words start otherwise: a character or two tell before the pattern is tried.
  const mayOpen =
    (code === 104 /* h */ && (text.charCodeAt(start + 4) === 58 || text.charCodeAt(start + 5) === 58)) ||
    (code === 119 /* w */ && text.charCodeAt(start + 3) === 46);
  if (!mayOpen || !URL_OPENINGS.test(text.slice(start, start + 8))) return start;
  let end = start;
  while (end < text.length && !URL_END.test(text[end]!)) end++;
  // A stop or a bracket after an address is the sentence's ("see www.nhs.uk.").
  while (end > start && URL_TRAILING.test(text[end - 1]!)) end--;
  return end;
}

/**
 * Splits a text into word tokens: runs of letters (with inner apostrophes, "can't") or of digits.
 * Everything else separates tokens, hyphens included ("non-Hodgkin" is "non" + "hodgkin").
 */
export function tokenize(text: string): Tokens {
  // Typed columns, grown by doubling: a megabyte of text makes no garbage per token.
  let capacity = 16 + (text.length >> 3);
  let columns = [0, 1, 2, 3, 4].map(() => new Int32Array(capacity));
  let quotedColumn = new Uint8Array(capacity);
  let quoted = false;
  let quoteStart = 0;
  const keys: string[] = [];
  const lineFacts: number[] = [];
  const questions: number[] = [];
  const sentenceStarts: number[] = [0];
  const lineStarts: number[] = [0];
  let count = 0;
  let sentence = 0;
  let clause = 0;
  let line = 0;
  let inList = false;
  let previousEnd = 0;
  let previousWord = '';
  /** What the gap that ends a line or a sentence says about them. */
  const endLine = (facts: number) => {
    lineFacts[line] =
      (lineFacts[line] ?? 0) |
      (facts & Gap.Colon ? LineFact.EndsWithColon : 0) |
      (facts & Gap.Stop ? LineFact.EndsWithStop : 0) |
      (facts & Gap.BlankLine ? LineFact.BlankAfter : 0);
  };
  forEachWord(text, (start, end) => {
    const facts = gapFacts(text, previousEnd, start, previousWord);
    // A quote may run over paragraphs (a testimony), but not for ever.
    if (quoted && start - quoteStart > MAX_QUOTE_CHARS) quoted = false;
    const wasQuoted = quoted;
    // A mark that both opens and closes (a lone " between spaces) toggles.
    if ((facts & (Gap.OpenQuote | Gap.CloseQuote)) === (Gap.OpenQuote | Gap.CloseQuote)) quoted = !quoted;
    else if (facts & Gap.CloseQuote) quoted = false;
    else if (facts & Gap.OpenQuote) quoted = true;
    if (quoted && !wasQuoted) quoteStart = previousEnd;
    if (count === 0) {
      lineFacts[0] = facts & Gap.BulletLine ? LineFact.Bullet : LineFact.None;
      inList = (facts & Gap.BulletLine) !== 0;
    } else {
      if (startsSentence(facts, inList, (facts & Gap.BulletLine) !== 0 || opensLine(text, start))) {
        questions[sentence] = facts & Gap.Question ? 1 : 0;
        sentence++;
        sentenceStarts.push(count);
      }
      if (facts !== Gap.None) clause++;
      if (facts & Gap.Newline) {
        endLine(facts);
        line++;
        lineStarts.push(count);
        lineFacts[line] = facts & Gap.BulletLine ? LineFact.Bullet : LineFact.None;
      }
      if (facts & Gap.BulletLine) inList = true;
      else if (facts & Gap.Newline) inList = false;
    }
    if (count === capacity) {
      capacity *= 2;
      columns = columns.map((column) => {
        const grown = new Int32Array(capacity);
        grown.set(column);
        return grown;
      });
      const grownQuoted = new Uint8Array(capacity);
      grownQuoted.set(quotedColumn);
      quotedColumn = grownQuoted;
    }
    quotedColumn[count] = quoted ? 1 : 0;
    previousWord = text.slice(start, end);
    previousEnd = end;
    columns[0]![count] = start;
    columns[1]![count] = end;
    columns[2]![count] = sentence;
    columns[3]![count] = clause;
    columns[4]![count] = line;
    keys.push(canonicalWord(previousWord));
    count++;
  });
  if (count > 0) {
    const facts = gapFacts(text, previousEnd, text.length, previousWord) | Gap.BlankLine;
    questions[sentence] = facts & Gap.Question ? 1 : 0;
    endLine(facts);
  }
  // A text without tokens has no sentence and no line.
  if (count === 0) sentenceStarts.length = lineStarts.length = 0;
  sentenceStarts.push(count);
  lineStarts.push(count);
  const [starts, ends, sentences, clauses, lines] = columns.map((column) => column.subarray(0, count)) as [
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Int32Array,
  ];
  return {
    count,
    starts,
    ends,
    keys,
    sentences,
    sentenceStarts: Int32Array.from(sentenceStarts),
    clauses,
    lines,
    lineStarts: Int32Array.from(lineStarts),
    lineFacts: Uint8Array.from(lineFacts),
    questions: Uint8Array.from(questions),
    quoted: quotedColumn.subarray(0, count),
  };
}

/**
 * Where a new sentence starts: after a full stop, "!" or "?" (but full stops inside a list item
 * only start a clause: "• Night pain. [1]"), after a blank line, and at a line break before a
 * capital letter, a digit or a bullet (a new paragraph, heading or list item; a line wrapped
 * mid-sentence goes on in lower case). Never after a colon: what follows it completes it.
 */
function startsSentence(facts: number, inList: boolean, nextStartsLine: boolean): boolean {
  if (facts & Gap.Colon) return false;
  if (inList && !(facts & Gap.Newline)) return false;
  if (facts & (Gap.Stop | Gap.BlankLine)) return true;
  return (facts & Gap.Newline) !== 0 && nextStartsLine;
}

/** Does the word at `start` begin with a capital letter or a digit? */
function opensLine(text: string, start: number): boolean {
  const code = text.charCodeAt(start);
  return (code >= 65 && code <= 90) || isDigit(code) || (code > 127 && text[start] !== text[start]!.toLowerCase());
}

/** The token keys of a short phrase, e.g. a lexicon variant or a trigger. */
export function phraseKeys(phrase: string): string[] {
  const keys: string[] = [];
  forEachWord(phrase, (start, end) => keys.push(canonicalWord(phrase.slice(start, end))));
  return keys;
}
