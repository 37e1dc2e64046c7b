/**
 * No marks in rich-text editors, whatever makes them editable and whenever: a frame in design mode
 * from the start or switched on later, a frame whose body is editable (the walk's own root), an
 * element made editable after the page loaded.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startFixtureServer, type ChromiumSession, type FixtureServer } from './harness';
import { installRangeHelpers } from './page-helpers';

const frameOf = (page: Page, id: string): Frame => page.frames().find((frame) => frame.name() === id || frame.url().includes(id))!;

const marksIn = (frame: Frame) => frame.evaluate(() => [...window.bplMarks('term'), ...window.bplMarks('red-flag')].map(window.bplRangeText));

/** Once the frame's content script has scanned it (or found nothing to scan). */
const scannedIn = (frame: Frame) =>
  frame.waitForFunction(() => performance.getEntriesByName('bpl:scan').length > 0, undefined, { timeout: 20_000 });

describe('editors', () => {
  let session: ChromiumSession;
  let server: FixtureServer;
  let page: Page;

  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchChromium();
    await installRangeHelpers(session.context);
    page = await session.context.newPage();
    await page.goto(server.url('/page-editable.html'));
    await page.waitForFunction(() => performance.getEntriesByName('bpl:scan').length > 0);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('marks nothing in a frame in design mode from the start, nor in one whose body is editable', async () => {
    const srcdocFrames = page.frames().filter((frame) => frame.url() === 'about:srcdoc');
    expect(srcdocFrames).toHaveLength(2);
    const [fromStart, bodyEditable] = srcdocFrames;
    for (const frame of [fromStart!, bodyEditable!]) {
      await scannedIn(frame);
      expect(await marksIn(frame)).toEqual([]);
      expect(await frame.evaluate(() => [...CSS.highlights.keys()])).toEqual([]);
    }
    // The page around them is marked.
    await expect.poll(() => marksIn(page.mainFrame())).toContain('sciatica');
  });

  it('takes the marks out of a frame switched to design mode, keeps them out while typing, and marks it again when it ends', async () => {
    const editor = frameOf(page, 'page-frame-editor.html');
    await scannedIn(editor);
    await expect.poll(() => marksIn(editor)).toEqual(expect.arrayContaining(['sciatica', 'numbness down there']));
    await editor.evaluate(() => {
      document.designMode = 'on';
    });
    await expect.poll(() => marksIn(editor)).toEqual([]);
    await page.locator('#later').click();
    await page.keyboard.type(' Now my sciatica is worse.');
    await page.waitForTimeout(500);
    expect(await editor.evaluate(() => document.body.textContent)).toContain('Now my sciatica is worse.');
    expect(await marksIn(editor)).toEqual([]);
    await editor.evaluate(() => {
      document.designMode = 'off';
    });
    await expect.poll(() => marksIn(editor)).toContain('sciatica');
  });

  it('drops the marks of an element made editable after load, and keeps the others', async () => {
    const main = page.mainFrame();
    await expect.poll(() => marksIn(main)).toContain('numbness down there');
    await page.evaluate(() => document.getElementById('draft')!.setAttribute('contenteditable', 'true'));
    await expect.poll(() => marksIn(main)).not.toContain('numbness down there');
    expect(await marksIn(main)).toContain('sciatica');
  });

  it('left no errors in any page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
