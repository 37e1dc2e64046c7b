// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { comparePoints, comparePointToRange, textOf, toLiveRange, treeOrder } from '../../lib/page/ranges';
import { useHighlightFakes } from './page-dom-fakes';

useHighlightFakes();
let one: Text;
let two: Text;
beforeEach(() => {
  document.body.innerHTML = '<p id="p">one <b>two</b></p>';
  one = document.getElementById('p')!.firstChild as Text;
  two = document.querySelector('b')!.firstChild as Text;
});

describe('comparePoints', () => {
  it('orders points in one text node by offset and across nodes by tree order', () => {
    expect(comparePoints(one, 1, one, 3)).toBeLessThan(0);
    expect(comparePoints(one, 2, one, 2)).toBe(0);
    expect(comparePoints(two, 0, one, 4)).toBeGreaterThan(0);
    expect(comparePoints(one, 4, two, 0)).toBeLessThan(0);
  });

  it('orders a point in an element against the text inside it by child index', () => {
    const paragraph = document.getElementById('p')!;
    expect(comparePoints(paragraph, 0, one, 2)).toBeLessThan(0);
    expect(comparePoints(paragraph, 2, two, 1)).toBeGreaterThan(0);
    expect(comparePoints(two, 1, paragraph, 2)).toBeLessThan(0);
  });
});

describe('treeOrder', () => {
  it('orders any two nodes of a tree as compareDocumentPosition does', () => {
    // Lists of siblings of every length, nested, so the walks meet each other and both ends.
    const item = (depth: number, width: number): string =>
      depth === 0 ? 'text' : Array.from({ length: width }, (_, i) => `<div>${i}${item(depth - 1, (width + i) % 5)}</div>`).join('');
    document.body.innerHTML = item(3, 7);
    const nodes: Node[] = [document.body];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
    expect(nodes.length).toBeGreaterThan(100);
    const expected = (a: Node, b: Node) => (a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
    for (const a of nodes) for (const b of nodes) expect([a, b, Math.sign(treeOrder(a, b))]).toEqual([a, b, expected(a, b)]);
  });
});

describe('static ranges', () => {
  it('say whether a point is before, inside or after them', () => {
    const range = new StaticRange({ startContainer: one, startOffset: 1, endContainer: two, endOffset: 2 });
    expect(comparePointToRange(range, one, 0)).toBeLessThan(0);
    expect(comparePointToRange(range, one, 3)).toBe(0);
    expect(comparePointToRange(range, two, 3)).toBeGreaterThan(0);
  });

  it('read their current text, or null once it no longer fits', () => {
    const inOne = new StaticRange({ startContainer: one, startOffset: 0, endContainer: one, endOffset: 3 });
    const across = new StaticRange({ startContainer: one, startOffset: 2, endContainer: two, endOffset: 2 });
    expect(textOf(inOne)).toBe('one');
    expect(textOf(across)).toBe('e tw');
    expect(toLiveRange(across)?.toString()).toBe('e tw');
    one.data = 'o';
    expect(textOf(inOne)).toBeNull();
    expect(toLiveRange(across)).toBeNull();
  });
});
