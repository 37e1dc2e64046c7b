// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Detection } from '../../lib/types';
import { findPostsInSteps } from '../../lib/page/posts';
import { PageScanner } from '../../lib/page/scanner';
import { detect, summarizeMatches, textGenre } from '../../lib/detect';
import { markKindOf } from '../../lib/page/marks';
import { mayCarryTermMarks } from '../../lib/page/term-marks';
import { windowEnd, windowStart } from '../../lib/detect/window';
import { buildTextIndex, CONTEXT_AFTER_MAX_CHARS, CONTEXT_BEFORE_MAX_CHARS, nodeAt, stretchesOf } from '../../lib/page/text-index';
import { scanLexicon, stretchMatches } from './page-lexicon';
import { useHighlightFakes } from './page-dom-fakes';
import { unpackDetection } from '../../lib/packed-detection';

useHighlightFakes();

/**
 * A health page followed by a thread: a heading with a list of warning signs under it, posts whose
 * mentions take their context from blocks before them (someone else's story, a negation) or after
 * them ("It went away"), and long paragraphs, so that stretch cuts fall everywhere.
 */
const PAGE = `
<h1>Back pain: when to get help</h1>
<p>Most back pain gets better on its own within a few weeks.</p>
<h2>Get urgent help if you have</h2>
<ul>
  <li>numbness down there</li>
  <li>loss of bladder control</li>
  <li>weakness in both legs</li>
</ul>
<p>If you had breast cancer in the past, tell your doctor about new back pain.</p>
${Array.from({ length: 12 }, (_, i) => `
<article id="post-${i}">
  <p>My mum had breast cancer years ago.</p>
  <p>The backache got worse for her last winter.</p>
  <p>She had weight loss too.</p>
  <p>As for me, I have sciatica down my left leg. I had pins and needles in my feet last week.</p>
  <p>It went away after a few days.</p>
  <p>No numbness down there, no problems with my bladder. ${'We walk the dog every day and the weather has been kind. '.repeat(i % 4)}Since Monday my lower back pain wakes me at night.</p>
</article>`).join('')}`;

describe('stretch detection', () => {
  it('finds in stretches exactly what detection finds in the whole text, for any stretch size', () => {
    document.body.innerHTML = PAGE;
    const { lexicon } = scanLexicon();
    const [whole] = stretchesOf(document.body);
    const wholeText = whole!.text;
    const expected = detect(wholeText, lexicon).matches;
    expect(expected.length).toBeGreaterThan(40);
    expect(new Set(expected.map((match) => `${match.context} ${match.experiencer}`)).size).toBeGreaterThan(2);
    for (const size of [150, 400, 1_000, 3_000]) {
      const stretches = stretchesOf(document.body, size);
      expect(stretches.length).toBeGreaterThan(wholeText.length / (size * 3));
      let cursor = 0;
      const found = stretches.flatMap((stretch) => {
        const own = stretch.text.slice(stretch.from, stretch.to);
        const offset = wholeText.indexOf(own, cursor);
        cursor = offset + own.length;
        return stretchMatches(stretch, wholeText).map((match) => ({ ...match, start: match.start + offset, end: match.end + offset }));
      });
      expect(found).toEqual(expected);
    }
  });

  it('gives each stretch at least the text that detection’s window reads around it', () => {
    // One line with no break and no space: the window runs on as far as it ever does.
    const line = 'x'.repeat(20_000);
    expect(10_000 - windowStart(line, 10_000)).toBeLessThanOrEqual(CONTEXT_BEFORE_MAX_CHARS);
    expect(windowEnd(line, 10_000) - 10_000).toBeLessThanOrEqual(CONTEXT_AFTER_MAX_CHARS);
    document.body.innerHTML = PAGE;
    const wholeText = stretchesOf(document.body)[0]!.text;
    let cursor = 0;
    for (const stretch of stretchesOf(document.body, 400)) {
      const own = stretch.text.slice(stretch.from, stretch.to);
      const offset = wholeText.indexOf(own, cursor);
      cursor = offset + own.length;
      expect(stretch.from).toBe(Math.min(CONTEXT_BEFORE_MAX_CHARS, offset));
      expect(stretch.text.length - stretch.to).toBe(Math.min(CONTEXT_AFTER_MAX_CHARS, wholeText.length - cursor));
    }
    expect(textGenre(PAGE, scanLexicon().lexicon)).toBeTruthy();
  });
});

describe('a page scan', () => {
  it('reports what detection finds in the whole text of the page, but the terms in its headings', async () => {
    document.body.innerHTML = PAGE.repeat(4);
    const { lexicon, redFlags } = scanLexicon();
    const index = buildTextIndex(document.body);
    // Ordinary terms in the page's furniture (its headings here) are neither marked nor reported.
    const inProse = detect(index.text, lexicon).matches.filter(
      (match) => markKindOf(match) === 'red-flag' || mayCarryTermMarks(nodeAt(index, match.start).parentElement),
    );
    const expected = summarizeMatches(inProse, redFlags, textGenre(index.text, lexicon));
    expect(inProse.length).toBeGreaterThan(100);
    let report: Detection | null = null;
    const scanner = new PageScanner({ document, loadLexicon: () => Promise.resolve(scanLexicon()), postFinder: () => Promise.resolve(findPostsInSteps), onScanned: (detection) => (report = unpackDetection(detection())) });
    await scanner.start();
    const essentials = (detection: Detection) => ({
      matches: detection.matches.map(({ text, termId, context, experiencer }) => ({ text, termId, context, experiencer })),
      redFlags: detection.redFlags,
      topics: detection.topics,
      urgency: detection.urgency,
    });
    expect(essentials(report!)).toEqual(essentials(expected));
    scanner.stop();
  });
});
