// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUTHOR_SELECTORS, QUOTE_SELECTOR } from '../../lib/page/posts/generic';
import { allOf, lastCompounds } from '../../lib/page/posts/read';

describe('lastCompounds', () => {
  it('gives what an element matching a selector list must match itself', () => {
    expect(lastCompounds('.names .first')).toBe('.first');
    expect(lastCompounds('.topic-meta-data  >  .names .first, cite')).toBe('.first, cite');
    expect(lastCompounds('[itemprop="author"] [itemprop="name"]')).toBe('[itemprop="name"]');
    expect(lastCompounds('a[title="two words"] ~ b:not(.x .y) + i:nth-child(2n+1)')).toBe('i:nth-child(2n+1)');
    expect(lastCompounds("div[data-x='a, b'] span")).toBe('span');
  });

  it('is null for a selector without combinators, or one that uses :scope', () => {
    expect(lastCompounds('.author')).toBeNull();
    expect(lastCompounds('blockquote, .quote , aside.quote')).toBeNull();
    expect(lastCompounds('[class~="a b"]')).toBeNull();
    expect(lastCompounds(':scope > div > cite')).toBeNull();
  });
});

describe('allOf', () => {
  const html = readFileSync(resolve(import.meta.dirname, '../fixtures/threads/discourse.html'), 'utf8');
  const document = new DOMParser().parseFromString(html, 'text/html');
  const selectors = [
    ...AUTHOR_SELECTORS,
    AUTHOR_SELECTORS.join(','),
    QUOTE_SELECTOR,
    '.topic-meta-data .names .first',
    'article .names, aside.quote blockquote',
    'div > p',
  ];

  it.each(selectors)('under an element finds what querySelectorAll finds: %s', (selector) => {
    for (const root of [document.body, ...Array.from(document.querySelectorAll('article, aside'))]) {
      expect(allOf(root, selector)).toEqual(Array.from(root.querySelectorAll(selector)));
    }
  });
});
