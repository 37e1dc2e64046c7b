// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Match } from '../../lib/types';
import { type Mark, markKindOf, MarkStore } from '../../lib/page/marks';
import { type NodeOffsets, rangeForOffsets, type Stretch, stretchesOf } from '../../lib/page/text-index';
import { marked, registry, useHighlightFakes } from './page-dom-fakes';

useHighlightFakes();

function matchOf(text: string, start: number, overrides: Partial<Match> = {}): Match {
  return { start, end: start + text.length, text, termId: 't', topicIds: ['sciatica'], redFlagIds: [], context: 'affirmed', experiencer: 'writer', ...overrides };
}

/** The page's text as one stretch per tree. */
function indexOf(html: string): Stretch[] {
  document.body.innerHTML = html;
  return stretchesOf(document.body);
}

function marksFor(stretch: Stretch, words: string[], overrides: Partial<Match> = {}): Mark[] {
  const own = stretch.text.slice(stretch.from, stretch.to);
  return words.map((word) => {
    const start = own.indexOf(word);
    const match = matchOf(word, start, overrides);
    return { match, range: rangeForOffsets(stretch as NodeOffsets, start, match.end), kind: markKindOf(match) };
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

describe('MarkStore', () => {
  it('registers a highlight per kind under names that say nothing and differ on every page', () => {
    const [stretch] = indexOf('<p>sciatica and wakes me at night</p>');
    const store = new MarkStore(document);
    const names = store.highlightNames;
    expect(new MarkStore(document).highlightNames.term).not.toBe(names.term);
    expect(Object.values(names).every((name) => /^h[a-z0-9]{8,}$/.test(name))).toBe(true);
    store.show();
    expect(registry.size).toBe(0);
    store.add([...marksFor(stretch!, ['sciatica']), ...marksFor(stretch!, ['wakes me at night'], { redFlagIds: ['rf-night-pain'] })]);
    expect([...registry.keys()].sort()).toEqual([names['red-flag'], names.term].sort());
    expect(marked(names.term)).toEqual(['sciatica']);
    expect(marked(names['red-flag'])).toEqual(['wakes me at night']);
    expect(document.adoptedStyleSheets).toHaveLength(1);
  });

  it('registers only the kinds that have marks shown, and nothing once they are gone', () => {
    const [stretch] = indexOf('<p>sciatica</p>');
    const store = new MarkStore(document);
    store.show();
    const marks = marksFor(stretch!, ['sciatica']);
    store.add(marks);
    expect([...registry.keys()]).toEqual([store.highlightNames.term]);
    store.remove(marks);
    expect(registry.size).toBe(0);
    expect(store.count).toBe(0);
  });

  it('never replaces a highlight the page registered under one of its names: it moves to new ones', () => {
    const [stretch] = indexOf('<p>sciatica and wakes me at night</p>');
    const restyled = vi.spyOn(CSSStyleSheet.prototype, 'replaceSync');
    const store = new MarkStore(document);
    store.show();
    store.add(marksFor(stretch!, ['sciatica']));
    const taken = store.highlightNames.term;
    const pages = new Highlight();
    registry.set(taken, pages);
    store.add(marksFor(stretch!, ['wakes me at night'], { redFlagIds: ['rf-night-pain'] }));
    expect(registry.get(taken)).toBe(pages);
    const names = store.highlightNames;
    expect(names.term).not.toBe(taken);
    expect(marked(names.term)).toEqual(['sciatica']);
    expect(marked(names['red-flag'])).toEqual(['wakes me at night']);
    // The style rules follow the names.
    expect(restyled.mock.lastCall![0]).toContain(`::highlight(${names.term})`);
    expect(restyled.mock.lastCall![0]).not.toContain(taken);
    restyled.mockRestore();
    store.hide();
    expect([...registry.keys()]).toEqual([taken]);
  });

  it('keeps marks in document order when stretches are added out of order', () => {
    const [stretch] = indexOf('<p>alpha</p><p>beta</p><p>gamma</p>');
    const store = new MarkStore(document);
    store.add(marksFor(stretch!, ['gamma']));
    store.add(marksFor(stretch!, ['alpha']));
    store.add(marksFor(stretch!, ['beta']));
    expect(store.markAt(stretch!.nodes[1]!, 2)?.match.text).toBe('beta');
    expect(store.markAt(stretch!.nodes[0]!, 2)?.match.text).toBe('alpha');
    expect(store.markAt(stretch!.nodes[2]!, 2)?.match.text).toBe('gamma');
  });

  it('finds the mark at a point: inside one text node, across nodes, between nodes, and none between marks', () => {
    const [stretch] = indexOf('<p>one two <b>sci</b>atica four five</p>');
    const store = new MarkStore(document);
    store.add(marksFor(stretch!, ['one', 'sciatica', 'five']));
    const [before, bold, after] = stretch!.nodes as Text[];
    expect(store.markAt(before!, 1)?.match.text).toBe('one');
    expect(store.markAt(before!, 5)).toBeNull();
    expect(store.markAt(bold!, 1)?.match.text).toBe('sciatica');
    expect(store.markAt(after!, 3)?.match.text).toBe('sciatica');
    expect(store.markAt(after!, after!.length - 2)?.match.text).toBe('five');
    // Between the bold element and the text after it, inside "sciatica"; before the bold element, not.
    const paragraph = document.querySelector('p')!;
    expect(store.markAt(paragraph, 2)?.match.text).toBe('sciatica');
    expect(store.markAt(paragraph, 1)).toBeNull();
    store.remove(store.markAt(bold!, 1) ? [store.markAt(bold!, 1)!] : []);
    expect(store.markAt(after!, 3)).toBeNull();
    expect(store.markAt(before!, 1)?.match.text).toBe('one');
    expect(store.count).toBe(2);
  });

  it('adopts the styles into a shadow root that holds a mark and hit-tests inside it', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>my sciatica</p>';
    const [stretch] = stretchesOf(document.body);
    const store = new MarkStore(document);
    store.add(marksFor(stretch!, ['sciatica']));
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
    expect(store.shadowRoots()).toEqual([shadow]);
    expect(store.markAt(stretch!.nodes[0]!, 5)?.match.text).toBe('sciatica');
  });

  it('flashes a range for a moment under a name of its own', () => {
    const [stretch] = indexOf('<p>sciatica</p>');
    const store = new MarkStore(document);
    store.show();
    store.flash(marksFor(stretch!, ['sciatica'])[0]!.range);
    expect(marked(store.highlightNames.flash)).toEqual(['sciatica']);
    store.hide();
    expect(registry.size).toBe(0);
  });

  it('follows the display settings: off or red flags only unregister highlights and stop hit-tests', () => {
    const [stretch] = indexOf('<p>sciatica</p>');
    const store = new MarkStore(document);
    store.show();
    store.add(marksFor(stretch!, ['sciatica']));
    store.setDisplay({ style: 'underline', redFlagsOnly: true });
    expect(registry.size).toBe(0);
    expect(store.markAt(stretch!.nodes[0]!, 2)).toBeNull();
    store.setDisplay({ style: 'off', redFlagsOnly: false });
    expect(registry.size).toBe(0);
    store.setDisplay({ style: 'background', redFlagsOnly: false });
    expect(registry.has(store.highlightNames.term)).toBe(true);
    expect(store.markAt(stretch!.nodes[0]!, 2)?.match.text).toBe('sciatica');
    const sheets = document.adoptedStyleSheets.length;
    store.hide();
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets).toHaveLength(sheets - 1);
  });
});
