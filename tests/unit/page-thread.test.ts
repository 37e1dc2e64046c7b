// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MUTATION_WINDOW_MS } from '../../lib/page/mutations';
import { PageScanner, type PostFinder } from '../../lib/page/scanner';
import type { Detection } from '../../lib/types';
import { detectThread } from '../../lib/detect/posts';
import { findPostsInSteps, threadSpansOf } from '../../lib/page/posts';
import { buildTextIndex } from '../../lib/page/text-index';
import { useHighlightFakes } from './page-dom-fakes';
import { documentScanner, scanLexicon } from './page-lexicon';
import { unpackDetection } from '../../lib/packed-detection';

useHighlightFakes();

const settle = () => new Promise((resolve) => setTimeout(resolve, MUTATION_WINDOW_MS * 3));
const fixture = (path: string) => readFileSync(resolve(import.meta.dirname, '../fixtures', path), 'utf8');

async function scan(html: string) {
  document.documentElement.innerHTML = html;
  const { scanner, reports } = documentScanner();
  await scanner.start();
  return { scanner, reports };
}

const postLines = (detection: Detection) => (detection.posts ?? []).map((post) => [post.index, post.author, post.urgency]);

describe('a thread scanned in the page', () => {
  it('reports each post with its own urgency, never combining posts, as the command line reads the saved page', async () => {
    const html = fixture('pages/demo-forum.html');
    const { scanner, reports } = await scan(html);
    const report = reports.at(-1)!;
    // What `detect --html` reads from the saved page: the same posts, authors and urgencies.
    const index = buildTextIndex(document.body);
    const page = threadSpansOf(document, index);
    const saved = detectThread(index.text, page.posts, page.unowned, scanLexicon().lexicon);
    expect(postLines(report)).toEqual(saved.posts.map((post) => [post.index, post.author, post.urgency]));
    expect(report.urgency).toBe('emergency');
    const emergencyBy = (report.posts ?? []).filter((post) => post.urgency === 'emergency').map((post) => post.author);
    expect(emergencyBy).toEqual(['anon_lurker']);
    // marta_k's cancer history and anon_lurker's heavy legs stay apart.
    for (const reason of report.reasons) {
      expect(reason.redFlagIds.includes('rf-cancer-history') && reason.redFlagIds.includes('rf-leg-weakness')).toBe(false);
    }
    scanner.stop();
  });

  it('keeps quoted words out of the replier’s post', async () => {
    const { scanner, reports } = await scan(fixture('threads/phpbb.html'));
    const report = reports.at(-1)!;
    // ravi_k quotes sue_b's emergency signs: they are found (for marks) in no post and count for no one.
    expect(postLines(report).slice(0, 3)).toEqual([[0, 'derek_p', 'urgent'], [1, 'sue_b', 'emergency'], [2, 'ravi_k', 'routine']]);
    expect(report.posts).toHaveLength(4);
    const unowned = report.matches.filter((match) => match.post === undefined && match.redFlagIds.length > 0);
    expect(unowned.length).toBeGreaterThan(0);
    scanner.stop();
  });

  it('gives a post loaded later a unit of its own, leaving the earlier posts as they were', async () => {
    const post = (name: string, words: string) => `<article class="post"><b class="author">${name}</b><p>${words}</p></article>`;
    const { scanner, reports } = await scan(
      `<body><main>${post('ann', 'I had breast cancer two years ago. My back aches a little after gardening.')}${post(
        'bob',
        'Mine too after digging, it eases with a hot bath and some stretching.',
      )}</main></body>`,
    );
    const before = reports.at(-1)!;
    expect(postLines(before)).toEqual([[0, 'ann', 'urgent'], [1, 'bob', 'none']]);
    document.querySelector('main')!.insertAdjacentHTML('beforeend', post('cy', 'Since yesterday my legs have gone weak and I keep stumbling.'));
    await settle();
    const after = reports.at(-1)!;
    expect(postLines(after)).toEqual([[0, 'ann', 'urgent'], [1, 'bob', 'none'], [2, 'cy', 'emergency']]);
    for (const reason of after.reasons) {
      expect(reason.redFlagIds.includes('rf-cancer-history') && reason.redFlagIds.includes('rf-leg-weakness')).toBe(false);
    }
    expect(scanner.revealPost(2)).toBe(true);
    expect(scanner.revealPost(7)).toBe(false);
    scanner.stop();
  });

  it('reads a big thread’s posts in slices, giving the page its turns', async () => {
    const post = (i: number) => `<article class="post"><b class="author">user${i}</b><p>My back aches a little after gardening, day ${i}.</p></article>`;
    document.documentElement.innerHTML = `<body><main>${Array.from({ length: 60 }, (_, i) => post(i)).join('')}</main></body>`;
    let turns = 0;
    let turnsWhileReading = 0;
    // Each post read takes a millisecond here: 60 ms in all, which the page must not wait through.
    const slowFinder: PostFinder = function* (page) {
      const steps = findPostsInSteps(page);
      const turnsBefore = turns;
      for (;;) {
        const step = steps.next();
        if (step.done) {
          turnsWhileReading = turns - turnsBefore;
          return step.value;
        }
        const end = performance.now() + 1;
        while (performance.now() < end);
        yield;
      }
    };
    const ticker = setInterval(() => turns++, 0);
    const reports: Detection[] = [];
    const scanner = new PageScanner({ document, loadLexicon: () => Promise.resolve(scanLexicon()), postFinder: () => Promise.resolve(slowFinder), onScanned: (detection) => reports.push(unpackDetection(detection())) });
    await scanner.start();
    clearInterval(ticker);
    expect(reports.at(-1)!.posts).toHaveLength(60);
    expect(turnsWhileReading).toBeGreaterThanOrEqual(4);
    scanner.stop();
  });

  it('finds a post whose words arrive after it, and lets go of a post that left', async () => {
    const post = (name: string, words: string) => `<article class="post"><b class="author">${name}</b><p>${words}</p></article>`;
    const { scanner, reports } = await scan(
      `<body><main>${post('ann', 'My back aches a little after gardening, nothing more.')}${post('bob', 'Mine too after digging, it eases with a hot bath.')}</main></body>`,
    );
    // A skeleton first (too short to be a post), its words a batch later, as a framework renders it.
    document.querySelector('main')!.insertAdjacentHTML('beforeend', '<article class="post"><b class="author">cy</b><p></p></article>');
    await settle();
    expect(postLines(reports.at(-1)!)).toEqual([[0, 'ann', 'routine'], [1, 'bob', 'none']]);
    document.querySelector('article:last-child p')!.append('Since yesterday my legs have gone weak and I keep stumbling.');
    document.querySelector('article')!.remove();
    await settle();
    expect(postLines(reports.at(-1)!)).toEqual([[1, 'bob', 'none'], [2, 'cy', 'emergency']]);
    expect(scanner.revealPost(0)).toBe(false);
    scanner.stop();
  });
});
