/**
 * The content script over a page's life in real Chromium: single-page-app navigation, the side
 * panel asking it to reveal a match, "Open details" in the hover card, and the extension being
 * reloaded under an open page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startFixtureServer, type ChromiumSession, type FixtureServer } from './harness';
import { clickInHoverCard, hoverCardText, type HighlightKind, installRangeHelpers } from './page-helpers';
import { listenAsPanel } from './ui-helpers';

const markTexts = (page: Page, kind: HighlightKind) =>
  page.evaluate((highlightKind) => window.bplMarks(highlightKind).map(window.bplRangeText).sort(), kind);

async function openScanned(session: ChromiumSession, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('bpl:scan').length > 0);
  return page;
}

/** What the background stored for the tab showing a URL, read from an extension page. */
async function storedFindings(extensionPage: Page, url: string) {
  return extensionPage.evaluate(async (pageUrl) => {
    const stored = (await chrome.storage.session.get(null)) as Record<string, { tabId: number; url: string; detection: { matches: unknown[] } }>;
    return Object.values(stored).find((entry) => entry.url === pageUrl) ?? null;
  }, url);
}

describe('the content script over a page’s life', () => {
  let session: ChromiumSession;
  let server: FixtureServer;
  let extensionPage: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchChromium();
    await installRangeHelpers(session.context);
    extensionPage = await session.context.newPage();
    await extensionPage.goto(session.extensionUrl('popup.html'));
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('rescans after a history API navigation and reports the new address', async () => {
    const page = await openScanned(session, server.url('/page-forum.html'));
    await page.evaluate(() => {
      history.pushState({}, '', '/page-forum.html?thread=2');
      document.getElementById('thread')!.innerHTML = '<article class="post"><p>Only a stiff neck here.</p></article>';
    });
    await expect.poll(() => markTexts(page, 'red-flag')).toEqual([]);
    const newUrl = server.url('/page-forum.html?thread=2');
    await expect.poll(() => storedFindings(extensionPage, newUrl), { timeout: 5_000 }).not.toBeNull();
    await page.close();
  });

  it('reveals a match the side panel asks for by flashing it', async () => {
    const page = await openScanned(session, server.url('/page-forum.html'));
    await expect.poll(() => storedFindings(extensionPage, page.url())).not.toBeNull();
    const { tabId } = (await storedFindings(extensionPage, page.url()))!;
    const revealed = await extensionPage.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: 'reveal-match', index: 0 }),
      tabId,
    );
    expect(revealed).toBe(true);
    expect(await page.evaluate(() => window.bplMarks('flash').length)).toBe(1);
    const missing = await extensionPage.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'reveal-match', index: 999 }), tabId);
    expect(missing).toBe(false);
    await page.close();
  });

  it('asks the background to open the side panel at the red flag from "Open details"', async () => {
    const page = await openScanned(session, server.url('/page-forum.html'));
    await expect.poll(() => storedFindings(extensionPage, page.url())).not.toBeNull();
    const { tabId } = (await storedFindings(extensionPage, page.url()))!;
    const windowId = await extensionPage.evaluate(async (id) => (await chrome.tabs.get(id)).windowId, tabId);
    const point = await page.evaluate(() => {
      const range = window.bplMarks('red-flag').find((mark) => window.bplRangeText(mark) === 'numbness down there')!;
      const rect = window.bplRangeRect(range);
      return { x: rect.left + 5, y: rect.top + rect.height / 2 };
    });
    // Listen as the window's panel does (the real side panel may open and connect too).
    const panel = await listenAsPanel(session, windowId);
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => hoverCardText(page)).not.toBeNull();
    await clickInHoverCard(page, 'button.open');
    await expect.poll(() => page.locator('bpl-hover-card').count()).toBe(0);
    const request = await panel.nextRequest();
    await panel.close();
    expect(request).toEqual({ kind: 'red-flag', id: 'rf-saddle-numbness' });
    await page.close();
  });

  it('stops quietly when the extension is reloaded under an open page', async () => {
    const page = await openScanned(session, server.url('/page-forum.html'));
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    expect((await markTexts(page, 'term')).length).toBeGreaterThan(0);
    await session.serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    // The orphaned script notices within its liveness check and takes its marks away.
    await expect.poll(() => markTexts(page, 'term')).toEqual([]);
    await page.evaluate(() => {
      const post = document.createElement('article');
      post.innerHTML = '<p>My sciatica is back.</p>';
      document.getElementById('thread')!.append(post);
      post.remove();
      // Its location watcher and observers went with it: a navigation does not bring marks back.
      history.pushState({}, '', '/page-forum.html?after-reload');
    });
    await page.mouse.move(100, 100);
    await page.waitForTimeout(1_500);
    expect(await markTexts(page, 'term')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    expect(session.pageErrors.filter((error) => !error.startsWith('chrome-extension://'))).toEqual([]);
  });
});
