/**
 * Throughput and latency figures (no pass/fail):
 * - detection (scan + context + triage) on ~1 MB of forum text, against one RegExp per variant
 *   (how mark.js highlights keywords) over the same text;
 * - the token-trie scan against one trie-factored RegExp over all variants (the alternative design);
 * - lookup latency p50 / p95 (wall time) over the lookup dev queries.
 *   npm run bench
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toLexiconSource } from '../content-data/build';
import { loadKnowledgeBase } from '../content-data/load';
import { compileLexicon, detect } from '../lib/detect';
import { findMatches } from '../lib/match';
import { createSearcher } from '../lib/search';
import { tokenize } from '../lib/text';
import { runCli } from './cli-io';

const EVAL_DIR = resolve(import.meta.dirname, '../../shared/eval');
const DEMO_PAGE = resolve(import.meta.dirname, '../tests/fixtures/pages/demo-forum.html');
const TARGET_BYTES = 1_000_000;

function pageText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function benchText(): string {
  const dir = join(EVAL_DIR, 'detect-dev');
  const parts = readdirSync(dir).map((file) => readFileSync(join(dir, file), 'utf8').replace(/^SOURCE:[^\n]*\n/, ''));
  if (existsSync(DEMO_PAGE)) parts.push(pageText(readFileSync(DEMO_PAGE, 'utf8')));
  const unit = parts.join('\n\n');
  return unit.repeat(Math.ceil(TARGET_BYTES / unit.length)).slice(0, TARGET_BYTES);
}

/**
 * Median milliseconds of CPU time (user + system, all of this process's threads) of `runs` calls
 * after one warm-up. CPU time rather than wall time: the figures stay comparable on a busy machine.
 */
function timeMs(runs: number, work: () => unknown): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return percentile(times, 0.5);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const variantPattern = (variant: string) => variant.trim().split(/\s+/).map(escape).join('\\s+');

/** mark.js style: one case-insensitive whole-word RegExp per variant, each run over the whole text. */
function perVariantRegExps(variants: string[]): (text: string) => number {
  const patterns = variants.map((variant) => new RegExp(`\\b${variantPattern(variant)}\\b`, 'giu'));
  return (text) => {
    let count = 0;
    for (const pattern of patterns) for (const _ of text.matchAll(pattern)) count++;
    return count;
  };
}

interface CharTrie {
  next: Map<string, CharTrie>;
  end: boolean;
}

/** One alternation over all variants, factored by common prefixes: "back (?:pain|ache)". */
function trieFactoredRegExp(variants: string[]): (text: string) => number {
  const root: CharTrie = { next: new Map(), end: false };
  for (const variant of variants) {
    let node = root;
    for (const ch of variant.toLowerCase().trim().replace(/\s+/g, ' ')) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  const source = (node: CharTrie): string => {
    const branches = [...node.next].map(([ch, child]) => (ch === ' ' ? '\\s+' : escape(ch)) + source(child));
    if (branches.length === 0) return '';
    const group = branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
    return node.end ? `(?:${group})?` : group;
  };
  const pattern = new RegExp(`\\b${source(root)}\\b`, 'giu');
  return (text) => {
    let count = 0;
    for (const _ of text.matchAll(pattern)) count++;
    return count;
  };
}

runCli(() => {
  const kb = loadKnowledgeBase();
  const lexicon = compileLexicon(toLexiconSource(kb));
  const variants = kb.terms.flatMap((term) => term.variants);
  const text = benchText();
  const megabytes = text.length / 1e6;
  const mbPerS = (ms: number) => megabytes / (ms / 1000);

  const detectMs = timeMs(15, () => detect(text, lexicon));
  const scanMs = timeMs(15, () => findMatches(tokenize(text), lexicon));
  const factoredMs = timeMs(9, trieFactoredRegExp(variants).bind(null, text));
  const baselineMs = timeMs(1, perVariantRegExps(variants).bind(null, text));

  const search = createSearcher(kb);
  const queries = readFileSync(join(EVAL_DIR, 'lookup-dev.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { q: string }).q);
  for (const query of queries) search(query);
  const latencies: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const query of queries) {
      const start = performance.now();
      search(query);
      latencies.push(performance.now() - start);
    }
  }

  const matches = detect(text, lexicon).matches.length;
  const lines = [
    `text: ${megabytes.toFixed(2)} MB, ${variants.length} variants, ${matches} matches`,
    `detection (scan + context + triage)  ${mbPerS(detectMs).toFixed(1)} MB/s  (${detectMs.toFixed(1)} ms)`,
    `baseline, one RegExp per variant     ${mbPerS(baselineMs).toFixed(2)} MB/s  (${baselineMs.toFixed(0)} ms)`,
    `detection / baseline                 ${(baselineMs / detectMs).toFixed(1)}x`,
    `scan only: token trie                ${mbPerS(scanMs).toFixed(1)} MB/s  (${scanMs.toFixed(1)} ms)`,
    `scan only: trie-factored RegExp      ${mbPerS(factoredMs).toFixed(1)} MB/s  (${factoredMs.toFixed(1)} ms, no normalisation)`,
    `lookup latency over ${latencies.length} queries      ` +
      `p50 ${percentile(latencies, 0.5).toFixed(3)} ms, p95 ${percentile(latencies, 0.95).toFixed(3)} ms`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
});
