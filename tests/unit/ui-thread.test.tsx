// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SidePanel } from '../../components/SidePanel';
import { summarizeThread } from '../../lib/detect/posts';
import type { TabFindings } from '../../lib/messages';
import { createCatalog } from '../../lib/panel/catalog';
import { countedRedFlagIds } from '../../lib/panel/mention';
import { findingsLine } from '../../lib/panel/summary';
import type { Detection } from '../../lib/types';
import { installMessages } from '../fixtures/ui-i18n';
import { match, uiKb } from '../fixtures/ui-kb';

/**
 * A thread of three posts: ann's cancer history, bob's "can't hold my pee" (an emergency), and cy
 * quoting bob's words (in no post: they count for no one) with sciatica of her own.
 */
const thread: Detection = (() => {
  const summed = summarizeThread(
    [
      { index: 0, author: 'ann', time: '3 days ago', genre: 'personal', matches: [match(10, 'cancer', 'term-cancer', ['back-pain-and-cancer'], ['rf-cancer-history'], 'affirmed')] },
      { index: 1, author: 'bob', time: 'yesterday', genre: 'reply', matches: [match(80, "can't hold my pee", 'term-incontinence', ['cauda-equina-syndrome'], ['rf-bladder-bowel'], 'affirmed')] },
      { index: 2, author: 'cy', time: null, genre: 'reply', matches: [match(190, 'sciatica', 'term-sciatica', ['sciatica'], [], 'affirmed')] },
    ],
    [match(150, "can't hold my pee", 'term-incontinence', ['cauda-equina-syndrome'], ['rf-bladder-bowel'], 'affirmed')],
    uiKb.redFlags,
  );
  return { ...summed, posts: summed.posts.map(({ index, author, time, urgency, subject }) => ({ index, author, time, urgency, subject })) };
})();

const catalog = createCatalog(uiKb);
let root: HTMLElement;
beforeEach(() => {
  installMessages();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('a thread in the side panel', () => {
  const findings: TabFindings = { tabId: 3, url: 'https://forum.example/t/9', title: 'A thread', detection: thread, english: true, scannedAt: 0 };

  it('lists the posts that need care, most urgent first, each with a button to the post', () => {
    const onRevealPost = vi.fn();
    act(() => render(<SidePanel catalog={catalog} findings={findings} incoming={null} onReveal={() => {}} onRevealPost={onRevealPost} onStepRedFlag={() => {}} />, root));
    const posts = root.querySelector('[aria-labelledby="bpl-page-posts"]')!;
    expect(posts.textContent).toContain('One post describes signs that need emergency care');
    expect(posts.textContent).toContain('by bob, yesterday');
    const first = posts.querySelector('button')!;
    expect(first.textContent).toBe('Show post, the post by bob, yesterday');
    act(() => first.click());
    expect(onRevealPost).toHaveBeenCalledWith(1);
    expect(posts.textContent).not.toContain('by cy');
  });

  it('never tells the reader the signs are theirs', () => {
    act(() => render(<SidePanel catalog={catalog} findings={findings} incoming={null} onReveal={() => {}} onStepRedFlag={() => {}} />, root));
    const summary = root.querySelector('.bpl-summary')!;
    expect(summary.textContent).toContain('If this is you, or someone you care for');
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('A post on this page describes these signs');
  });

  it('counts each post’s own signs, and quoted words for no one', () => {
    expect(countedRedFlagIds(thread)).toEqual(new Set(['rf-cancer-history', 'rf-bladder-bowel']));
    const quotedOnly: Detection = { ...thread, matches: thread.matches.filter((found) => found.post === undefined || found.post === 2) };
    expect(countedRedFlagIds(quotedOnly)).toEqual(new Set());
    expect(findingsLine({ detection: thread, english: true }, null)).toMatchObject({ message: 'pageLineThread', counts: [2, 3] });
  });
});
