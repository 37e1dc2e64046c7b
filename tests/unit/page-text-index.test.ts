// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  blockContainerOf,
  buildTextIndex,
  createTextIndexBuilder,
  isInSkippedSubtree,
  rangeForOffsets,
} from '../../lib/page/text-index';
import { textOf } from '../../lib/page/ranges';
import { useHighlightFakes } from './page-dom-fakes';

useHighlightFakes();
beforeEach(() => {
  document.body.innerHTML = '';
});

function indexOf(html: string) {
  document.body.innerHTML = html;
  return buildTextIndex(document.body);
}

describe('text index', () => {
  it('joins inline elements without a gap, so a word split over tags stays whole', () => {
    const index = indexOf('<p>My <b>sci</b><i>atica</i> is back</p>');
    expect(index.text).toBe('My sciatica is back');
    expect(index.nodes.map((node) => node.data)).toEqual(['My ', 'sci', 'atica', ' is back']);
    expect(index.starts).toEqual([0, 3, 6, 11]);
  });

  it('separates blocks and line breaks so words of different blocks never run together', () => {
    const index = indexOf('<div>back<p>pain</p>after</div><ul><li>one</li><li>two</li></ul>a<br>b');
    expect(index.text).toBe('back\npain\nafter\none\ntwo\na\nb');
  });

  it('skips scripts, styles, form fields, templates, editable regions, hidden parts and our own UI', () => {
    const index = indexOf(`
      <p>visible</p>
      <script>var sciatica = 1;</script><style>.sciatica{}</style><noscript>sciatica</noscript>
      <template><p>sciatica</p></template><textarea>sciatica</textarea>
      <select><option>sciatica</option></select><input value="sciatica">
      <div contenteditable="true"><p>sciatica</p></div><div contenteditable>sciatica</div>
      <div hidden>sciatica</div><bpl-hover-card>sciatica</bpl-hover-card>
      <div contenteditable="false">kept</div>`);
    expect(index.text).not.toContain('sciatica');
    expect(index.text).toContain('visible');
    expect(index.text).toContain('kept');
  });

  it('walks into open shadow roots and lists them', () => {
    document.body.innerHTML = '<p>before</p><div id="host"></div><p>after</p>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>numb <span>down there</span></p>';
    const index = buildTextIndex(document.body);
    expect(index.text).toBe('before\nnumb down there\nafter');
    expect(index.shadowRoots).toEqual([shadow]);
    expect(index.nodes[1]!.getRootNode()).toBe(shadow);
  });

  it('builds the same index when paused after every batch of nodes', () => {
    const html = Array.from({ length: 300 }, (_, i) => `<p>post ${i} <b>sci</b>atica</p>`).join('');
    const whole = indexOf(html);
    const builder = createTextIndexBuilder(document.body);
    let steps = 1;
    while (!builder.step(() => true)) steps++;
    expect(steps).toBeGreaterThan(2);
    expect(builder.result.text).toBe(whole.text);
    expect(builder.result.starts).toEqual(whole.starts);
  });

  it('maps offsets back to a range across text nodes', () => {
    const index = indexOf('<p>My <b>sci</b><i>atica</i> is back</p>');
    const start = index.text.indexOf('sciatica');
    const range = rangeForOffsets(index, start, start + 'sciatica'.length);
    expect(textOf(range)).toBe('sciatica');
    expect(range.startContainer).toBe(index.nodes[1]);
    expect(range.startOffset).toBe(0);
    expect(range.endContainer).toBe(index.nodes[2]);
    expect(range.endOffset).toBe(5);
  });

  it('maps a match ending exactly at a node boundary to the end of that node', () => {
    const index = indexOf('<p><b>back</b> pain</p>');
    const range = rangeForOffsets(index, 0, 4);
    expect(range.endContainer).toBe(index.nodes[0]);
    expect(range.endOffset).toBe(4);
  });
});

describe('skipping and containers', () => {
  it('knows when a node is inside a skipped subtree', () => {
    document.body.innerHTML = '<div contenteditable><p><b id="inside">x</b></p></div><p id="outside">y</p>';
    expect(isInSkippedSubtree(document.getElementById('inside')!.firstChild!)).toBe(true);
    expect(isInSkippedSubtree(document.getElementById('outside')!)).toBe(false);
  });

  it('finds the nearest block container of a node', () => {
    document.body.innerHTML = '<article><p id="p">a <b><i id="i">b</i></b></p></article>';
    expect(blockContainerOf(document.getElementById('i')!.firstChild!)).toBe(document.getElementById('p'));
    expect(blockContainerOf(document.getElementById('p')!)).toBe(document.getElementById('p'));
  });
});
