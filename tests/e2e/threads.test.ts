/**
 * Threads in real Chromium: each engine's fixture read as the same posts as `detect --html` reads
 * from the saved file (authors, per-post urgency), quotes counted for no one, the page's DOM
 * untouched, a post loaded later read as its own post (its words arriving after it too), and the side
 * panel's button that shows a post.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startFixtureServer, type ChromiumSession, type FixtureServer } from './harness';
import { installRangeHelpers } from './page-helpers';
import { addLateReply, FIXTURES, LATE_REPLY_WORDS, type PackedPosts, savedPosts, unpackPosts } from './thread-helpers';
import { openExtensionPage, tabOfPage } from './ui-helpers';

const THREADS = readdirSync(join(FIXTURES, 'threads')).filter((name) => name.endsWith('.html')).sort();

interface StoredDetection {
  urgency: string;
  reasons: { redFlagIds: string[] }[];
  posts?: PackedPosts;
}

/** The page's latest findings as the background keeps them (its posts packed: lib/background/findings-store.ts). */
async function storedDetection(session: ChromiumSession, page: Page) {
  const { tabId } = await tabOfPage(session, page);
  const detection = await session.serviceWorker.evaluate(async (id) => {
    const stored = (await chrome.storage.session.get(`findings:${id}`))[`findings:${id}`] as { detection: StoredDetection };
    return stored.detection;
  }, tabId);
  return { ...detection, posts: detection.posts ? unpackPosts(detection.posts) : undefined };
}

async function openScanned(session: ChromiumSession, url: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('bpl:scan').length > 0, undefined, { timeout: 20_000 });
  return page;
}

describe('threads in Chromium', () => {
  let session: ChromiumSession;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer(FIXTURES);
    session = await launchChromium();
    await installRangeHelpers(session.context);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('reads every engine fixture as the posts the saved file gives, each with its own urgency', async () => {
    const saved = savedPosts(THREADS.map((name) => `threads/${name}`));
    for (const [i, name] of THREADS.entries()) {
      const page = await openScanned(session, server.url(`/threads/${name}`));
      await expect
        .poll(async () => (await storedDetection(session, page)).posts?.map((post) => [post.author, post.urgency]), { timeout: 15_000 })
        .toEqual(saved[i]);
      const detection = await storedDetection(session, page);
      const urgencies = ['emergency', 'urgent', 'soon', 'routine', 'none'];
      const mostUrgent = detection.posts!.map((post) => post.urgency).sort((a, b) => urgencies.indexOf(a) - urgencies.indexOf(b))[0];
      expect(detection.urgency, name).toBe(mostUrgent === 'none' ? 'routine' : mostUrgent);
      await page.close();
    }
  }, 240_000);

  it('never combines one poster’s history with another’s signs, and leaves the DOM byte-identical', async () => {
    const page = await openScanned(session, server.url('/pages/demo-forum.html'));
    const detection = await storedDetection(session, page);
    expect(detection.posts!.map((post) => post.author)).toEqual(['marta_k', 'physio_dan', 'GaryT', 'anon_lurker', 'physio_dan', 'marta_k']);
    for (const reason of detection.reasons) {
      expect(reason.redFlagIds.includes('rf-cancer-history') && reason.redFlagIds.includes('rf-leg-weakness')).toBe(false);
    }
    // A writer's own sign whose words run over a line break of the HTML source is marked too.
    await expect
      .poll(() => page.evaluate(() => window.bplMarks('red-flag').map((range) => window.bplRangeText(range).replace(/\s+/g, ' '))))
      .toEqual(expect.arrayContaining(['lost about 5 kg without trying', 'pins and needles in my foot']));
    const { live, pristine } = await page.evaluate(async () => {
      const source = await (await fetch(location.href)).text();
      return { live: document.documentElement.outerHTML, pristine: new DOMParser().parseFromString(source, 'text/html').documentElement.outerHTML };
    });
    expect(live).toBe(pristine);
    await page.close();
  });

  it('reads a post loaded later as a post of its own, the earlier ones unchanged', async () => {
    const page = await openScanned(session, server.url('/pages/demo-forum.html'));
    const before = (await storedDetection(session, page)).posts!;
    await page.evaluate(addLateReply, `<p>${LATE_REPLY_WORDS}</p>`);
    await expect
      .poll(async () => (await storedDetection(session, page)).posts?.map((post) => [post.author, post.urgency]), { timeout: 15_000 })
      .toEqual([...before.map((post) => [post.author, post.urgency]), ['late_reply', 'emergency']]);
    await page.close();
  });

  it('reads a post whose words arrive after it (a framework renders the post, then its text), and lets go of one removed', async () => {
    const page = await openScanned(session, server.url('/pages/demo-forum.html'));
    const before = (await storedDetection(session, page)).posts!;
    await page.evaluate(addLateReply, '<p></p>');
    await page.evaluate((words) => {
      setTimeout(() => {
        document.querySelector('#post-7 .body p')!.append(words);
        document.querySelectorAll('article.post')[1]!.remove();
      }, 300);
    }, LATE_REPLY_WORDS);
    await expect
      .poll(async () => (await storedDetection(session, page)).posts?.map((post) => [post.author, post.urgency]), { timeout: 15_000 })
      .toEqual([...before.filter((_, i) => i !== 1).map((post) => [post.author, post.urgency]), ['late_reply', 'emergency']]);
    await page.close();
  });

  it('shows a post from the side panel: the page scrolls to it and flashes its marks', async () => {
    const forum = await openScanned(session, server.url('/pages/demo-forum.html'));
    await forum.setViewportSize({ width: 900, height: 500 });
    const panel = await openExtensionPage(session, 'sidepanel.html');
    await forum.bringToFront();
    const show = panel.getByRole('button', { name: /^Show post.*anon_lurker/ });
    await show.waitFor({ timeout: 15_000 });
    await show.focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => forum.evaluate(() => window.bplMarks('flash').length)).toBeGreaterThan(0);
    await expect
      .poll(() => forum.evaluate(() => {
        const box = document.getElementById('post-4')!.getBoundingClientRect();
        return box.top < innerHeight && box.bottom > 0;
      }))
      .toBe(true);
    const flashed = await forum.evaluate(() => window.bplMarks('flash').map((range) => window.bplRangeText(range)));
    expect(flashed).toEqual(expect.arrayContaining(['numb down there']));
    await panel.close();
    await forum.close();
  });
});
