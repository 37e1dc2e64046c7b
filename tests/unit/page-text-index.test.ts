// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  blockContainerOf,
  buildTextIndex,
  createTextIndexBuilder,
  isInSkippedSubtree,
  rangeForOffsets,
  rewalk,
  type Stretch,
  stretchesOf,
} from '../../lib/page/text-index';
import { textOf } from '../../lib/page/ranges';
import { useHighlightFakes } from './page-dom-fakes';

useHighlightFakes();
beforeEach(() => {
  document.body.innerHTML = '';
});

const own = (stretch: Stretch) => stretch.text.slice(stretch.from, stretch.to);

function only(html: string): Stretch {
  document.body.innerHTML = html;
  const stretches = stretchesOf(document.body);
  expect(stretches).toHaveLength(1);
  return stretches[0]!;
}

/** Every stretch, drawn from the builder in slices that are up after every batch of nodes. */
function pausedStretches(root: Node, size: number): { stretches: Stretch[]; pauses: number } {
  const builder = createTextIndexBuilder(root);
  const stretches: Stretch[] = [];
  let pauses = 0;
  for (let next = builder.next(() => true, size); next !== null; next = builder.next(() => true, size)) {
    if (next === 'paused') pauses++;
    else stretches.push(next);
  }
  return { stretches, pauses };
}

const posts = (count: number) =>
  Array.from({ length: count }, (_, i) => `<article><p>Post ${i}: my <b>sci</b>atica is back. It hurts.</p></article>`).join('');

describe('stretches of text', () => {
  it('joins inline elements without a gap, so a word split over tags stays whole', () => {
    const stretch = only('<p>My <b>sci</b><i>atica</i> is back</p>');
    expect(own(stretch)).toBe('My sciatica is back');
    expect(stretch.nodes.map((node) => node.data)).toEqual(['My ', 'sci', 'atica', ' is back']);
    expect(stretch.starts).toEqual([0, 3, 6, 11]);
  });

  it('separates blocks and line breaks so words of different blocks never run together', () => {
    const stretch = only('<div>back<p>pain</p>after</div><ul><li>one</li><li>two</li></ul>a<br>b');
    expect(own(stretch)).toBe('back\npain\nafter\none\ntwo\na\nb');
    expect(stretch.blocks.map((block) => (block.container as Element).localName)).toEqual(['div', 'p', 'div', 'li', 'li', 'body']);
  });

  it('skips scripts, styles, form fields, templates, editable regions, hidden parts and our own UI', () => {
    const stretch = only(`
      <p>visible</p>
      <script>var sciatica = 1;</script><style>.sciatica{}</style><noscript>sciatica</noscript>
      <template><p>sciatica</p></template><textarea>sciatica</textarea>
      <select><option>sciatica</option></select><input value="sciatica">
      <div contenteditable="true"><p>sciatica</p></div><div contenteditable>sciatica</div>
      <div hidden>sciatica</div><bpl-hover-card>sciatica</bpl-hover-card>
      <div contenteditable="false">kept</div>`);
    expect(stretch.text).not.toContain('sciatica');
    expect(stretch.text).toContain('visible');
    expect(stretch.text).toContain('kept');
  });

  it('reads nothing when the root itself is editable, or its document is in design mode', () => {
    document.body.innerHTML = '<p>My sciatica is back</p>';
    document.body.setAttribute('contenteditable', '');
    expect(stretchesOf(document.body)).toEqual([]);
    document.body.removeAttribute('contenteditable');
    document.designMode = 'on';
    try {
      expect(stretchesOf(document.body)).toEqual([]);
    } finally {
      document.designMode = 'off';
    }
    expect(stretchesOf(document.body)).toHaveLength(1);
  });

  it('walks open shadow roots where their host stands, one stretch per tree, with the others as context', () => {
    document.body.innerHTML = '<p>before</p><div id="host"></div><p>after</p>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>numb <span>down there</span></p>';
    const met: ShadowRoot[] = [];
    const builder = createTextIndexBuilder(document.body, {}, (root) => met.push(root));
    const stretches: Stretch[] = [];
    for (let next = builder.next(() => false, 1_000); next !== null; next = builder.next(() => false, 1_000)) {
      if (next !== 'paused') stretches.push(next);
    }
    expect(stretches.map(own)).toEqual(['before', 'numb down there', 'after']);
    expect(stretches.map((stretch) => stretch.tree)).toEqual([document, shadow, document]);
    expect(stretches[1]!.text).toBe('before\nnumb down there\nafter');
    expect(met).toEqual([shadow]);
  });

  it('cuts at line ends near the size, and gives each stretch the text around it', () => {
    document.body.innerHTML = posts(200);
    const stretches = stretchesOf(document.body, 1_000);
    expect(stretches.length).toBeGreaterThan(5);
    const whole = stretchesOf(document.body)[0]!;
    expect(stretches.map(own).join('\n')).toBe(own(whole));
    for (const stretch of stretches.slice(1, -1)) {
      expect(stretch.to - stretch.from).toBeGreaterThanOrEqual(1_000);
      expect(stretch.to - stretch.from).toBeLessThan(2_000);
      expect(stretch.from).toBeGreaterThanOrEqual(400);
      expect(stretch.text.length - stretch.to).toBeGreaterThanOrEqual(200);
      expect(own(whole)).toContain(stretch.text);
    }
  });

  it('builds the same stretches when paused after every batch of nodes', () => {
    document.body.innerHTML = posts(300);
    const { stretches, pauses } = pausedStretches(document.body, 2_000);
    expect(pauses).toBeGreaterThan(2);
    expect(stretches.map((stretch) => stretch.text)).toEqual(stretchesOf(document.body, 2_000).map((stretch) => stretch.text));
  });

  it('cuts one huge text node inside, after a sentence, and finds each part again', () => {
    const sentence = 'My sciatica is back and it hurts a lot today. ';
    document.body.innerHTML = `<pre>${sentence.repeat(2_000)}</pre>`;
    const stretches = stretchesOf(document.body, 3_000);
    expect(stretches.length).toBeGreaterThan(20);
    // Each ends on its last word: the space at each cut is in neither.
    expect(stretches.map(own).join(' ') === sentence.repeat(2_000).trimEnd()).toBe(true);
    for (const stretch of stretches) {
      expect(own(stretch).startsWith('My sciatica')).toBe(true);
      expect(stretch.start.node).toBe(document.querySelector('pre')!.firstChild);
      const again = rewalk(stretch.start, stretch.end, stretch.to - stretch.from);
      expect(again).toEqual({ nodes: stretch.nodes, starts: stretch.starts });
    }
  });

  it('reads a small subtree whole for tools, as its stretches read it, shadow roots included', () => {
    document.body.innerHTML = '<h1>Title</h1><article><p>My <b>sci</b>atica<br>again</p><div id="host"></div></article><textarea>no</textarea>';
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>In the shadow</p>';
    const index = buildTextIndex(document.body);
    expect(index.text).toBe('Title\nMy sciatica\nagain\nIn the shadow');
    expect(index.text).toBe(stretchesOf(document.body).map(own).join('\n'));
    index.nodes.forEach((node, i) => expect(index.text.slice(index.starts[i], index.starts[i]! + node.length)).toBe(node.data));
  });

  // Firefox copies a text node's whole text on every read of `data`: 2 MB a read for a log page.
  it('reads a huge text node once however many stretches it gives, and never again to find them', () => {
    document.body.innerHTML = `<pre>${'My sciatica is back and it hurts a lot today. '.repeat(2_000)}</pre>`;
    const node = document.querySelector('pre')!.firstChild as Text;
    const read = Object.getOwnPropertyDescriptor(CharacterData.prototype, 'data')!.get!;
    let reads = 0;
    Object.defineProperty(node, 'data', { configurable: true, get: () => (reads++, read.call(node)) });
    const stretches = stretchesOf(document.body, 3_000);
    expect(stretches.length).toBeGreaterThan(20);
    expect(reads).toBe(1);
    for (const stretch of stretches) expect(rewalk(stretch.start, stretch.end, stretch.to - stretch.from)).not.toBeNull();
    expect(reads).toBe(1);
  });

  it('ends a thread’s last stretch on its last words, not in the white space after the thread', () => {
    document.body.innerHTML = '\n<h1>Posts</h1>\n<main id="thread"></main>\n<script>var x = 1;</script>\n\n\n';
    const post = (i: number) => `<article><p id="p${i}">Post ${i}: my sciatica is worse when I sit, and we walked by the river.</p></article>`;
    document.getElementById('thread')!.innerHTML = Array.from({ length: 100 }, (_, i) => post(i)).join('');
    const last = stretchesOf(document.body, 16_000).at(-1)!;
    expect(last.end).toEqual({ node: document.getElementById('p99')!.firstChild, offset: (document.getElementById('p99')!.firstChild as Text).length });
    expect(own(last).endsWith('river.')).toBe(true);
  });

  it('walks again from a stretch’s tail point to give the next stretches the same text and context', () => {
    document.body.innerHTML = posts(200);
    const stretches = stretchesOf(document.body, 1_000);
    const [before, , after] = stretches.slice(2, 5);
    const builder = createTextIndexBuilder(document.body, { from: before!.tail, emitFrom: before!.end, to: after!.start });
    const again: Stretch[] = [];
    for (let next = builder.next(() => false, 1_000); next !== null; next = builder.next(() => false, 1_000)) {
      if (next !== 'paused') again.push(next);
    }
    expect(builder.reachedStart).toBe(true);
    expect(again).toHaveLength(1);
    expect(own(again[0]!) === own(stretches[3]!)).toBe(true);
    expect(again[0]!.text === stretches[3]!.text).toBe(true);
    expect(again[0]!.start).toEqual(stretches[3]!.start);
    expect(again[0]!.end).toEqual(stretches[3]!.end);
  });

  it('finds a stretch’s nodes again by its points, and not once its text changed', () => {
    document.body.innerHTML = posts(50);
    const stretch = stretchesOf(document.body, 500)[1]!;
    const length = stretch.to - stretch.from;
    expect(rewalk(stretch.start, stretch.end, length)).toEqual({ nodes: stretch.nodes, starts: stretch.starts });
    // Read on past the end: a match may run over it.
    expect(rewalk(stretch.start, stretch.end, length, length + 5)!.nodes.length).toBeGreaterThan(stretch.nodes.length);
    stretch.nodes[2]!.data += ' more';
    expect(rewalk(stretch.start, stretch.end, length)).toBeNull();
  });

  it('maps offsets back to a range across text nodes', () => {
    const stretch = only('<p>My <b>sci</b><i>atica</i> is back</p>');
    const start = own(stretch).indexOf('sciatica');
    const range = rangeForOffsets(stretch, start, start + 'sciatica'.length);
    expect(textOf(range)).toBe('sciatica');
    expect(range.startContainer).toBe(stretch.nodes[1]);
    expect(range.startOffset).toBe(0);
    expect(range.endContainer).toBe(stretch.nodes[2]);
    expect(range.endOffset).toBe(5);
  });

  it('maps a match ending exactly at a node boundary to the end of that node', () => {
    const stretch = only('<p><b>back</b> pain</p>');
    const range = rangeForOffsets(stretch, 0, 4);
    expect(range.endContainer).toBe(stretch.nodes[0]);
    expect(range.endOffset).toBe(4);
  });
});

describe('skipping and containers', () => {
  it('knows when a node is inside a skipped subtree, across shadow roots and in design mode', () => {
    document.body.innerHTML = '<div contenteditable><p><b id="inside">x</b><span id="host"></span></p></div><p id="outside">y</p>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<i>z</i>';
    expect(isInSkippedSubtree(document.getElementById('inside')!.firstChild!)).toBe(true);
    expect(isInSkippedSubtree(shadow.firstChild!.firstChild!)).toBe(true);
    expect(isInSkippedSubtree(document.getElementById('outside')!)).toBe(false);
    document.designMode = 'on';
    expect(isInSkippedSubtree(document.getElementById('outside')!)).toBe(true);
    document.designMode = 'off';
  });

  it('finds the nearest block container of a node', () => {
    document.body.innerHTML = '<article><p id="p">a <b><i id="i">b</i></b></p></article>';
    expect(blockContainerOf(document.getElementById('i')!.firstChild!)).toBe(document.getElementById('p'));
    expect(blockContainerOf(document.getElementById('p')!)).toBe(document.getElementById('p'));
  });
});

describe('line breaks of the HTML source', () => {
  it('reads them as the spaces the page shows, except in <pre>', () => {
    document.body.innerHTML = '<p>I have lost about\n      5 kg</p><pre>line one\nLine two</pre>';
    const index = buildTextIndex(document.body);
    expect(index.text).toBe('I have lost about       5 kg\nline one\nLine two');
    expect(index.text.length).toBe(index.starts.at(-1)! + index.nodes.at(-1)!.length);
  });
});
