/**
 * Huge and live pages in real Chromium: marks only near the viewport (following the reader), one
 * 2 MB text node scanned in short stretches, and a busy chat whose every pass scans only what
 * changed. What each pass scanned comes from the `bpl:scan` and `bpl:pass` measures; the time it
 * all takes is `npm run bench:page`'s business, not a test's.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanStats } from '../../lib/page/scanner';
import { launchChromium, startFixtureServer, type ChromiumSession, type FixtureServer } from './harness';
import { installRangeHelpers } from './page-helpers';

async function openScanned(session: ChromiumSession, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('bpl:scan').length > 0, undefined, { timeout: 30_000 });
  return page;
}

const scanStats = (page: Page) =>
  page.evaluate(() => (performance.getEntriesByName('bpl:scan')[0] as PerformanceMeasure).detail as ScanStats);

const passStats = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('bpl:pass').map((entry) => (entry as PerformanceMeasure).detail as ScanStats));

/** Where our marks are now, in viewport heights from the top of the viewport, and their texts. */
function shownMarks(page: Page) {
  return page.evaluate(() =>
    [...window.bplMarks('term'), ...window.bplMarks('red-flag')].map((range) => ({
      screens: window.bplRangeRect(range).top / innerHeight,
      text: window.bplRangeText(range),
      id: (range.startContainer.parentElement?.closest('[id]') as Element | null)?.id ?? '',
    })),
  );
}

describe('huge and live pages', () => {
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

  it('registers marks only near the viewport of a long thread, and follows the reader', async () => {
    const page = await openScanned(session, server.url('/page-long-thread.html'));
    const stats = await scanStats(page);
    expect(stats.matches).toBeGreaterThanOrEqual(3_000);
    await expect.poll(async () => (await shownMarks(page)).length).toBeGreaterThan(10);
    const atTop = await shownMarks(page);
    // Two screens of margin each way, and a piece's worth of slack.
    expect(atTop.length).toBeLessThan(stats.matches / 5);
    expect(atTop.every((mark) => mark.screens > -4 && mark.screens < 8)).toBe(true);

    // Jumps far apart, each way: the text in view gets its marks and the text left behind loses them.
    for (const share of [0.5, 0.1, 0.9, 0.3]) {
      await page.evaluate((at) => window.scrollTo(0, document.documentElement.scrollHeight * at), share);
      await expect.poll(async () => (await shownMarks(page)).some((mark) => mark.screens >= 0 && mark.screens < 1)).toBe(true);
      await expect.poll(async () => (await shownMarks(page)).every((mark) => mark.screens > -8 && mark.screens < 8)).toBe(true);
      expect((await shownMarks(page)).map((mark) => mark.id)).not.toContain('post-0');
    }
    await page.close();
  });

  it('rescans only an appended post, not the long thread it joins', async () => {
    const page = await openScanned(session, server.url('/page-long-thread.html'));
    const whole = await scanStats(page);
    await page.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      (window as unknown as { appendPost(text: string): void }).appendPost('New here: since Monday I have numbness down there.');
    });
    await expect.poll(async () => (await shownMarks(page)).map((mark) => mark.text)).toContain('numbness down there');
    const passes = await passStats(page);
    expect(passes.length).toBeGreaterThan(0);
    // The post, a short piece before it and the context around: a few thousand characters.
    expect(Math.max(...passes.map((pass) => pass.chars))).toBeLessThan(8_000);
    expect(whole.chars).toBeGreaterThan(200_000);
    await page.close();
  });

  it('scans a 2 MB text node in short stretches, and marks its end once the reader gets there', async () => {
    const page = await openScanned(session, server.url('/page-text-node.html'));
    const stats = await scanStats(page);
    // All of it but the space at each cut, which is in no piece.
    expect(stats.chars).toBeGreaterThan(2_000_000 - stats.stretches);
    // Stretches of at most 16,000 characters, run on to twice that to reach a sentence end.
    expect(stats.longestStretchChars).toBeLessThanOrEqual(32_000);
    expect(stats.stretches).toBeGreaterThanOrEqual(2_000_000 / 32_000);
    expect(stats.slices).toBeGreaterThan(stats.stretches / 8);
    await expect.poll(async () => (await shownMarks(page)).length).toBeGreaterThan(10);
    const atTop = await shownMarks(page);
    expect(atTop.length).toBeLessThan(stats.matches / 5);
    expect(atTop.map((mark) => mark.text)).not.toContain('numbness down there');

    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(async () => (await shownMarks(page)).map((mark) => mark.text)).toContain('numbness down there');
    await page.close();
  });

  it('keeps a chat that adds 50 messages every 16 ms marked, each pass scanning only what changed', async () => {
    const page = await openScanned(session, server.url('/page-chat.html'));
    const whole = await scanStats(page);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const { last, addedChars } = await page.evaluate(() =>
      (window as unknown as { runChat(perTick: number, ms: number): Promise<{ last: string; addedChars: number }> }).runChat(50, 2_000),
    );
    // The last message with a term is marked once the chat calms down; trimmed ones are not.
    const lastMarked = await page.evaluate((id) => {
      const number = Number(id.slice(4));
      return `msg-${number - (number % 7)}`;
    }, last);
    await expect.poll(async () => (await shownMarks(page)).map((mark) => mark.id)).toContain(lastMarked);
    expect(await page.evaluate(() => [...window.bplMarks('term')].every((range) => range.startContainer.isConnected))).toBe(true);
    const passes = await passStats(page);
    expect(passes.length).toBeGreaterThan(1);
    // No pass scans the chat again: each scans the messages of its batch, what is left of the
    // pieces its trimming cut into, and a short piece before the new messages.
    expect(Math.max(...passes.map((pass) => pass.chars))).toBeLessThan(whole.chars / 2);
    const scanned = passes.reduce((sum, pass) => sum + pass.chars, 0);
    expect(scanned).toBeLessThan(2 * addedChars + whole.chars);
    await page.close();
  });

  it('left no errors in any page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
