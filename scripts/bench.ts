/**
 * Throughput and latency figures (no pass/fail):
 * - detection (scan + context + triage) on ~1 MB of forum text, against one RegExp per variant
 *   (how mark.js highlights keywords) over the same text;
 * - the token-trie scan against one trie-factored RegExp over all variants (the alternative design);
 * - lookup latency p50 / p95 (wall time) over the lookup dev queries.
 *   npm run bench
 * Detection only, against the engine of another commit, in alternating processes:
 *   npm run bench -- --detect-only [--against REF] [--runs N]     (REF: main by default)
 * (each of those processes is this script with `--engine DIR --runs N`: one engine's times, as JSON).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toLexiconSource } from '../content-data/build';
import { loadKnowledgeBase } from '../content-data/load';
import { compileLexicon, detect } from '../lib/detect';
import { findMatches } from '../lib/match';
import { createSearcher } from '../lib/search';
import { tokenize } from '../lib/text';
import { CliError, parseOptions, runCli } from './cli-io';

const EVAL_DIR = resolve(import.meta.dirname, '../../shared/eval');
const DEMO_PAGE = resolve(import.meta.dirname, '../tests/fixtures/pages/demo-forum.html');
const TARGET_BYTES = 1_000_000;
const REPOSITORY = resolve(import.meta.dirname, '..');
/** Engines of other commits, extracted once per commit; inside node_modules so that their imports resolve to ours. */
const BASELINE_CACHE = join(REPOSITORY, 'node_modules/.cache/bench-baseline');

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

/** Milliseconds of CPU time (user + system, all of this process's threads) of one call: comparable on a busy machine. */
function cpuMs(work: () => unknown): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Median CPU milliseconds of `runs` calls after one warm-up. */
function timeMs(runs: number, work: () => unknown): number {
  work();
  return percentile(Array.from({ length: runs }, () => cpuMs(work)), 0.5);
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

type Detector = (text: string) => unknown;

/** A detector over `dir`'s own engine and content (this worktree's, or an extracted commit's). */
async function detectorOf(dir: string): Promise<Detector> {
  const build = (await import(join(dir, 'content-data/build.ts'))) as typeof import('../content-data/build');
  const load = (await import(join(dir, 'content-data/load.ts'))) as typeof import('../content-data/load');
  const engine = (await import(join(dir, 'lib/detect/index.ts'))) as typeof import('../lib/detect');
  const lexicon = engine.compileLexicon(build.toLexiconSource(load.loadKnowledgeBase()));
  return (text) => engine.detect(text, lexicon);
}

/** The engine and content of commit `ref`, extracted from git once into the cache. */
function extractCommit(ref: string): { dir: string; commit: string } {
  let commit: string;
  try {
    commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: REPOSITORY, encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch {
    throw new CliError(`--against ${ref}: not a commit of this repository`);
  }
  const dir = join(BASELINE_CACHE, commit);
  if (existsSync(dir)) return { dir, commit };
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const archive = execFileSync('git', ['archive', commit, 'lib', 'content-data'], { cwd: REPOSITORY, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', partial], { input: archive });
  renameSync(partial, dir);
  return { dir, commit };
}

/** The median of before[i] / after[i]: runs next to each other saw the same load. */
function pairedRatio(before: number[], after: number[]): number {
  return percentile(before.map((ms, i) => ms / after[i]!), 0.5);
}

/** What one engine's process reports: its CPU milliseconds per run and a digest of what it detected. */
interface EngineRuns {
  times: number[];
  digest: string;
}

/** Runs the engine takes before it is timed: the first few of a process are slower, while the compiler settles. */
const WARM_UP_RUNS = 3;

/** Runs `runs` detections of the bench text with `dir`'s engine after a warm-up (in a process of its own, see `detectAgainst`). */
async function engineRuns(dir: string, runs: number): Promise<EngineRuns> {
  const detect = await detectorOf(dir);
  const text = benchText();
  const digest = createHash('sha256').update(JSON.stringify(detect(text))).digest('hex');
  for (let i = 1; i < WARM_UP_RUNS; i++) detect(text);
  return { times: Array.from({ length: runs }, () => cpuMs(() => detect(text))), digest };
}

/**
 * Detection of this worktree against the baseline commit's, each engine in processes of its own
 * (two engines in one process share its heap and collector, which skews the second), the processes
 * alternating: a busy machine slows both alike, and the ratio of the medians is what changed.
 */
function detectAgainst(ref: string, runs: number): string[] {
  const baseline = extractCommit(ref);
  const engines = [
    { name: 'this worktree', dir: REPOSITORY, times: [] as number[], digests: new Set<string>() },
    { name: `${ref} (${baseline.commit.slice(0, 10)})`, dir: baseline.dir, times: [] as number[], digests: new Set<string>() },
  ];
  const perProcess = 5;
  for (let round = 0; round * perProcess < runs; round++) {
    for (const engine of round % 2 === 0 ? engines : [...engines].reverse()) {
      const output = execFileSync(process.execPath, [...process.execArgv, import.meta.filename, '--engine', engine.dir, '--runs', String(perProcess)], {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      });
      const reported = JSON.parse(output) as EngineRuns;
      engine.times.push(...reported.times);
      engine.digests.add(reported.digest);
    }
  }
  const medians = engines.map((engine) => percentile(engine.times, 0.5));
  const megabytes = benchText().length / 1e6;
  const spread = (times: number[]) => `${Math.min(...times).toFixed(0)} – ${Math.max(...times).toFixed(0)} ms`;
  const [ours, theirs] = engines.map((engine) => [...engine.digests].join());
  return [
    `text: ${megabytes.toFixed(2)} MB; detection (scan + context + triage), CPU time, median of ${engines[0]!.times.length} runs, ${perProcess} per process, processes alternating`,
    ...engines.map((engine, i) => {
      const median = medians[i]!;
      return `${engine.name.padEnd(24)} ${(megabytes / (median / 1000)).toFixed(1).padStart(6)} MB/s  (${median.toFixed(1)} ms; ${spread(engine.times)})`;
    }),
    `speed-up over ${ref}`.padEnd(25) +
      `${(medians[1]! / medians[0]!).toFixed(2)}x (median of each run's pair: ${pairedRatio(engines[1]!.times, engines[0]!.times).toFixed(2)}x)`,
    `detections                ${ours === theirs ? 'identical' : 'DIFFERENT'}`,
  ];
}

/** All figures: detection, the scans and lookup latency. */
function allFigures(): string[] {
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
  return [
    `text: ${megabytes.toFixed(2)} MB, ${variants.length} variants, ${matches} matches`,
    `detection (scan + context + triage)  ${mbPerS(detectMs).toFixed(1)} MB/s  (${detectMs.toFixed(1)} ms)`,
    `baseline, one RegExp per variant     ${mbPerS(baselineMs).toFixed(2)} MB/s  (${baselineMs.toFixed(0)} ms)`,
    `detection / baseline                 ${(baselineMs / detectMs).toFixed(1)}x`,
    `scan only: token trie                ${mbPerS(scanMs).toFixed(1)} MB/s  (${scanMs.toFixed(1)} ms)`,
    `scan only: trie-factored RegExp      ${mbPerS(factoredMs).toFixed(1)} MB/s  (${factoredMs.toFixed(1)} ms, no normalisation)`,
    `lookup latency over ${latencies.length} queries      ` +
      `p50 ${percentile(latencies, 0.5).toFixed(3)} ms, p95 ${percentile(latencies, 0.95).toFixed(3)} ms`,
  ];
}

async function main(): Promise<void> {
  const { flags, values } = parseOptions(process.argv.slice(2), ['--detect-only'], ['--against', '--runs', '--engine']);
  if (!flags.has('--detect-only') && !values.has('--engine') && values.size > 0) throw new CliError('--against and --runs go with --detect-only');
  const runs = Number(values.get('--runs') ?? 15);
  if (!Number.isInteger(runs) || runs < 1) throw new CliError('--runs needs a whole number of at least 1');
  const engine = values.get('--engine');
  if (engine !== undefined) {
    process.stdout.write(JSON.stringify(await engineRuns(engine, runs)));
    return;
  }
  const lines = flags.has('--detect-only') ? detectAgainst(values.get('--against') ?? 'main', runs) : allFigures();
  process.stdout.write(`${lines.join('\n')}\n`);
}

// Errors are reported as the other tools report them: one line, no stack trace.
main().catch((error: unknown) =>
  runCli(() => {
    throw error;
  }),
);
