import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const run = (script: string, args: string[], input?: string | Buffer) =>
  spawnSync(tsx, [join(root, 'scripts', script), ...args], { cwd: root, input, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'bpl-cli-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('lookup CLI', () => {
  it('prints one JSON document with ranked results', () => {
    const out = JSON.parse(execFileSync(tsx, ['scripts/lookup.ts', '--json', 'multiple', 'myeloma'], { cwd: root, encoding: 'utf8' }));
    expect(out.query).toBe('multiple myeloma');
    expect(out.results[0]).toMatchObject({ id: 'multiple-myeloma', kind: 'topic' });
    expect(out.results.length).toBeLessThanOrEqual(10);
  });
  it('answers one JSON line per input line in --batch mode, empty lines included', () => {
    const result = run('lookup.ts', ['--json', '--batch'], 'sciatica\n\nrehab\n');
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.query)).toEqual(['sciatica', '', 'rehab']);
    expect(lines[1].results).toEqual([]);
    expect(lines[2].results[0].id).toBe('rehabilitation');
  });
  it('prints a readable list without --json', () => {
    expect(run('lookup.ts', ['sciatica']).stdout).toMatch(/1\. Sciatica/);
  });
  it('fails with one line on an unknown option', () => {
    const result = run('lookup.ts', ['--nope', 'x']);
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('detect CLI', () => {
  it('prints one JSON line per file, in order, with the contract fields', () => {
    const a = file('a.txt', 'My legs keep giving way and my back hurts.');
    const b = file('b.txt', 'Our backup job failed.');
    const result = run('detect.ts', ['--json', a, b]);
    expect(result.status).toBe(0);
    const [first, second] = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(Object.keys(first)).toEqual(['file', 'matches', 'redFlags', 'topics', 'urgency', 'subject']);
    expect(first.file).toBe(a);
    expect(first.urgency).toBe('emergency');
    expect(first.redFlags).toEqual([{ id: 'rf-leg-weakness', context: 'affirmed', experiencer: 'writer' }]);
    expect(first.matches[0]).toEqual({
      start: 3, end: 23, text: 'legs keep giving way', termId: 'leg-weakness',
      topicIds: ['metastatic-spinal-cord-compression', 'cauda-equina-syndrome'], redFlagIds: ['rf-leg-weakness'], context: 'affirmed',
      experiencer: 'writer',
    });
    expect(second).toMatchObject({ file: b, matches: [], redFlags: [], topics: [], urgency: 'none' });
  });
  it("says whose the urgency is: a carer's post gets the urgency of the person it is about", () => {
    const post = file('carer.txt', 'My mum has myeloma and since yesterday she cant walk and her legs are numb.');
    const detection = JSON.parse(run('detect.ts', ['--json', post]).stdout);
    expect(detection).toMatchObject({ urgency: 'emergency', subject: 'other' });
    expect(detection.redFlags).toContainEqual({ id: 'rf-leg-weakness', context: 'other-person', experiencer: 'other' });
    expect(run('detect.ts', [post]).stdout).toMatch(/urgency emergency, for the person the text is about/);
  }, 30_000);
  it('reads saved pages as posts with --html: authors, per-post urgency, no combination across posts', () => {
    const demo = join(root, 'tests/fixtures/pages/demo-forum.html');
    const plain = file('plain.html', '<html><body><h1>Back pain</h1><p>Most back pain settles in a few weeks.</p></body></html>');
    const [thread, page] = run('detect.ts', ['--json', '--html', demo, plain])
      .stdout.trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(thread.file).toBe(demo);
    expect(thread.posts.map((post: { author: string }) => post.author)).toEqual([
      'marta_k', 'physio_dan', 'GaryT', 'anon_lurker', 'physio_dan', 'marta_k',
    ]);
    expect(thread.posts.map((post: { urgency: string }) => post.urgency)).toEqual([
      'urgent', 'routine', 'urgent', 'emergency', 'routine', 'routine',
    ]);
    expect(thread.urgency).toBe('emergency');
    // The cancer history is marta_k's, the heavy legs anon_lurker's: no post joins them.
    const first = thread.posts[0];
    expect(first.redFlags).toContainEqual({ id: 'rf-cancer-history', context: 'affirmed', experiencer: 'writer' });
    expect(first.redFlags.filter((flag: { context: string }) => flag.context === 'affirmed').map((flag: { id: string }) => flag.id))
      .not.toContain('rf-leg-weakness');
    for (const post of thread.posts) expect(post.start).toBeLessThan(post.end);
    expect(thread.matches.every((match: { start: number; end: number }) => match.start < match.end)).toBe(true);
    expect(page.posts).toEqual([expect.objectContaining({ author: null, urgency: 'routine' })]);
    expect(page.urgency).toBe('routine');
  }, 30_000);
  it('reads standard input for -', () => {
    const result = run('detect.ts', ['--json', '-'], 'siatica again');
    expect(JSON.parse(result.stdout).topics).toEqual(['sciatica']);
  });
  it.each([
    ['empty', file('empty.txt', ''), /is empty/],
    ['white space only', file('blank.txt', ' \n\t'), /white space/],
    ['binary', file('bin.dat', Buffer.from([0x50, 0x00, 0x01, 0x02])), /binary/],
    ['not UTF-8', file('latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x62])), /not valid UTF-8/],
    ['missing', join(dir, 'missing.txt'), /cannot read/],
    ['a directory', dir, /cannot read/],
  ])('refuses %s input with one stderr line and a non-zero exit', (_, path, message) => {
    const result = run('detect.ts', ['--json', path]);
    expect(result.status).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
  it('still reports the good files when one is bad', () => {
    const good = file('good.txt', 'sciatica');
    const result = run('detect.ts', ['--json', join(dir, 'missing.txt'), good]);
    expect(result.status).not.toBe(0);
    expect(JSON.parse(result.stdout).file).toBe(good);
  });
  it('prints a readable summary without --json', () => {
    const result = run('detect.ts', [file('s.txt', 'I have lost bladder control.')]);
    expect(result.stdout).toMatch(/urgency emergency/);
    expect(result.stdout).toMatch(/"lost bladder control" affirmed/);
  });
});

describe('eval CLI', () => {
  it('prints every figure of the evaluation README for the dev set and each half of the real set', () => {
    const result = run('eval.ts', []);
    expect(result.status).toBe(0);
    const labels = ['lookup hit@1', 'lookup hit@3', 'mention recall', 'red-flag recall', 'context accuracy', 'matches on empty texts', 'forbidden matches'];
    for (const label of labels) expect(result.stdout).toMatch(new RegExp(`^${label}\\s+\\S`, 'm'));
    for (const label of ['page urgency', 'false emergencies', 'missed emergencies']) expect(result.stdout).toMatch(new RegExp(`^${label}\\s+\\d`, 'm'));
    expect(result.stdout).toMatch(/^## real \(odd half\)/m);
    expect(result.stdout).toMatch(/^## real \(even half\)/m);
    // The dev set's misses are listed; the real set's only when asked for.
    expect(result.stdout.split('## real')[0]).toMatch(/^misses/m);
    expect(result.stdout.split('## real')[1]).not.toMatch(/^misses/m);
  }, 60_000);
  it('shows one set figures only, its misses only when asked for (a set measured once stays unseen)', () => {
    const holdout = join(process.cwd(), 'tests', 'fixtures', 'holdout');
    const figures = run('eval.ts', ['--dir', holdout]);
    expect(figures.status).toBe(0);
    expect(figures.stdout).toMatch(/^mention recall\s+\d/m);
    expect(figures.stdout).not.toMatch(/^misses/m);
    expect(run('eval.ts', ['--dir', holdout, '--misses']).stdout).toMatch(/^misses/m);
  }, 60_000);
  it('fails with one line when the evaluation set is missing', () => {
    const result = run('eval.ts', ['--dir', join(dir, 'nowhere')]);
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('bench CLI', () => {
  it('fails with one line on options that go with --detect-only alone', () => {
    const result = run('bench.ts', ['--against', 'main']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('--against and --runs go with --detect-only');
  });
  it('fails with one line when the commit to compare with does not exist', () => {
    const result = run('bench.ts', ['--detect-only', '--against', 'no-such-commit']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('--against no-such-commit: not a commit of this repository');
  });
});
