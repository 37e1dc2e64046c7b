/**
 * The content script in Firefox ESR: marks through the Custom Highlight API, DOM untouched, and
 * what a hostile page can (not) do to it there.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PART_FILES } from '../../lib/page/parts';
import { launchFirefox, startFixtureServer, type FirefoxSession, type FixtureServer } from './harness';
import { PAINTED_MARKS, tintedPixelsOfMark } from './page-helpers';

const ADDON_ID = 'back-pain-lens@example.org';

/**
 * The marked texts of our highlight of a kind, read from live copies of the ranges. Our highlights
 * have random names: a page finds them, as here, in the `::highlight()` rules of our style sheet
 * (term, red flag, flash; only the flash when marks are off).
 */
const markTexts = (page: Page, kind: 'term' | 'red-flag' | 'flash') =>
  page.evaluate((which) => {
    const sheet = document.adoptedStyleSheets.find((candidate) => candidate.cssRules.length > 0);
    const names = [...(sheet?.cssRules ?? [])].map((rule) => /^::highlight\(([^)]+)\)/.exec((rule as CSSStyleRule).selectorText)?.[1]);
    const name = names.length === 3 ? names[['term', 'red-flag', 'flash'].indexOf(which)] : which === 'flash' ? names[0] : undefined;
    return [...(CSS.highlights.get(name ?? '') ?? [])].map((range) => {
      const live = new Range();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      return live.toString();
    });
  }, kind);

/**
 * Waits until the page is scanned and the marks near the viewport are shown: the intersection
 * observer reports on the pieces after the next rendering, and their marks follow within 20 ms.
 */
async function scanned(page: Page, timeout = 20_000): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('bpl:scan').length > 0, { timeout });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)))));
}

/** Records every window message from before the page's own scripts run. */
async function listenForMessages(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(() => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    window.addEventListener('message', (event) => heard.push(JSON.stringify(event.data)));
  });
}


/**
 * Click the middle of the page's first term mark (its highlight named in our style sheet's first
 * rule) and wait until the hover card's host shows a rendered card.
 */
async function openCardOnFirstTerm(page: Page): Promise<void> {
  const point = await page.evaluate(() => {
    const sheet = document.adoptedStyleSheets.find((candidate) => candidate.cssRules.length === 3)!;
    const term = /^::highlight\(([^)]+)\)/.exec((sheet.cssRules[0] as CSSStyleRule).selectorText)![1]!;
    const [range] = [...CSS.highlights.get(term)!];
    const live = new Range();
    live.setStart(range!.startContainer, range!.startOffset);
    live.setEnd(range!.endContainer, range!.endOffset);
    const rect = live.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await page.mouse.click(point.x, point.y);
  await page.waitForFunction(() => (document.querySelector('bpl-hover-card')?.getBoundingClientRect().height ?? 0) > 40, { timeout: 10_000 });
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
    await scanned(page);
    const marks = {
      terms: await markTexts(page, 'term'),
      redFlags: (await markTexts(page, 'red-flag')).sort(),
      documentSheets: await page.evaluate(() => document.adoptedStyleSheets.length),
    };
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

  it('paints its marks, in the document and inside a shadow root, from rules for every element', async () => {
    const page = await firefox.browser.newPage();
    await page.bringToFront();
    await page.goto(server.url('/page-forum.html'));
    await scanned(page);
    const rules = await page.evaluate(() => [...document.adoptedStyleSheets.at(-1)!.cssRules].map((rule) => (rule as CSSStyleRule).selectorText));
    expect(rules.every((selector) => selector.startsWith('::highlight('))).toBe(true);
    for (const mark of PAINTED_MARKS) {
      expect(await tintedPixelsOfMark(page, () => page.screenshot({ encoding: 'base64' }), mark)).toBeGreaterThan(10);
    }
    await page.close();
  });

  // The second page's Content-Security-Policy allows nothing: the card still loads.
  it.each(['/page-forum.html', '/page-strict-csp.html'])('opens the hover card on a click and closes it with Escape (%s)', async (path) => {
    const page = await firefox.browser.newPage();
    await page.goto(server.url(path));
    await scanned(page);
    await openCardOnFirstTerm(page);
    // The card's shadow root is closed: page script sees only a host it cannot look into.
    expect(await page.evaluate(() => document.querySelector('bpl-hover-card')!.shadowRoot)).toBeNull();
    // Opened by a click, the card has focus (inside it, the page only sees its host).
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('bpl-hover-card');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('bpl-hover-card') === null, { timeout: 10_000 });
    await page.close();
  });

  it('never takes over a highlight the page registered, and shows its own under names that say nothing', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(server.url('/page-own-highlights.html'));
    await scanned(page);
    await page.waitForFunction(() => CSS.highlights.size === 8, { timeout: 10_000 });
    const registry = await page.evaluate(() => {
      const own = (window as unknown as { pageHighlights: Record<string, Highlight> }).pageHighlights;
      return {
        pagesKept: Object.entries(own).every(([name, highlight]) => CSS.highlights.get(name) === highlight && highlight.size === 1),
        others: [...CSS.highlights.keys()].filter((name) => !(name in own)),
      };
    });
    expect(registry.pagesKept).toBe(true);
    expect(registry.others).toHaveLength(2);
    expect(registry.others.every((name) => /^h[a-z0-9]{6,}$/.test(name))).toBe(true);
    expect(await markTexts(page, 'term')).toEqual(['sciatica']);
    await page.close();
  });

  it('marks nothing in a frame in design mode, nor in one whose body is editable, and takes marks out of one switched on', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(server.url('/page-editable.html'));
    await scanned(page);
    const frames = page.frames().filter((frame) => frame !== page.mainFrame());
    expect(frames).toHaveLength(3);
    const registered = (frame: (typeof frames)[number]) => frame.evaluate(() => [...CSS.highlights.values()].reduce((count, highlight) => count + highlight.size, 0));
    const later = frames.find((frame) => frame.url().includes('page-frame-editor.html'))!;
    for (const frame of frames) await frame.waitForFunction(() => performance.getEntriesByName('bpl:scan').length > 0, { timeout: 20_000 });
    for (const frame of frames.filter((candidate) => candidate !== later)) expect(await registered(frame)).toBe(0);
    await later.waitForFunction(() => [...CSS.highlights.values()].some((highlight) => highlight.size > 0), { timeout: 10_000 });
    await later.evaluate(() => {
      document.designMode = 'on';
    });
    await later.waitForFunction(() => CSS.highlights.size === 0, { timeout: 10_000 });
    await page.close();
  });

  // Known flake (about one run in four inside the whole suite, not seen alone): the appended post is sometimes
  // never marked in Firefox; the cause is not found yet (see the README's known limits). Retried meanwhile.
  it('registers marks only near the viewport of a long thread, follows the reader and marks an appended post', { retry: 2 }, async () => {
    const page = await firefox.browser.newPage();
    // The intersection observer reports only while the tab is rendered: make sure it is the selected one.
    await page.bringToFront();
    await page.goto(server.url('/page-long-thread.html'));
    await scanned(page, 30_000);
    const matches = await page.evaluate(() => ((performance.getEntriesByName('bpl:scan')[0] as PerformanceMeasure).detail as { matches: number }).matches);
    expect(matches).toBeGreaterThanOrEqual(3_000);
    /** The marked posts, by number, and whether one of them is in view. */
    const shown = () =>
      page.evaluate(() => {
        const ranges = [...CSS.highlights.values()].flatMap((highlight) => [...highlight]) as AbstractRange[];
        const posts = ranges.map((range) => Number((range.startContainer.parentElement!.closest('.post')?.id ?? 'post--1').slice(5)));
        const inView = ranges.some((range) => {
          const top = range.startContainer.parentElement!.getBoundingClientRect().top;
          return top >= 0 && top < innerHeight;
        });
        return { posts, inView };
      });
    await page.waitForFunction(() => [...CSS.highlights.values()].some((highlight) => highlight.size > 10), { timeout: 10_000 });
    const atTop = await shown();
    expect(atTop.posts.length).toBeLessThan(matches / 5);
    expect(Math.max(...atTop.posts)).toBeLessThan(600);

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
    await expect.poll(async () => (await shown()).inView).toBe(true);
    await expect.poll(async () => Math.min(...(await shown()).posts)).toBeGreaterThan(600);
    // A jump back up: the text in view is marked again and the middle of the thread loses its marks.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 10));
    await expect.poll(async () => (await shown()).inView).toBe(true);
    await expect.poll(async () => Math.max(...(await shown()).posts)).toBeLessThan(matches / 4);

    await page.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      (window as unknown as { appendPost(text: string): void }).appendPost('New here: since Monday I have numbness down there.');
    });
    // The reader stays at the end: on a loaded machine Firefox's observer may first report the old end,
    // so each look scrolls to the end again, as a reader waiting for the new post would.
    await expect
      .poll(async () => {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
        return markTexts(page, 'red-flag');
      })
      .toEqual(['numbness down there']);
    await page.close();
  });

  it('scans a 2 MB text node and marks its end once the reader gets there', async () => {
    const page = await firefox.browser.newPage();
    await page.bringToFront();
    await page.goto(server.url('/page-text-node.html'));
    await scanned(page, 60_000);
    await expect.poll(async () => (await markTexts(page, 'term')).length).toBeGreaterThan(10);
    expect(await markTexts(page, 'red-flag')).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => markTexts(page, 'red-flag')).toEqual(['numbness down there']);
    await page.close();
  });

  it('does not split terms at invisible characters or full-width letters', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(server.url('/page-hidden-characters.html'));
    await scanned(page);
    expect((await markTexts(page, 'term')).sort()).toEqual(
      ['sci\u00adatica', 'sci\u200bat\u200bica', 'sci\u200cat\u200dica', 'ｓｃｉａｔｉｃａ'].sort(),
    );
    expect(await markTexts(page, 'red-flag')).toEqual(['numb\u00adness down th\u200bere']);
    await page.close();
  });

  it('hears no message from the extension and cannot switch it off with forged WXT ones', async () => {
    const page = await firefox.browser.newPage();
    await listenForMessages(page);
    await page.goto(server.url('/page-forum.html'));
    await scanned(page);
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
    const before = (await markTexts(page, 'term')).length;
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
    await expect.poll(async () => (await markTexts(page, 'term')).length).toBe(before + 1);
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
    await page.waitForFunction(() => [...CSS.highlights.values()].some((highlight) => highlight.size > 0), { timeout: 20_000 });
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

  it('finds no file or global of the parts injected for the posts and the hover card', async () => {
    const page = await firefox.browser.newPage();
    await listenForMessages(page);
    await page.goto(server.url('/demo-forum.html'));
    await page.waitForFunction(() => [...CSS.highlights.values()].some((highlight) => highlight.size > 0), { timeout: 20_000 });
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)))));
    // The card is a part injected on first use: its host shows with the card rendered inside.
    await openCardOnFirstTerm(page);
    const probe = await page.evaluate(
      async ({ base, files }) => {
        const fetched: string[] = [];
        for (const file of files) {
          try {
            await fetch(base + file.slice(1));
            fetched.push(file);
          } catch {
            // Not web-accessible, like every file of the add-on.
          }
        }
        return {
          fetched,
          ours: ['__backPainLensParts', 'contentScript', 'hoverCard', 'postFinder'].filter((name) => name in window),
          foreignResources: performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => !name.startsWith(location.origin)),
          heard: (window as unknown as { heard: string[] }).heard,
        };
      },
      { base: firefox.extensionBase, files: Object.values(PART_FILES) },
    );
    expect(probe).toEqual({ fetched: [], ours: [], foreignResources: [], heard: [] });
    await page.close();
  });
});
