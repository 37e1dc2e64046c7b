/**
 * The content script in real Chromium on 127.0.0.1 fixtures: marks through the Custom Highlight
 * API, an untouched DOM, live pages, pause, the badge, the hover card and the selection lookup.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startFixtureServer, type ChromiumSession, type FixtureServer } from './harness';
import { hoverCardText, type HighlightKind, installRangeHelpers, PAINTED_MARKS, tintedPixelsOfMark } from './page-helpers';
import { listenAsPanel, reportingTab, tabOfPage } from './ui-helpers';
import type { PanelRequest } from '../../lib/messages';

type Lookup = Extract<PanelRequest, { kind: 'lookup' }>;

interface RangeInfo {
  text: string;
  inShadow: boolean;
  /** The id of the nearest ancestor element that has one. */
  nearestId: string;
}

/** The ranges of our highlight of a kind, read from the page's own world. */
function highlightRanges(page: Page, kind: HighlightKind): Promise<RangeInfo[]> {
  return page.evaluate((highlightKind) => {
    return window.bplMarks(highlightKind).map((range) => {
      const container = range.startContainer;
      const element = container instanceof Element ? container : container.parentElement;
      let holder: Element | null = element;
      while (holder && !holder.id) holder = holder.parentElement ?? ((holder.getRootNode() as ShadowRoot).host ?? null);
      return {
        text: window.bplRangeText(range),
        inShadow: container.getRootNode() instanceof ShadowRoot,
        nearestId: holder?.id ?? '',
      };
    });
  }, kind);
}

const texts = (ranges: RangeInfo[]) => ranges.map((range) => range.text.toLowerCase()).sort();

/** The document as the server sent it, parsed without scripts, against the live one. */
function serializedDocuments(page: Page): Promise<{ live: string; pristine: string }> {
  return page.evaluate(async () => {
    const source = await (await fetch(location.href)).text();
    const pristine = new DOMParser().parseFromString(source, 'text/html').documentElement.outerHTML;
    return { live: document.documentElement.outerHTML, pristine };
  });
}

/**
 * A new page once it is scanned and its marks are shown: the intersection observer reports on the
 * pieces after the next rendering, and their marks follow within 20 ms.
 */
async function openScanned(session: ChromiumSession, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('bpl:scan').length > 0);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 100)))));
  return page;
}


async function badgeOf(session: ChromiumSession, url: string): Promise<string | null> {
  const tab = await reportingTab(session, url);
  if (!tab) return null;
  return session.serviceWorker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tab.tabId);
}

async function selectContents(page: Page, id: string): Promise<void> {
  await page.evaluate((elementId) => {
    const range = document.createRange();
    range.selectNodeContents(document.getElementById(elementId)!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  }, id);
}


/** Fire the real context-menu listener, as a click on "Look up …" in the tab would. */
async function clickLookupMenu(session: ChromiumSession, tabId: number, windowId: number): Promise<void> {
  await session.serviceWorker.evaluate(
    async ({ id, window }) => {
      const tab = { ...(await chrome.tabs.get(id)), windowId: window };
      const info = { menuItemId: 'bpl-lookup', selectionText: 'ignored', frameId: 0, editable: false, pageUrl: tab.url };
      (chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void }).dispatch(info, tab);
    },
    { id: tabId, window: windowId },
  );
}

describe('marks on the page', () => {
  let session: ChromiumSession;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchChromium();
    await installRangeHelpers(session.context);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('marks terms split over inline elements and inside an open shadow root, and skips form fields', async () => {
    const page = await openScanned(session, server.url('/page-forum.html'));
    const terms = await highlightRanges(page, 'term');
    const redFlags = await highlightRanges(page, 'red-flag');

    // Saddle numbness and a cancer diagnosis are the writer's own red flags.
    expect(texts(redFlags)).toEqual([expect.stringContaining('multiple myeloma'), 'numbness down there']);
    expect(texts(terms)).toEqual(expect.arrayContaining(['sciatica', 'weight loss']));
    // The heading's "lower back pain" is the page's furniture: no term mark there (lib/page/term-marks.ts).
    expect(texts(terms)).not.toContain('Lower back pain');
    // The negated red flag is an ordinary term; the split word is one range.
    expect(terms.find((range) => range.text === 'sciatica')?.nearestId).toBe('post-1');
    expect(redFlags.find((range) => range.text.includes('multiple myeloma'))?.inShadow).toBe(true);
    const traps = ['reply-title', 'reply-text', 'editor', 'reply-form'];
    expect([...terms, ...redFlags].filter((range) => traps.includes(range.nearestId))).toEqual([]);

    const shadowSheets = await page.evaluate(
      () => document.getElementById('shadow-post')!.shadowRoot!.adoptedStyleSheets.length,
    );
    expect(shadowSheets).toBe(1);
    await page.close();
  });

  it('paints its marks, in the document and inside a shadow root, from rules written for the root', async () => {
    const page = await openScanned(session, server.url('/page-forum.html'));
    const rules = await page.evaluate(() => [...document.adoptedStyleSheets.at(-1)!.cssRules].map((rule) => (rule as CSSStyleRule).selectorText));
    expect(rules.every((selector) => selector.startsWith(':root::highlight('))).toBe(true);
    for (const mark of PAINTED_MARKS) {
      expect(await tintedPixelsOfMark(page, async () => (await page.screenshot()).toString('base64'), mark)).toBeGreaterThan(10);
    }
    await page.close();
  });

  it('leaves the DOM byte-identical and records each pass on the page timeline', async () => {
    const page = await openScanned(session, server.url('/page-forum.html'));
    const { live, pristine } = await serializedDocuments(page);
    expect(live).toBe(pristine);
    const detail = await page.evaluate(
      () => (performance.getEntriesByName('bpl:scan')[0] as PerformanceMeasure).detail as Record<string, number>,
    );
    expect(detail).toMatchObject({ matches: expect.any(Number), slices: expect.any(Number) });
    expect(detail.matches).toBeGreaterThanOrEqual(5);
    expect(detail.chars).toBeGreaterThan(100);
    expect(detail.longestSliceMs).toBeLessThan(50);
    await page.close();
  });

  it('marks nothing on a page of non-medical look-alikes', async () => {
    const page = await openScanned(session, server.url('/page-confusables.html'));
    expect(await highlightRanges(page, 'term')).toEqual([]);
    expect(await highlightRanges(page, 'red-flag')).toEqual([]);
    await expect.poll(() => badgeOf(session, page.url())).toBe('');
    await page.close();
  });

  it('never takes over a highlight the page registered, and shows its own under names that say nothing', async () => {
    const page = await openScanned(session, server.url('/page-own-highlights.html'));
    const pageNames = ['bpl-term', 'bpl-red-flag', 'bpl-flash', 'term', 'red-flag', 'highlight'];
    const registry = () =>
      page.evaluate((names) => {
        const own = (window as unknown as { pageHighlights: Record<string, Highlight> }).pageHighlights;
        return {
          pagesKept: names.every((name) => CSS.highlights.get(name) === own[name] && own[name]!.size === 1),
          others: [...CSS.highlights.keys()].filter((name) => !names.includes(name)),
        };
      }, pageNames);
    await expect.poll(async () => (await registry()).others.length).toBe(2);
    const { pagesKept, others } = await registry();
    expect(pagesKept).toBe(true);
    // All a page can list while marks are shown: two names that say nothing (terms, red flags).
    expect(others.every((name) => /^h[a-z0-9]{6,}$/.test(name))).toBe(true);
    expect(texts(await highlightRanges(page, 'term'))).toEqual(['sciatica']);
    expect(texts(await highlightRanges(page, 'red-flag'))).toEqual(['numbness down there']);

    // The page takes one of our names: ours move to fresh ones, the page's stays.
    const taken = await page.evaluate(() => {
      const name = window.bplHighlightNames().term!;
      const words = document.getElementById('own')!.firstChild!;
      const own = new Highlight(new StaticRange({ startContainer: words, startOffset: 0, endContainer: words, endOffset: 3 }));
      (window as unknown as { taken: Highlight }).taken = own;
      CSS.highlights.set(name, own);
      const post = document.createElement('article');
      post.innerHTML = '<p>My sciatica again.</p>';
      document.getElementById('thread')!.append(post);
      return name;
    });
    await expect.poll(async () => (await highlightRanges(page, 'term')).length).toBe(2);
    expect(await page.evaluate(() => window.bplHighlightNames().term)).not.toBe(taken);
    expect(await page.evaluate((name) => CSS.highlights.get(name) === (window as unknown as { taken: Highlight }).taken, taken)).toBe(true);
    expect((await registry()).pagesKept).toBe(true);
    await page.close();
  });

  it('shows the affirmed red flags on the badge', async () => {
    const page = await openScanned(session, server.url('/page-forum.html'));
    await expect.poll(() => badgeOf(session, page.url())).toBe('2');
    await page.close();
  });

  it('keeps appended posts marked and drops marks of edited or removed text', async () => {
    const page = await openScanned(session, server.url('/page-forum.html'));
    await page.evaluate(() => {
      for (let i = 0; i < 3; i++) {
        const post = document.createElement('article');
        post.className = 'post';
        post.id = `appended-${i}`;
        post.innerHTML = `<p>Post ${i}: my <em>sciatica</em> flared up again.</p>`;
        document.getElementById('thread')!.append(post);
      }
    });
    await expect
      .poll(async () => (await highlightRanges(page, 'term')).filter((range) => range.nearestId.startsWith('appended-')).length)
      .toBe(3);

    await page.evaluate(() => {
      document.querySelector('#post-2 p')!.textContent = 'Since yesterday I feel fine.';
      document.getElementById('post-3')!.remove();
    });
    await expect.poll(async () => texts(await highlightRanges(page, 'red-flag'))).toEqual([expect.stringContaining('multiple myeloma')]);
    expect(texts(await highlightRanges(page, 'term'))).not.toContain('weight loss');
    await page.close();
  });

  it('removes every mark at once when paused on the site, and marks again on resume', async () => {
    const page = await openScanned(session, server.url('/page-forum.html'));
    const setPausedSites = (sites: string[]) =>
      session.serviceWorker.evaluate(async (paused) => {
        const { settings } = await chrome.storage.sync.get('settings');
        await chrome.storage.sync.set({ settings: { ...(settings ?? {}), version: 1, pausedSites: paused } });
      }, sites);

    // Sciatica twice and the negated weight loss; the heading's term is furniture.
    const before = (await highlightRanges(page, 'term')).length;
    expect(before).toBe(3);
    await setPausedSites(['127.0.0.1']);
    try {
      await expect.poll(async () => (await highlightRanges(page, 'term')).length).toBe(0);
      expect(await highlightRanges(page, 'red-flag')).toEqual([]);
      // Paused means nothing of ours in the page's registry, not even empty highlights.
      expect(await page.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
      expect(await page.evaluate(() => document.adoptedStyleSheets.length)).toBe(0);
      await expect.poll(() => badgeOf(session, page.url())).toBe('');
    } finally {
      await setPausedSites([]);
    }
    await expect.poll(async () => (await highlightRanges(page, 'term')).length).toBe(before);
    await page.close();
  });

  it('opens the hover card over a mark without covering it, and closes it with Escape', async () => {
    const page = await openScanned(session, server.url('/page-forum.html'));
    const word = await page.evaluate(() => {
      const rect = window.bplRangeRect(window.bplMarks('red-flag')[0]!);
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, top: rect.top, bottom: rect.bottom };
    });
    await page.mouse.click(word.x, word.y);
    await expect.poll(() => hoverCardText(page)).toContain('Open details');
    expect(await hoverCardText(page)).toContain('numbness down there');
    const box = (await page.locator('bpl-hover-card').boundingBox())!;
    expect(box.y >= word.bottom || box.y + box.height <= word.top).toBe(true);
    // Opened by a click, the card takes focus; Escape closes it and removes its host.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('bpl-hover-card').count()).toBe(0);
    const { live, pristine } = await serializedDocuments(page);
    expect(live).toBe(pristine);
    await page.close();
  });

  // The lexicon is an extension file fetched when scanning starts: a page's CSP must not stop it.
  it('marks a page with a strict Content-Security-Policy and opens the card there', async () => {
    const page = await openScanned(session, server.url('/page-strict-csp.html'));
    expect(texts(await highlightRanges(page, 'red-flag'))).toEqual(['numbness down there']);
    const word = await page.evaluate(() => {
      const rect = window.bplRangeRect(window.bplMarks('red-flag')[0]!);
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(word.x, word.y);
    await expect.poll(() => hoverCardText(page)).toContain('numbness down there');
    await page.close();
  });

  it('opens the card on hover with the topic title, and closes it when the pointer leaves', async () => {
    const page = await openScanned(session, server.url('/page-forum.html'));
    const word = await page.evaluate(() => {
      const range = window.bplMarks('term').find((mark) => window.bplRangeText(mark) === 'sciatica')!;
      const rect = window.bplRangeRect(range);
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(word.x - 3, word.y);
    await page.mouse.move(word.x, word.y);
    await expect.poll(() => hoverCardText(page)).toMatch(/Topic: Sciatica/i);
    // Hovering does not take focus from the page.
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('body');
    await page.mouse.move(5, 5);
    await expect.poll(() => page.locator('bpl-hover-card').count()).toBe(0);
    await page.close();
  });

  it('looks up the selection from the keyboard command as well', async () => {
    const page = await openScanned(session, server.url('/page-forum.html'));
    await selectContents(page, 'post-1');
    const { tabId, windowId } = await tabOfPage(session, page);
    const panel = await listenAsPanel(session, windowId);
    await session.serviceWorker.evaluate(async (id) => {
      const tab = await chrome.tabs.get(id);
      (chrome.commands.onCommand as unknown as { dispatch(...args: unknown[]): void }).dispatch('lookup-selection', tab);
    }, tabId);
    const request = await panel.nextRequest();
    await panel.close();
    expect(request).toMatchObject({ kind: 'lookup', text: expect.stringContaining('sciatica') });
    await page.close();
  });

  it('looks up a selection from the context menu and hands the side panel the result', async () => {
    const page = await openScanned(session, server.url('/page-forum.html'));
    await selectContents(page, 'post-2');
    const { tabId, windowId } = await tabOfPage(session, page);
    const panel = await listenAsPanel(session, windowId);
    await clickLookupMenu(session, tabId, windowId);
    const request = (await panel.nextRequest()) as Lookup;
    await panel.close();
    // The page's own selection wins over the menu's whitespace-collapsed copy.
    expect(request).toMatchObject({ kind: 'lookup', truncated: false, text: expect.stringContaining('numbness down there') });
    expect(request.detection.redFlags).toContainEqual({ id: 'rf-saddle-numbness', context: 'affirmed', experiencer: 'writer' });
    expect(request.results.length).toBeGreaterThan(0);
    await page.close();
  });

  it('cuts a selection over 20,000 characters and says so', async () => {
    const page = await openScanned(session, server.url('/page-forum.html'));
    await page.evaluate(() => {
      const long = document.createElement('p');
      long.id = 'long-post';
      long.textContent = 'My sciatica is bad today. '.repeat(1_000);
      document.body.append(long);
    });
    await selectContents(page, 'long-post');
    const { tabId, windowId } = await tabOfPage(session, page);
    const panel = await listenAsPanel(session, windowId);
    await clickLookupMenu(session, tabId, windowId);
    const request = (await panel.nextRequest()) as Lookup;
    await panel.close();
    expect(request).toMatchObject({ kind: 'lookup', truncated: true });
    expect(request.text).toHaveLength(20_000);
    expect(request.detection.matches.length).toBeGreaterThan(500);
    await page.close();
  });

  it('shows a looked-up selection in the side panel as text only, markup and all', async () => {
    const page = await openScanned(session, server.url('/page-forum.html'));
    const panel = await session.context.newPage();
    await panel.goto(session.extensionUrl('sidepanel.html'));
    const panelWindowId = await panel.evaluate(async () => (await chrome.windows.getCurrent()).id!);
    await selectContents(page, 'post-5');
    const { tabId } = await tabOfPage(session, page);
    await clickLookupMenu(session, tabId, panelWindowId);
    const quote = panel.locator('blockquote');
    await expect.poll(() => quote.count()).toBe(1);
    expect(await quote.innerText()).toContain('<img src=x onerror=');
    expect(await quote.innerText()).toContain('<script>alert(1)</script>');
    expect(await panel.locator('blockquote img, blockquote script').count()).toBe(0);
    expect(await panel.title()).not.toBe('pwned');
    expect(await panel.locator('body').innerText()).toMatch(/sciatica/i);
    await page.close();
    await panel.close();
  });

  it('asks for a selection in the side panel when the keyboard command finds none', async () => {
    const page = await openScanned(session, server.url('/page-forum.html'));
    const panel = await session.context.newPage();
    await panel.goto(session.extensionUrl('sidepanel.html'));
    const panelWindowId = await panel.evaluate(async () => (await chrome.windows.getCurrent()).id!);
    await page.evaluate(() => getSelection()!.removeAllRanges());
    const { tabId } = await tabOfPage(session, page);
    await session.serviceWorker.evaluate(
      async ({ id, window }) => {
        const tab = { ...(await chrome.tabs.get(id)), windowId: window };
        (chrome.commands.onCommand as unknown as { dispatch(...args: unknown[]): void }).dispatch('lookup-selection', tab);
      },
      { id: tabId, window: panelWindowId },
    );
    const status = panel.locator('[role="status"]', { hasText: 'Select some text' });
    await expect.poll(() => status.count()).toBe(1);
    expect(await panel.locator('blockquote').count()).toBe(0);
    await page.close();
    await panel.close();
  });

  it('marks same-origin frames, including srcdoc ones', async () => {
    const page = await session.context.newPage();
    await page.goto(server.url('/page-frames.html'));
    const frameMarks = async (name: string) => {
      const frame = page.frames().find((candidate) => candidate.name() === name || candidate.url().includes(name));
      return frame ? frame.evaluate(() => window.bplMarks('term').map(window.bplRangeText)) : [];
    };
    await expect.poll(() => frameMarks('page-frame-post.html')).toEqual(['sciatica']);
    await expect.poll(() => frameMarks('about:srcdoc')).toContain('sciatica');
    await page.close();
  });

  it('left no errors in any page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
