import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ContentError, RED_FLAG_IDS, TOPIC_IDS } from '../../content-data/build';
import { loadKnowledgeBase } from '../../content-data/load';
import { brokenCases, tempContentDirs } from '../fixtures/content-broken/valid-base';

const contentDir = tempContentDirs();

function runContentCli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/content.ts', ...args], { encoding: 'utf8' });
}

const cases = brokenCases();

it('has the broken cases the checks promise', () => {
  expect(cases.map((c) => c.name).sort()).toEqual(
    ['bad-url', 'conflicting-variant', 'invalid-json', 'missing-field', 'missing-source', 'unknown-red-flag'].sort(),
  );
});

it('the valid base loads, so each case fails only for its own defect', () => {
  const kb = loadKnowledgeBase(contentDir());
  expect(kb.topics).toHaveLength(TOPIC_IDS.length);
});

describe.each(cases)('broken content: $name', ({ dir, expected }) => {
  const brokenDir = contentDir(dir);

  it('the loader throws a ContentError naming file, entry and field', () => {
    expect(() => loadKnowledgeBase(brokenDir)).toThrow(ContentError);
    expect(() => loadKnowledgeBase(brokenDir)).toThrow(`/${expected}`);
  });

});

describe('content CLI', () => {
  it('prints the validated knowledge base as JSON with every fixed id', () => {
    const result = runContentCli('--json', '--dir', contentDir());
    expect(result.status).toBe(0);
    const kb = JSON.parse(result.stdout) as { topics: { id: string }[]; redFlags: { id: string; urgency: string }[] };
    expect(kb.topics.map((t) => t.id)).toEqual([...TOPIC_IDS]);
    expect(kb.redFlags.map((r) => r.id)).toEqual(RED_FLAG_IDS);
    expect(Object.keys(kb).sort()).toEqual(['concepts', 'context', 'redFlags', 'sources', 'terms', 'topics']);
  });

  it('prints a summary of counts without --json', () => {
    const result = runContentCli('--dir', contentDir());
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/topics:\s+25\b/);
    expect(result.stdout).toMatch(/red flags:\s+11\b/);
  });

  it('fails cleanly on a broken folder: the problems on stderr, exit 1, no stack trace', () => {
    const brokenCase = cases.find((c) => c.name === 'unknown-red-flag');
    const result = runContentCli('--json', '--dir', contentDir(brokenCase?.dir));
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`/${brokenCase?.expected}`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('fails cleanly on a folder that does not exist', () => {
    const result = runContentCli('--dir', 'no/such/folder');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('no/such/folder: no such content folder');
  });
});
