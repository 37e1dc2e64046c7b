// @vitest-environment happy-dom
/**
 * A live thread summed up at the cost of what changed: each post's summary is kept until its
 * matches change, and the page's summary is merged from them.
 */
import { describe, expect, it, vi } from 'vitest';
import * as posts from '../../lib/detect/posts';
import { MUTATION_WINDOW_MS } from '../../lib/page/mutations';
import type { Detection } from '../../lib/types';
import { marked, useHighlightFakes } from './page-dom-fakes';
import { documentScanner } from './page-lexicon';

vi.mock('../../lib/detect/posts', async (original) => {
  const actual = await original<typeof posts>();
  return { ...actual, summarizePost: vi.fn(actual.summarizePost) };
});

useHighlightFakes();

const settle = () => new Promise((resolve) => setTimeout(resolve, MUTATION_WINDOW_MS * 3));
/** Until the rescan after a mutation has reported (slices take longer on a busy machine): no fixed wait decides. */
const eventually = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: MUTATION_WINDOW_MS });

const WORDS = [
  'My back aches a little after gardening, nothing more.',
  'I had breast cancer two years ago and now my back hurts at night.',
  'Mine too after digging, it eases with a hot bath and some stretching.',
  'Since yesterday my legs have gone weak and I keep stumbling.',
  'My mum has numbness down there since this morning.',
  'The physio says my sciatica should settle with walking.',
];
const post = (i: number) => `<article class="post"><b class="author">user${i}</b><p>Day ${i}. ${WORDS[i % WORDS.length]}</p></article>`;
const thread = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => post(from + i)).join('');

async function scan(html: string) {
  document.documentElement.innerHTML = `<body><main>${html}</main></body>`;
  const { scanner, reports } = documentScanner();
  await scanner.start();
  return { scanner, last: () => reports.at(-1)! };
}

/** What a report says, apart from offsets (which are the scanned pieces' own). */
const said = ({ matches, ...summary }: Detection) => ({
  ...summary,
  matches: matches.map(({ text, termId, context, experiencer, post }) => ({ text, termId, context, experiencer, post })),
});

describe('a live thread summed up', () => {
  it('says the same of posts appended later as of the thread loaded at once', async () => {
    const whole = await scan(thread(0, 80));
    const atOnce = said(whole.last());
    whole.scanner.stop();
    const live = await scan(thread(0, 50));
    for (const [from, to] of [[50, 51], [51, 65], [65, 80]] as const) {
      document.querySelector('main')!.insertAdjacentHTML('beforeend', thread(from, to));
      await settle();
    }
    await eventually(() => expect(said(live.last())).toEqual(atOnce));
    expect(atOnce.posts).toHaveLength(80);
    expect(atOnce.urgency).toBe('emergency');
    live.scanner.stop();
  });

  it('summarises again only the posts whose matches changed', async () => {
    const { scanner, last } = await scan(thread(0, 120));
    expect(last().posts).toHaveLength(120);
    const summarized = vi.mocked(posts.summarizePost);
    summarized.mockClear();
    document.querySelector('main')!.insertAdjacentHTML('beforeend', post(120));
    await eventually(() => expect(last().posts).toHaveLength(121));
    // The new post and the few whose piece was scanned again with it (short pieces join the next).
    const summarizedPosts = new Set(summarized.mock.calls.map(([{ index }]) => index));
    expect(summarizedPosts.has(120)).toBe(true);
    expect(summarizedPosts.size).toBeLessThan(60);
    scanner.stop();
  });

  it('replaces what a changed post said, and forgets a post that left', async () => {
    const { scanner, last } = await scan(thread(0, 30));
    const weakLegs = (detection: Detection) =>
      detection.posts!.filter((summary) => summary.urgency === 'emergency' && summary.subject === 'writer').map((summary) => summary.author);
    expect(weakLegs(last())).toEqual(['user3', 'user9', 'user15', 'user21', 'user27']);
    expect(last().reasons.some((reason) => reason.redFlagIds.includes('rf-leg-weakness'))).toBe(true);
    for (const author of ['user3', 'user9', 'user15', 'user21']) {
      const paragraph = [...document.querySelectorAll('article')].find((article) => article.querySelector('b')!.textContent === author)!.querySelector('p')!;
      paragraph.textContent = 'My legs are fine again, only a stiff back.';
    }
    document.querySelectorAll('article')[27]!.remove();
    await eventually(() => expect(last().posts!.map((summary) => summary.author)).not.toContain('user27'));
    await eventually(() => expect(weakLegs(last())).toEqual([]));
    const after = last();
    expect(after.reasons.some((reason) => reason.redFlagIds.includes('rf-leg-weakness'))).toBe(false);
    expect(after.posts!.map((summary) => summary.author)).not.toContain('user27');
    scanner.stop();
  });

  it('reveals the match the report gave at an index, on a thread of many pieces', async () => {
    const { scanner, last } = await scan(thread(0, 400));
    const report = last();
    // Late in the page, in a piece of its own: its offset is small within its piece, not in the page.
    const index = report.matches.findLastIndex((match) => match.text === 'sciatica');
    expect(index).toBeGreaterThan(report.matches.length / 2);
    expect(scanner.reveal(index)).toBe(true);
    expect(marked(scanner.marks.highlightNames.flash)).toEqual(['sciatica']);
    const first = report.matches.findIndex((match) => match.text === 'numbness down there');
    expect(scanner.reveal(first)).toBe(true);
    expect(marked(scanner.marks.highlightNames.flash)).toEqual(['numbness down there']);
    scanner.stop();
  });
});
