/**
 * Scores the engine on evaluation sets laid out like ../shared/eval (see its README).
 *
 *   npm run eval                       the dev set (figures and misses), then the real set: figures for
 *                                      each fixed half (odd / even file numbers) and for all of it
 *   npm run eval -- --dir PATH         one set: `detect-<set>.jsonl` + `detect-<set>/` + `lookup-<set>.jsonl`
 *                                      (e.g. tests/fixtures/holdout), or `labels.jsonl` + `texts/` +
 *                                      `lookup.jsonl` if it has one (e.g. ../shared/eval/real)
 *   --half odd|even                    only that half of the set (texts and lookup queries by number)
 *   --misses                           also list the misses of the real set or of --dir (left out by
 *                                      default, so that measuring a set you have not tuned on shows figures only)
 *   --lookup FILE                      score these lookup queries instead of the set's own
 *
 * Figures: lookup hit@1 / hit@3; mention recall, red-flag recall, context accuracy; page urgency right,
 * false emergencies, missed emergencies (where labels give an urgency); matches on texts with no
 * mentions, forbidden matches.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { toLexiconSource } from '../content-data/build';
import { loadKnowledgeBase } from '../content-data/load';
import { compileLexicon, detect } from '../lib/detect';
import type { Detection, Level, Match } from '../lib/types';
import { createSearcher } from '../lib/search';
import { CliError, parseOptions, runCli } from './cli-io';

interface LookupCase {
  q: string;
  expect: string[];
}
interface Labelled {
  text: string;
  ids: string[];
  context?: string;
}
interface DetectCase {
  file: string;
  mentions: Labelled[];
  contexts: Labelled[];
  mustNotMatch: string[];
  urgency?: Level[];
}
interface EvalSet {
  name: string;
  cases: DetectCase[];
  lookups: LookupCase[];
  textOf(file: string): string;
}
type Half = 'odd' | 'even';

const SHARED_EVAL = resolve(import.meta.dirname, '../../shared/eval');

function readJsonLines<T>(path: string): T[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CliError(`${path}: cannot read the evaluation set`);
  }
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as T);
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    throw new CliError(`${dir}: cannot read the evaluation set`);
  }
}

/** The text of an evaluation file: everything after the `SOURCE:` line and the blank line under it. */
function bodyOf(fileText: string): string {
  return fileText.replace(/^SOURCE:[^\n]*\n\r?\n?/, '');
}

function loadSet(dir: string, lookupPath?: string): EvalSet {
  const names = listDir(dir);
  if (names.includes('labels.jsonl')) {
    return {
      name: basename(dir),
      cases: readJsonLines<DetectCase>(join(dir, 'labels.jsonl')),
      // A set of texts alone (no lookup queries) is scored on detection only.
      lookups: lookupPath || names.includes('lookup.jsonl') ? readJsonLines<LookupCase>(lookupPath ?? join(dir, 'lookup.jsonl')) : [],
      textOf: (file) => bodyOf(readFileSync(join(dir, 'texts', file), 'utf8')),
    };
  }
  const found = names.filter((name) => name.startsWith('detect-') && name.endsWith('.jsonl'));
  if (found.length !== 1) throw new CliError(`${dir}: expected labels.jsonl or exactly one detect-*.jsonl, found ${found.length}`);
  const labels = found[0]!;
  const textsDir = join(dir, labels.replace(/\.jsonl$/, ''));
  return {
    name: basename(dir),
    cases: readJsonLines<DetectCase>(join(dir, labels)),
    lookups: readJsonLines<LookupCase>(lookupPath ?? join(dir, labels.replace(/^detect-/, 'lookup-'))),
    textOf: (file) => bodyOf(readFileSync(join(textsDir, file), 'utf8')),
  };
}

/** The number in a file name ("p07.txt" is 7). */
const fileNumber = (file: string): number => Number(/(\d+)/.exec(file)?.[1] ?? 0);
const inHalf = (n: number, half: Half): boolean => (n % 2 === 1) === (half === 'odd');

/** One fixed half: texts by their file number, lookup queries by their line number (from 1). */
function halfOf(set: EvalSet, half: Half): EvalSet {
  return {
    ...set,
    name: `${set.name} (${half} half)`,
    cases: set.cases.filter((testCase) => inHalf(fileNumber(testCase.file), half)),
    lookups: set.lookups.filter((_, i) => inHalf(i + 1, half)),
  };
}

const overlapping = (matches: Match[], start: number, end: number): Match[] =>
  matches.filter((match) => match.start < end && match.end > start);

const carrying = (matches: Match[], ids: string[]): Match | undefined =>
  matches.find((match) => [...match.topicIds, ...match.redFlagIds].some((id) => ids.includes(id)));

function describeMatches(matches: Match[]): string {
  if (matches.length === 0) return 'no match';
  return matches.map((m) => `"${m.text}" ${m.context} [${[...m.redFlagIds, ...m.topicIds].join(', ')}]`).join('; ');
}

/** Counts of one figure: right out of all. */
class Tally {
  hits = 0;
  total = 0;
  add(hit: boolean): boolean {
    this.total++;
    if (hit) this.hits++;
    return hit;
  }
  toString(): string {
    return this.total === 0 ? 'n/a' : `${(this.hits / this.total).toFixed(3)} (${this.hits}/${this.total})`;
  }
}

interface Scores {
  hit1: Tally;
  hit3: Tally;
  mentions: Tally;
  redFlagMentions: Tally;
  contexts: Tally;
  urgency: Tally;
  falseEmergencies: number;
  missedEmergencies: number;
  matchesOnEmpty: number;
  forbidden: number;
  misses: string[];
}

function scoreLookups(lookups: LookupCase[], search: (q: string) => { id: string }[], scores: Scores): void {
  for (const { q, expect } of lookups) {
    const ids = search(q).map((result) => result.id);
    if (!scores.hit1.add(expect.includes(ids[0] ?? ''))) {
      scores.misses.push(`lookup "${q}": first ${ids[0] ?? 'nothing'}, expected ${expect.join(' or ')} (got ${ids.slice(0, 3).join(', ')})`);
    }
    scores.hit3.add(ids.slice(0, 3).some((id) => expect.includes(id)));
  }
}

function scoreCase(testCase: DetectCase, text: string, detection: Detection, scores: Scores): void {
  const { file } = testCase;
  const at = (needle: string) => {
    const start = text.indexOf(needle);
    return start < 0 ? [] : overlapping(detection.matches, start, start + needle.length);
  };
  for (const mention of testCase.mentions) {
    const found = carrying(at(mention.text), mention.ids) !== undefined;
    scores.mentions.add(found);
    if (mention.ids.some((id) => id.startsWith('rf-'))) scores.redFlagMentions.add(found);
    if (!found) scores.misses.push(`${file} mention "${mention.text}" [${mention.ids.join(', ')}]: ${describeMatches(at(mention.text))}`);
  }
  for (const label of testCase.contexts) {
    const match = carrying(at(label.text), label.ids);
    if (!scores.contexts.add(match?.context === label.context)) {
      scores.misses.push(`${file} context "${label.text}": expected ${label.context}, got ${match?.context ?? 'no match'}`);
    }
  }
  if (testCase.urgency) {
    const allowed = testCase.urgency;
    if (!scores.urgency.add(allowed.includes(detection.urgency))) {
      scores.misses.push(`${file} urgency: expected ${allowed.join(' or ')}, got ${detection.urgency}`);
    }
    if (detection.urgency === 'emergency' && !allowed.includes('emergency')) scores.falseEmergencies++;
    if (detection.urgency !== 'emergency' && allowed.length === 1 && allowed[0] === 'emergency') scores.missedEmergencies++;
  }
  if (testCase.mentions.length === 0 && detection.matches.length > 0) {
    scores.matchesOnEmpty += detection.matches.length;
    scores.misses.push(`${file} has no mentions but matched: ${describeMatches(detection.matches)}`);
  }
  for (const banned of testCase.mustNotMatch) {
    for (let start = text.indexOf(banned); start >= 0; start = text.indexOf(banned, start + 1)) {
      const hits = overlapping(detection.matches, start, start + banned.length);
      if (hits.length > 0) {
        scores.forbidden += hits.length;
        scores.misses.push(`${file} must not match "${banned}": ${describeMatches(hits)}`);
      }
    }
  }
}

function score(set: EvalSet, run: (text: string) => Detection, search: (q: string) => { id: string }[]): Scores {
  const scores: Scores = {
    hit1: new Tally(),
    hit3: new Tally(),
    mentions: new Tally(),
    redFlagMentions: new Tally(),
    contexts: new Tally(),
    urgency: new Tally(),
    falseEmergencies: 0,
    missedEmergencies: 0,
    matchesOnEmpty: 0,
    forbidden: 0,
    misses: [],
  };
  scoreLookups(set.lookups, search, scores);
  for (const testCase of set.cases) {
    const text = set.textOf(testCase.file);
    scoreCase(testCase, text, run(text), scores);
  }
  return scores;
}

function report(set: EvalSet, scores: Scores, withMisses: boolean): string[] {
  const withUrgency = scores.urgency.total > 0;
  const lines = [
    `## ${set.name}: ${set.cases.length} texts, ${set.lookups.length} lookup queries`,
    `lookup hit@1             ${scores.hit1}`,
    `lookup hit@3             ${scores.hit3}`,
    `mention recall           ${scores.mentions}`,
    `red-flag recall          ${scores.redFlagMentions}`,
    `context accuracy         ${scores.contexts}`,
    ...(withUrgency
      ? [
          `page urgency             ${scores.urgency}`,
          `false emergencies        ${scores.falseEmergencies}`,
          `missed emergencies       ${scores.missedEmergencies}`,
        ]
      : []),
    `matches on empty texts   ${scores.matchesOnEmpty}`,
    `forbidden matches        ${scores.forbidden}`,
  ];
  if (withMisses) {
    lines.push(scores.misses.length === 0 ? 'misses: none' : `misses (${scores.misses.length}):`);
    lines.push(...scores.misses.map((miss) => `  - ${miss}`));
  }
  return [...lines, ''];
}

runCli(() => {
  const { flags, values } = parseOptions(process.argv.slice(2), ['--misses'], ['--dir', '--half', '--lookup']);
  const half = values.get('--half');
  if (half !== undefined && half !== 'odd' && half !== 'even') throw new CliError('--half must be odd or even');
  const lookupPath = values.has('--lookup') ? resolve(values.get('--lookup')!) : undefined;

  const kb = loadKnowledgeBase();
  const search = createSearcher(kb);
  const lexicon = compileLexicon(toLexiconSource(kb));
  const run = (text: string) => detect(text, lexicon);
  const lines: string[] = [];
  const show = (set: EvalSet, withMisses: boolean) => lines.push(...report(set, score(set, run, search), withMisses));

  if (values.has('--dir')) {
    const set = loadSet(resolve(values.get('--dir')!), lookupPath);
    show(half ? halfOf(set, half) : set, flags.has('--misses'));
  } else {
    show(loadSet(SHARED_EVAL, lookupPath), true);
    const realDir = join(SHARED_EVAL, 'real');
    if (existsSync(realDir)) {
      const real = loadSet(realDir);
      const halves: EvalSet[] = half ? [halfOf(real, half)] : [halfOf(real, 'odd'), halfOf(real, 'even'), real];
      for (const set of halves) show(set, flags.has('--misses'));
    }
  }
  process.stdout.write(`${lines.join('\n')}`);
});
