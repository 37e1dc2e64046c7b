/**
 * Scores the engine on an evaluation directory laid out like ../shared/eval (see its README):
 * `lookup-<set>.jsonl`, `detect-<set>.jsonl` and the texts in `detect-<set>/` (default ../shared/eval,
 * or e.g. `--dir tests/fixtures/holdout` for the held-out set):
 * lookup hit@1 / hit@3, mention recall, context accuracy, matches on texts with no mentions,
 * forbidden matches, and every miss. The lookup set is the one named like the detect set, or
 * `--lookup FILE` (e.g. tests/fixtures/holdout/lookup-extra.jsonl).
 *   npm run eval [-- --dir PATH] [--lookup FILE]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toLexiconSource } from '../content-data/build';
import { loadKnowledgeBase } from '../content-data/load';
import { compileLexicon, detect } from '../lib/detect';
import type { Detection, Match } from '../lib/types';
import { createSearcher } from '../lib/search';
import { CliError, runCli } from './cli-io';

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
}

const DEFAULT_DIR = resolve(import.meta.dirname, '../../shared/eval');

function readJsonLines<T>(path: string): T[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new CliError(`${path}: cannot read the evaluation set`);
  }
  return text.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as T);
}

/** The one file of `dir` whose name is `<prefix>-<set>.jsonl`. */
function setFile(dir: string, names: string[], prefix: string): string {
  const found = names.filter((name) => name.startsWith(`${prefix}-`) && name.endsWith('.jsonl'));
  if (found.length !== 1) throw new CliError(`${dir}: expected exactly one ${prefix}-*.jsonl, found ${found.length}`);
  return found[0] as string;
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    throw new CliError(`${dir}: cannot read the evaluation set`);
  }
}

/** The text of a dev file: everything after the `SOURCE:` line and the blank line under it. */
function bodyOf(fileText: string): string {
  return fileText.replace(/^SOURCE:[^\n]*\n\r?\n?/, '');
}

const ratio = (hits: number, total: number) => (total === 0 ? 'n/a' : `${(hits / total).toFixed(3)} (${hits}/${total})`);

function overlapping(matches: Match[], start: number, end: number): Match[] {
  return matches.filter((match) => match.start < end && match.end > start);
}

function carrying(matches: Match[], ids: string[]): Match | undefined {
  return matches.find((match) => [...match.topicIds, ...match.redFlagIds].some((id) => ids.includes(id)));
}

function describeMatches(matches: Match[]): string {
  if (matches.length === 0) return 'no match';
  return matches.map((m) => `"${m.text}" ${m.context} [${[...m.redFlagIds, ...m.topicIds].join(', ')}]`).join('; ');
}

/** The value after `flag` on the command line, resolved as a path. */
function pathOption(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? resolve(process.argv[at + 1] ?? '') : undefined;
}

runCli(() => {
  const dir = pathOption('--dir') ?? DEFAULT_DIR;
  const kb = loadKnowledgeBase();
  const search = createSearcher(kb);
  const lexicon = compileLexicon(toLexiconSource(kb));
  const misses: string[] = [];

  const names = listDir(dir);
  const detectLabels = setFile(dir, names, 'detect');
  const lookupPath = pathOption('--lookup') ?? join(dir, detectLabels.replace(/^detect-/, 'lookup-'));
  const lookups = readJsonLines<LookupCase>(lookupPath);
  let hit1 = 0;
  let hit3 = 0;
  for (const { q, expect } of lookups) {
    const ids = search(q).map((result) => result.id);
    if (expect.includes(ids[0] ?? '')) hit1++;
    else misses.push(`lookup "${q}": first ${ids[0] ?? 'nothing'}, expected ${expect.join(' or ')} (got ${ids.slice(0, 3).join(', ')})`);
    if (ids.slice(0, 3).some((id) => expect.includes(id))) hit3++;
  }

  const textsDir = join(dir, detectLabels.replace(/\.jsonl$/, ''));
  const cases = readJsonLines<DetectCase>(join(dir, detectLabels));
  let mentionsFound = 0;
  let mentionsTotal = 0;
  let contextsRight = 0;
  let contextsTotal = 0;
  let matchesOnEmpty = 0;
  let forbidden = 0;
  for (const testCase of cases) {
    const text = bodyOf(readFileSync(join(textsDir, testCase.file), 'utf8'));
    const detection: Detection = detect(text, lexicon);
    const at = (needle: string) => {
      const start = text.indexOf(needle);
      return start < 0 ? [] : overlapping(detection.matches, start, start + needle.length);
    };
    for (const mention of testCase.mentions) {
      mentionsTotal++;
      if (carrying(at(mention.text), mention.ids)) mentionsFound++;
      else misses.push(`${testCase.file} mention "${mention.text}" [${mention.ids.join(', ')}]: ${describeMatches(at(mention.text))}`);
    }
    for (const label of testCase.contexts) {
      contextsTotal++;
      const match = carrying(at(label.text), label.ids);
      if (match?.context === label.context) contextsRight++;
      else misses.push(`${testCase.file} context "${label.text}": expected ${label.context}, got ${match?.context ?? 'no match'}`);
    }
    if (testCase.mentions.length === 0 && detection.matches.length > 0) {
      matchesOnEmpty += detection.matches.length;
      misses.push(`${testCase.file} has no mentions but matched: ${describeMatches(detection.matches)}`);
    }
    for (const banned of testCase.mustNotMatch) {
      for (let start = text.indexOf(banned); start >= 0; start = text.indexOf(banned, start + 1)) {
        const hits = overlapping(detection.matches, start, start + banned.length);
        if (hits.length > 0) {
          forbidden += hits.length;
          misses.push(`${testCase.file} must not match "${banned}": ${describeMatches(hits)}`);
        }
      }
    }
  }

  const lines = [
    `lookup hit@1             ${ratio(hit1, lookups.length)}`,
    `lookup hit@3             ${ratio(hit3, lookups.length)}`,
    `mention recall           ${ratio(mentionsFound, mentionsTotal)}`,
    `context accuracy         ${ratio(contextsRight, contextsTotal)}`,
    `matches on empty texts   ${matchesOnEmpty}`,
    `forbidden matches        ${forbidden}`,
    misses.length === 0 ? 'misses: none' : `misses (${misses.length}):`,
    ...misses.map((miss) => `  - ${miss}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
});
