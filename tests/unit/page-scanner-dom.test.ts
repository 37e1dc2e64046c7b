// @vitest-environment happy-dom
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { detect } from '../../lib/detect';
import { DetectionPacker } from '../../lib/packed-detection';
import { MUTATION_WINDOW_MS } from '../../lib/page/mutations';
import { findPostsInSteps } from '../../lib/page/posts';
import { PASS_MEASURE, PageScanner, type ScanStats } from '../../lib/page/scanner';
import { setTimingsPublished } from '../../lib/page/timeline';
import { holdIntersectionReports, marked, registry, scrollTo, useHighlightFakes } from './page-dom-fakes';
import { documentScanner, scanLexicon } from './page-lexicon';

useHighlightFakes();

const settle = () => new Promise((resolve) => setTimeout(resolve, MUTATION_WINDOW_MS * 2));

function startScanner(html: string) {
  document.body.innerHTML = html;
  const { scanner, reports } = documentScanner();
  const names = scanner.marks.highlightNames;
  return { scanner, reports, started: scanner.start(), terms: () => marked(names.term), redFlags: () => marked(names['red-flag']) };
}

describe('PageScanner', () => {
  it('marks the page in one pass and reports its detection', async () => {
    const { scanner, reports, started, terms, redFlags } = startScanner(
      '<article><p>My <b>sci</b>atica is back.</p><p>Since Monday I have numbness down there.</p></article><textarea>sciatica</textarea>',
    );
    await started;
    expect(terms()).toEqual(['sciatica']);
    expect(redFlags()).toEqual(['numbness down there']);
    expect(reports).toHaveLength(1);
    expect(reports[0]!.redFlags).toContainEqual({ id: 'rf-saddle-numbness', context: 'affirmed', experiencer: 'writer' });
    expect(reports[0]!.urgency).toBe('emergency');
    scanner.stop();
    expect(registry.size).toBe(0);
  });

  it("writes each piece's spans in the slice that scans it, so the report at the end of a pass only joins them", async () => {
    const write = DetectionPacker.prototype.write;
    const pack = DetectionPacker.prototype.pack;
    const writtenWhileScanning = new Set<unknown>();
    let packing = false;
    const unwritten: number[] = [];
    vi.spyOn(DetectionPacker.prototype, 'write').mockImplementation(function (this: DetectionPacker, group) {
      if (!packing) writtenWhileScanning.add(group);
      return write.call(this, group);
    });
    vi.spyOn(DetectionPacker.prototype, 'pack').mockImplementation(function (this: DetectionPacker, detection, groups) {
      unwritten.push(groups.filter((group) => group.length > 0 && !writtenWhileScanning.has(group)).length);
      packing = true;
      try {
        return pack.call(this, detection, groups);
      } finally {
        packing = false;
      }
    });
    onTestFinished(() => {
      vi.restoreAllMocks();
    });
    const text = Array.from({ length: 400 }, (_, i) => `Day ${i}: my sciatica is back and I have numbness down there.`).join(' ');
    const { scanner, reports, started } = startScanner(`<article><p>${text}</p></article>`);
    await started;
    expect(reports.at(-1)!.matches.length).toBeGreaterThan(400);
    expect(writtenWhileScanning.size).toBeGreaterThan(1);
    expect(unwritten.length).toBeGreaterThan(0);
    expect(unwritten.every((count) => count === 0)).toBe(true);
    scanner.stop();
  });

  it('marks a red flag whose words run over a line break of the page\'s source', async () => {
    const { scanner, started, redFlags } = startScanner('<article><p>My back has been bad since Monday and I have lost about\n        5 kg without trying.</p></article>');
    await started;
    expect(redFlags()).toEqual(['lost about\n        5 kg without trying']);
    scanner.stop();
  });

  it('marks nothing on a page that never speaks of health, and reads the same words on one that does', async () => {
    const gear = '<article><p>The new hydration pack holds three litres. Its bladder can leak at the seam, so check the cap before every ride and keep it out of the sun. We tested it on a long climb and then on a muddy descent.</p></article>';
    const quiet = startScanner(gear);
    await quiet.started;
    expect([quiet.terms(), quiet.redFlags()]).toEqual([[], []]);
    expect(quiet.reports.at(-1)!.matches).toEqual([]);
    quiet.scanner.stop();
    const health = startScanner(gear.replace('We tested it', 'My GP says my bladder leaks because of the back pain. We tested it'));
    await health.started;
    expect(health.redFlags().length).toBeGreaterThan(0);
    health.scanner.stop();
  });

  it('marks no ordinary term in headings or menus, and leaves them out of the findings; red flags stay', async () => {
    const { scanner, reports, started, terms, redFlags } = startScanner(
      '<nav><a href="#">Sciatica</a></nav><h1>Sciatica and numbness down there</h1><article><p>My sciatica is back.</p></article>',
    );
    await started;
    await settle();
    expect(terms()).toEqual(['sciatica']);
    expect(redFlags()).toEqual(['numbness down there']);
    expect(reports.at(-1)!.matches.map((match) => match.text.toLowerCase())).toEqual(['numbness down there', 'sciatica']);
    scanner.stop();
  });

  it('gives every red flag of a long page to step through, near the viewport or not, the same mark each time', async () => {
    const posts = Array.from({ length: 600 }, (_, i) => `<article><p id="p${i}">Post ${i}: my sciatica is back.</p></article>`);
    posts[10] = '<article><p id="first">Since Monday I have numbness down there.</p></article>';
    posts[590] = '<article><p id="last">I was told I have multiple myeloma.</p></article>';
    // The viewport is at the top: the first piece's blocks are near, the last piece's are not.
    scrollTo((element) => element.id === 'first' || Number(element.id.slice(1)) < 50);
    const { scanner, started, redFlags } = startScanner(`<main>${posts.join('')}</main>`);
    await started;
    await settle();
    // Only the first is near the viewport and registered; both can be stepped to.
    expect(redFlags()).toEqual(['numbness down there']);
    const marks = scanner.redFlagMarks();
    expect(marks.map((mark) => (mark.range.startContainer.parentNode as Element).id)).toEqual(['first', 'last']);
    expect(scanner.redFlagMarks()).toEqual(marks);
    expect(scanner.redFlagMarks()[1]).toBe(marks[1]);
    scanner.stop();
  });

  it("summarises the page in its own genre, as detection of its whole text does", async () => {
    // An information page quoting a reader's story: the story's red flags are someone else's and
    // the page is about no one, which only the page's genre tells.
    const lines = [
      'Back pain: when to see a doctor',
      'Most lower back pain gets better on its own within a few weeks. Sciatica is pain that travels down the leg. Keep moving and take simple pain relief.',
      'A reader wrote in: "My mum had breast cancer and now she has backache that wakes her at night."',
      'See a doctor urgently if there is numbness around the bottom or loss of bladder control. Physiotherapy can help with recovery. Exercise and staying active are the best treatments for most people with back pain.',
    ];
    // Paragraphs only: a heading's terms are furniture, left out of the findings.
    const { scanner, reports, started } = startScanner(lines.map((line) => `<p>${line}</p>`).join(''));
    await started;
    const whole = detect(lines.join('\n'), scanLexicon().lexicon);
    expect(whole).toMatchObject({ urgency: 'routine', subject: 'writer' });
    const { matches, ...summary } = reports.at(-1)!;
    const { matches: wholeMatches, ...wholeSummary } = whole;
    expect(summary).toEqual(wholeSummary);
    expect(matches.map((match) => [match.text, match.context, match.experiencer])).toEqual(
      wholeMatches.map((match) => [match.text, match.context, match.experiencer]),
    );
    scanner.stop();
  });

  it('keeps the first marks in view while the browser has not yet said where the page is', async () => {
    // A busy page renders late, and the intersection observer reports only when it renders.
    holdIntersectionReports(true);
    const { scanner, started, terms } = startScanner('<main><article><p>My sciatica is back.</p></article></main>');
    try {
      await started;
      await settle();
      expect(terms()).toEqual(['sciatica']);
      holdIntersectionReports(false);
      await settle();
      expect(terms()).toEqual(['sciatica']);
    } finally {
      holdIntersectionReports(false);
      scanner.stop();
    }
  });

  it('follows appended, edited and removed text', async () => {
    const { scanner, reports, started, terms, redFlags } = startScanner('<main><article id="a"><p>My sciatica is back.</p></article></main>');
    await started;
    const post = document.createElement('article');
    post.innerHTML = '<p>I had breast cancer five years ago.</p>';
    document.querySelector('main')!.append(post);
    await settle();
    expect(redFlags()).toEqual(['had breast cancer']);
    expect(reports.at(-1)!.matches.map((match) => match.text)).toEqual(['sciatica', 'had breast cancer']);

    document.querySelector('#a p')!.firstChild!.textContent = 'My knee is back.';
    post.remove();
    await settle();
    expect(terms()).toEqual([]);
    expect(redFlags()).toEqual([]);
    expect(reports.at(-1)!.matches).toEqual([]);
    scanner.stop();
  });

  it('keeps the untouched part of a long page as it was when a post is appended', async () => {
    setTimingsPublished(true);
    onTestFinished(() => setTimingsPublished(false));
    const posts = Array.from({ length: 300 }, (_, i) => `<article><p id="p${i}">Post ${i}: my sciatica is back and the physio says rest.</p></article>`);
    const { scanner, reports, started, terms } = startScanner(`<main>${posts.join('')}</main>`);
    await started;
    const before = reports.at(-1)!.matches;
    const post = document.createElement('article');
    post.innerHTML = '<p>New: lower back pain since Monday.</p>';
    document.querySelector('main')!.append(post);
    await vi.waitFor(() => expect(performance.getEntriesByName(PASS_MEASURE)).not.toHaveLength(0), { timeout: 5_000 });
    await settle();
    const after = reports.at(-1)!.matches;
    expect(after.map((match) => match.text)).toEqual([...before.map((match) => match.text), 'lower back pain']);
    // Nothing but the new post (and short pieces just before it, under 2,000 characters) was
    // detected again.
    const pass = performance.getEntriesByName(PASS_MEASURE).at(-1) as PerformanceMeasure;
    expect((pass.detail as ScanStats).chars).toBeLessThan(2 * 2_000);
    expect(terms()).toContain('lower back pain');
    scanner.stop();
  });

  it('drops the marks of text that gets hidden or made editable, and marks it again when shown', async () => {
    const { scanner, started, terms } = startScanner('<main><article><p id="p">My sciatica is back.</p></article><p id="q">Sciatica here too.</p></main>');
    await started;
    const paragraph = document.getElementById('p')!;
    paragraph.hidden = true;
    document.getElementById('q')!.setAttribute('contenteditable', 'true');
    await settle();
    expect(terms()).toEqual([]);
    paragraph.hidden = false;
    await settle();
    expect(terms()).toEqual(['sciatica']);
    scanner.stop();
  });

  it('marks nothing in a document being edited as a whole, and marks it again when editing ends', async () => {
    document.designMode = 'on';
    const { scanner, started, terms } = startScanner('<p>My sciatica is back.</p>');
    try {
      await started;
      expect(terms()).toEqual([]);
      document.designMode = 'off';
      document.body.append('');
      await settle();
      expect(terms()).toEqual(['sciatica']);
      document.designMode = 'on';
      document.body.append(' Typing about sciatica.');
      await settle();
      expect(terms()).toEqual([]);
    } finally {
      document.designMode = 'off';
      scanner.stop();
    }
  });

  // The caret at the viewport's top is on text, or, in the margin between two posts, on their parent.
  it.each([
    ['on the text of a post', () => ({ offsetNode: document.getElementById('p300')!.firstChild!, offset: 3 })],
    ['in the gap before a post', () => ({ offsetNode: document.body, offset: 300 })],
    ['on a form field before a post', () => ({ offsetNode: document.getElementById('field')!.firstChild!, offset: 0 })],
  ])('marks the text at the top of the viewport first when the page is scrolled down (caret %s)', async (_, caret) => {
    const posts = Array.from({ length: 400 }, (_, i) => `<article><p id="p${i}">Post ${i}: my sciatica is back.</p></article>`);
    posts.splice(300, 0, '<textarea id="field">my sciatica draft</textarea>');
    document.body.innerHTML = posts.join('');
    Object.defineProperty(window, 'scrollY', { value: 9_000, configurable: true });
    Object.assign(document, { caretPositionFromPoint: caret });
    // Every slice is over after one chunk, so the first marks shown are those of the first chunk.
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 5));
    const scanner = new PageScanner({ document, loadLexicon: () => Promise.resolve(scanLexicon()), postFinder: () => Promise.resolve(findPostsInSteps), onScanned: () => undefined });
    const name = scanner.marks.highlightNames.term;
    try {
      const started = scanner.start();
      let firstShown: number[] = [];
      while (firstShown.length === 0) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        firstShown = [...(registry.get(name) ?? [])].map((range) => Number((range.startContainer.parentNode as Element).id.slice(1)));
      }
      await started;
      expect(Math.min(...firstShown)).toBe(300);
      expect(registry.get(name)!.size).toBe(400);
    } finally {
      scanner.stop();
      clock.mockRestore();
      delete (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
      Object.defineProperty(window, 'scrollY', { value: 0, configurable: true });
    }
  });

  it('shows the marks near the viewport only, and follows it when it moves', async () => {
    const posts = Array.from({ length: 3_000 }, (_, i) => `<article><p id="p${i}">Post ${i}: my sciatica is back.</p></article>`);
    const postOf = (element: Element) => Number(element.closest('article')?.querySelector('p')?.id.slice(1) ?? -1);
    // Anchors come every 3,000 characters or so (55 posts here): a window of 120 posts holds some.
    scrollTo((element) => Math.abs(postOf(element) - 1_500) <= 120);
    const { scanner, started } = startScanner(posts.join(''));
    const name = scanner.marks.highlightNames.term;
    const markedPosts = () => [...(registry.get(name) ?? [])].map((range) => postOf(range.startContainer.parentElement!));
    await started;
    expect(markedPosts()).toEqual(expect.arrayContaining([1_495, 1_500, 1_505]));
    expect(Math.min(...markedPosts())).toBeGreaterThan(1_000);
    expect(Math.max(...markedPosts())).toBeLessThan(2_000);
    scrollTo((element) => postOf(element) <= 120);
    await settle();
    expect(markedPosts()).toEqual(expect.arrayContaining([0, 5, 10]));
    expect(Math.max(...markedPosts())).toBeLessThan(600);
    // The report still covers the whole page.
    scanner.stop();
  });

  it('reveals a reported match and refuses an unknown index', async () => {
    const { scanner, reports, started } = startScanner('<p>My sciatica is back.</p>');
    await started;
    expect(reports).toHaveLength(1);
    expect(scanner.reveal(0)).toBe(true);
    expect(marked(scanner.marks.highlightNames.flash)).toEqual(['sciatica']);
    expect(scanner.reveal(1)).toBe(false);
    scanner.stop();
  });
});
