/** The content script in Firefox ESR: marks through the Custom Highlight API, DOM untouched. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, startFixtureServer, type FirefoxSession, type FixtureServer } from './harness';

describe('marks in Firefox ESR', () => {
  let firefox: FirefoxSession;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('marks terms and red flags, in the shadow root too, without changing the DOM', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(server.url('/page-forum.html'));
    await page.waitForFunction(() => performance.getEntriesByName('bpl:scan').length > 0, { timeout: 20_000 });
    const marks = await page.evaluate(() => {
      // Marks are StaticRanges: read their text from a live copy.
      const texts = (name: string) =>
        [...(CSS.highlights.get(name) ?? [])].map((range) => {
          const live = new Range();
          live.setStart(range.startContainer, range.startOffset);
          live.setEnd(range.endContainer, range.endOffset);
          return live.toString();
        });
      return { terms: texts('bpl-term'), redFlags: texts('bpl-red-flag').sort(), documentSheets: document.adoptedStyleSheets.length };
    });
    expect(marks.terms).toContain('sciatica');
    expect(marks.redFlags).toEqual([expect.stringContaining('multiple myeloma'), 'numbness down there']);
    expect(marks.documentSheets).toBe(1);
    const { live, pristine } = await page.evaluate(async () => {
      const source = await (await fetch(location.href)).text();
      const parsed = new DOMParser().parseFromString(source, 'text/html').documentElement.outerHTML;
      return { live: document.documentElement.outerHTML, pristine: parsed };
    });
    expect(live).toBe(pristine);
    await page.close();
  });

  // The second page's Content-Security-Policy allows nothing: the card still loads.
  it.each(['/page-forum.html', '/page-strict-csp.html'])('opens the hover card on a click and closes it with Escape (%s)', async (path) => {
    const page = await firefox.browser.newPage();
    await page.goto(server.url(path));
    await page.waitForFunction(() => performance.getEntriesByName('bpl:scan').length > 0, { timeout: 20_000 });
    const point = await page.evaluate(() => {
      const [range] = [...CSS.highlights.get('bpl-term')!];
      const live = new Range();
      live.setStart(range!.startContainer, range!.startOffset);
      live.setEnd(range!.endContainer, range!.endOffset);
      const rect = live.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(point.x, point.y);
    // The card's shadow root is closed: page script sees only a host it cannot look into.
    await page.waitForFunction(() => (document.querySelector('bpl-hover-card')?.getBoundingClientRect().height ?? 0) > 40, {
      timeout: 10_000,
    });
    expect(await page.evaluate(() => document.querySelector('bpl-hover-card')!.shadowRoot)).toBeNull();
    // Opened by a click, the card has focus (inside it, the page only sees its host).
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('bpl-hover-card');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('bpl-hover-card') === null, { timeout: 10_000 });
    await page.close();
  });
});
