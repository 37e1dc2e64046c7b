// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Match } from '../../lib/types';
import { findRangeAt, HIGHLIGHT_NAMES, isWithin, type Mark, markKindOf, MarkStore } from '../../lib/page/marks';
import { buildTextIndex, rangeForOffsets, type TextIndex } from '../../lib/page/text-index';
import { marked, registry, useHighlightFakes } from './page-dom-fakes';

useHighlightFakes();

function matchOf(text: string, start: number, overrides: Partial<Match> = {}): Match {
  return { start, end: start + text.length, text, termId: 't', topicIds: ['sciatica'], redFlagIds: [], context: 'affirmed', experiencer: 'writer', ...overrides };
}

function marksFor(index: TextIndex, words: string[], overrides: Partial<Match> = {}): Mark[] {
  return words.map((word) => {
    const start = index.text.indexOf(word);
    const match = matchOf(word, start, overrides);
    return { match, range: rangeForOffsets(index, start, match.end), kind: markKindOf(match) };
  });
}

describe('markKindOf', () => {
  it('gives the red-flag mark only to affirmed red-flag mentions', () => {
    expect(markKindOf(matchOf('x', 0, { redFlagIds: ['rf-night-pain'] }))).toBe('red-flag');
    for (const context of ['negated', 'hypothetical', 'other-person'] as const) {
      expect(markKindOf(matchOf('x', 0, { redFlagIds: ['rf-night-pain'], context }))).toBe('term');
    }
    expect(markKindOf(matchOf('x', 0))).toBe('term');
  });
});

describe('findRangeAt', () => {
  it('finds the range holding a point by binary search, and -1 between ranges', () => {
    document.body.innerHTML = '<p>one two three four five</p>';
    const index = buildTextIndex(document.body);
    const marks = marksFor(index, ['one', 'three', 'five']);
    const text = index.nodes[0]!;
    expect(findRangeAt(marks, text, 1)).toBe(0);
    expect(findRangeAt(marks, text, 10)).toBe(1);
    expect(findRangeAt(marks, text, 21)).toBe(2);
    expect(findRangeAt(marks, text, 5)).toBe(-1);
    expect(findRangeAt([], text, 5)).toBe(-1);
  });
});

describe('isWithin', () => {
  it('looks through shadow roots to their hosts', () => {
    document.body.innerHTML = '<section id="s"><div id="host"></div></section><p id="p"></p>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<span>x</span>';
    const inner = shadow.firstChild!.firstChild!;
    expect(isWithin(inner, document.getElementById('s')!)).toBe(true);
    expect(isWithin(inner, document.getElementById('p')!)).toBe(false);
  });
});

describe('MarkStore', () => {
  it('registers both highlight names and puts each range in its kind', () => {
    document.body.innerHTML = '<p>sciatica and wakes me at night</p>';
    const index = buildTextIndex(document.body);
    const store = new MarkStore(document);
    expect(registry.size).toBe(0);
    store.show();
    store.add([
      ...marksFor(index, ['sciatica']),
      ...marksFor(index, ['wakes me at night'], { redFlagIds: ['rf-night-pain'] }),
    ]);
    expect([...registry.keys()].sort()).toEqual([HIGHLIGHT_NAMES['red-flag'], HIGHLIGHT_NAMES.term]);
    expect(marked('bpl-term')).toEqual(['sciatica']);
    expect(marked('bpl-red-flag')).toEqual(['wakes me at night']);
    expect(document.adoptedStyleSheets).toHaveLength(1);
  });

  it('keeps marks in document order when stretches are added out of order', () => {
    document.body.innerHTML = '<p>alpha</p><p>beta</p><p>gamma</p>';
    const index = buildTextIndex(document.body);
    const store = new MarkStore(document);
    store.add(marksFor(index, ['gamma']));
    store.add(marksFor(index, ['alpha']));
    store.add(marksFor(index, ['beta']));
    expect(store.all().map((mark) => mark.match.text)).toEqual(['alpha', 'beta', 'gamma']);
    expect(store.markAt(index.nodes[1]!, 2)?.match.text).toBe('beta');
  });

  it('adopts the styles into a shadow root that holds a mark and hit-tests inside it', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>my sciatica</p>';
    const index = buildTextIndex(document.body);
    const store = new MarkStore(document);
    store.add(marksFor(index, ['sciatica']));
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
    expect(store.shadowRoots()).toEqual([shadow]);
    expect(store.markAt(index.nodes[0]!, 5)?.match.text).toBe('sciatica');
  });

  it('keeps staged marks off the page until they are shown together', () => {
    document.body.innerHTML = '<p>alpha</p><p>beta</p><p>gamma</p>';
    const index = buildTextIndex(document.body);
    const store = new MarkStore(document);
    store.show();
    store.add(marksFor(index, ['alpha']));
    store.stage();
    store.add(marksFor(index, ['beta']));
    store.add(marksFor(index, ['gamma']));
    expect(marked('bpl-term')).toEqual(['alpha']);
    expect(store.staging).toBe(true);
    store.showStaged();
    expect(marked('bpl-term')).toEqual(['alpha', 'beta', 'gamma']);
    expect(store.staging).toBe(false);
  });

  it('removes the marks inside a container, and marks whose text changed or went away', () => {
    document.body.innerHTML = '<p id="a">alpha</p><p id="b">beta</p><p id="c">gamma</p>';
    const index = buildTextIndex(document.body);
    const store = new MarkStore(document);
    store.show();
    store.add(marksFor(index, ['alpha', 'beta', 'gamma']));
    store.removeWithin(document.getElementById('a')!);
    expect(store.all().map((mark) => mark.match.text)).toEqual(['beta', 'gamma']);
    (document.getElementById('b')!.firstChild as Text).data = 'bet';
    document.getElementById('c')!.remove();
    store.removeStale();
    expect(store.count).toBe(0);
    expect(registry.get('bpl-term')!.size).toBe(0);
  });

  it('follows the display settings: off or red flags only unregister highlights and stop hit-tests', () => {
    document.body.innerHTML = '<p>sciatica</p>';
    const index = buildTextIndex(document.body);
    const store = new MarkStore(document);
    store.show();
    store.add(marksFor(index, ['sciatica']));
    store.setDisplay({ style: 'underline', redFlagsOnly: true });
    expect(registry.has('bpl-term')).toBe(false);
    expect(registry.has('bpl-red-flag')).toBe(true);
    expect(store.markAt(index.nodes[0]!, 2)).toBeNull();
    store.setDisplay({ style: 'off', redFlagsOnly: false });
    expect(registry.size).toBe(0);
    store.setDisplay({ style: 'background', redFlagsOnly: false });
    expect(store.markAt(index.nodes[0]!, 2)?.match.text).toBe('sciatica');
    const sheets = document.adoptedStyleSheets.length;
    store.hide();
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets).toHaveLength(sheets - 1);
  });
});
