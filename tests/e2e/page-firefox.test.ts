/**
 * The content script in Firefox ESR: marks through the Custom Highlight API, DOM untouched, and
 * what a hostile page can (not) do to it there.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, startFixtureServer, type FirefoxSession, type FixtureServer } from './harness';

const ADDON_ID = 'back-pain-lens@example.org';

/** The marked texts under a highlight name, read from live copies of the ranges. */
const markTexts = (page: Page, name: string) =>
  page.evaluate(
    (highlight) =>
      [...(CSS.highlights.get(highlight) ?? [])].map((range) => {
        const live = new Range();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        return live.toString();
      }),
    name,
  );

/** Records every window message from before the page's own scripts run. */
async function listenForMessages(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    window.addEventListener('message', (event) => heard.push(JSON.stringify(event.data)));
  });
}

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

  it('does not split terms at invisible characters or full-width letters', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(server.url('/page-hidden-characters.html'));
    await page.waitForFunction(() => performance.getEntriesByName('bpl:scan').length > 0, { timeout: 20_000 });
    expect((await markTexts(page, 'bpl-term')).sort()).toEqual(
      ['sci\u00adatica', 'sci\u200bat\u200bica', 'sci\u200cat\u200dica', 'ｓｃｉａｔｉｃａ'].sort(),
    );
    expect(await markTexts(page, 'bpl-red-flag')).toEqual(['numb\u00adness down th\u200bere']);
    await page.close();
  });

  it('hears no message from the extension and cannot switch it off with forged WXT ones', async () => {
    const page = await firefox.browser.newPage();
    await listenForMessages(page);
    await page.goto(server.url('/page-forum.html'));
    await page.waitForFunction(() => performance.getEntriesByName('bpl:scan').length > 0, { timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
    const before = (await markTexts(page, 'bpl-term')).length;
    await page.evaluate((id) => {
      for (const contentScriptName of ['content', 'content-script']) {
        const type = `${id}:${contentScriptName}:wxt:content-script-started`;
        window.postMessage({ type, contentScriptName, messageId: 'forged' }, '*');
        document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName, messageId: 'forged' } }));
        window.dispatchEvent(new Event(`${id}:${contentScriptName}:wxt:locationchange`));
      }
      const post = document.createElement('article');
      post.innerHTML = '<p>My sciatica flared up again today.</p>';
      document.getElementById('thread')!.append(post);
    }, ADDON_ID);
    await page.waitForFunction((count) => (CSS.highlights.get('bpl-term')?.size ?? 0) === count, { timeout: 10_000 }, before + 1);
    await page.close();
  });
});

describe('what a page can learn in Firefox ESR by default', () => {
  let firefox: FirefoxSession;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer();
    firefox = await launchFirefox({ publishTimings: false });
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('finds no timeline entry, extension resource or message while the page is marked', async () => {
    const page = await firefox.browser.newPage();
    await listenForMessages(page);
    await page.goto(server.url('/page-forum.html'));
    await page.waitForFunction(() => (CSS.highlights.get('bpl-red-flag')?.size ?? 0) > 0, { timeout: 20_000 });
    const seen = await page.evaluate(() => ({
      timings: [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('measure')].map((entry) => entry.name),
      foreignResources: performance
        .getEntriesByType('resource')
        .map((entry) => entry.name)
        .filter((name) => !name.startsWith(location.origin)),
      heard: (window as unknown as { heard: string[] }).heard,
    }));
    expect(seen).toEqual({ timings: [], foreignResources: [], heard: [] });
    await page.close();
  });
});
