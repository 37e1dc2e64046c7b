// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildKnowledgeBase, type ContentFile, toLexiconSource } from '../../content-data/build';
import { compileLexicon } from '../../lib/detect';
import type { Detection } from '../../lib/types';
import { MUTATION_WINDOW_MS } from '../../lib/page/mutations';
import { PageScanner, type ScanLexicon } from '../../lib/page/scanner';
import { marked, registry, useHighlightFakes } from './page-dom-fakes';

/**
 * The content script's own lexicon, built from the real content files (content-data/load.ts
 * cannot be imported under happy-dom: it resolves its folder from a file URL).
 */
function contentFiles(dir = join(process.cwd(), 'content-data')): ContentFile[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ path: `content-data/${name}`, data: JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown }));
}
const source = toLexiconSource(buildKnowledgeBase(contentFiles()));
let scanLexicon: ScanLexicon;
beforeAll(() => {
  scanLexicon = { lexicon: compileLexicon(source), redFlags: source.redFlags };
});
useHighlightFakes();

const settle = () => new Promise((resolve) => setTimeout(resolve, MUTATION_WINDOW_MS * 2));

function startScanner(html: string) {
  document.body.innerHTML = html;
  const reports: Detection[] = [];
  const scanner = new PageScanner({
    document,
    loadLexicon: () => Promise.resolve(scanLexicon),
    onScanned: (detection) => reports.push(detection),
  });
  return { scanner, reports, started: scanner.start() };
}

describe('PageScanner', () => {
  it('marks the page in one pass and reports its detection', async () => {
    const { scanner, reports, started } = startScanner(
      '<article><p>My <b>sci</b>atica is back.</p><p>Since Monday I have numbness down there.</p></article><textarea>sciatica</textarea>',
    );
    await started;
    expect(marked('bpl-term')).toEqual(['sciatica']);
    expect(marked('bpl-red-flag')).toEqual(['numbness down there']);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.redFlags).toContainEqual({ id: 'rf-saddle-numbness', context: 'affirmed', experiencer: 'writer' });
    expect(reports[0]!.urgency).toBe('emergency');
    scanner.stop();
    expect(registry.size).toBe(0);
  });

  it('follows appended, edited and removed text', async () => {
    const { scanner, reports, started } = startScanner('<main><article id="a"><p>My sciatica is back.</p></article></main>');
    await started;
    const post = document.createElement('article');
    post.innerHTML = '<p>I had breast cancer five years ago.</p>';
    document.querySelector('main')!.append(post);
    await settle();
    expect(marked('bpl-red-flag')).toEqual(['had breast cancer']);
    expect(reports.at(-1)!.matches.map((match) => match.text)).toEqual(['sciatica', 'had breast cancer']);

    document.querySelector('#a p')!.firstChild!.textContent = 'My knee is back.';
    post.remove();
    await settle();
    expect(marked('bpl-term')).toEqual([]);
    expect(marked('bpl-red-flag')).toEqual([]);
    expect(reports.at(-1)!.matches).toEqual([]);
    scanner.stop();
  });

  it('drops the marks of text that gets hidden and marks it again when shown', async () => {
    const { scanner, started } = startScanner('<main><article><p id="p">My sciatica is back.</p></article></main>');
    await started;
    const paragraph = document.getElementById('p')!;
    paragraph.hidden = true;
    await settle();
    expect(marked('bpl-term')).toEqual([]);
    paragraph.hidden = false;
    await settle();
    expect(marked('bpl-term')).toEqual(['sciatica']);
    scanner.stop();
  });

  // The caret at the viewport's top is on text, or, in the margin between two posts, on their parent.
  it.each([
    ['on the text of a post', () => ({ offsetNode: document.getElementById('p300')!.firstChild!, offset: 3 })],
    ['in the gap before a post', () => ({ offsetNode: document.body, offset: 300 })],
    ['on a form field before a post', () => ({ offsetNode: document.getElementById('field')!.firstChild!, offset: 0 })],
  ])('marks the block at the top of the viewport first when the page is scrolled down (caret %s)', async (_, caret) => {
    const posts = Array.from({ length: 400 }, (_, i) => `<article><p id="p${i}">Post ${i}: my sciatica is back.</p></article>`);
    posts.splice(300, 0, '<textarea id="field">my sciatica draft</textarea>');
    document.body.innerHTML = posts.join('');
    Object.defineProperty(window, 'scrollY', { value: 9_000, configurable: true });
    Object.assign(document, { caretPositionFromPoint: caret });
    const scanner = new PageScanner({ document, loadLexicon: () => Promise.resolve(scanLexicon), onScanned: () => undefined });
    try {
      const started = scanner.start();
      // The highlight registered at start gets the first chunk only; the rest is staged and swapped in.
      const firstShown = registry.get('bpl-term')!;
      await started;
      const firstPosts = [...firstShown].map((range) => Number((range.startContainer.parentNode as Element).id.slice(1)));
      expect(firstPosts.length).toBeGreaterThan(0);
      expect(Math.min(...firstPosts)).toBe(300);
      expect(registry.get('bpl-term')!.size).toBe(400);
    } finally {
      scanner.stop();
      delete (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
      Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
    }
  });

  it('reveals a reported match and refuses an unknown index', async () => {
    const { scanner, started } = startScanner('<p>My sciatica is back.</p>');
    await started;
    expect(scanner.reveal(0)).toBe(true);
    expect(marked('bpl-flash')).toEqual(['sciatica']);
    expect(scanner.reveal(1)).toBe(false);
    scanner.stop();
  });
});
