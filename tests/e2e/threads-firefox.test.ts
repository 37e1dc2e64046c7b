/**
 * Threads in Firefox ESR: the demo thread and an engine fixture read as their posts, each with its
 * own urgency, and a post loaded later read as a post of its own.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateOnceLoaded, launchFirefox, openFirefoxExtensionPage, startFixtureServer, type FirefoxSession, type FixtureServer } from './harness';
import { addLateReply, FIXTURES, LATE_REPLY_WORDS, type PackedPosts, type PostLine, savedPosts, unpackPosts } from './thread-helpers';

describe('threads in Firefox ESR', () => {
  let firefox: FirefoxSession;
  let server: FixtureServer;
  let extensionPage: Page;

  beforeAll(async () => {
    server = await startFixtureServer(FIXTURES);
    firefox = await launchFirefox();
    extensionPage = await openFirefoxExtensionPage(firefox, 'popup.html');
  });
  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  /** The posts the background keeps for the tab showing `url`, read from an extension page. */
  const storedPosts = (url: string) =>
    evaluateOnceLoaded(
      extensionPage,
      async (pageUrl: string) => {
        const stored = (await browser.storage.session.get(null)) as Record<
          string,
          { url: string; scannedAt: number; detection: { posts?: PackedPosts } }
        >;
        const latest = Object.values(stored)
          .filter((entry) => entry.url === pageUrl)
          .sort((a, b) => b.scannedAt - a.scannedAt)[0];
        return latest?.detection.posts ?? null;
      },
      url,
    ).then((posts) => (posts ? unpackPosts(posts).map((post): PostLine => [post.author, post.urgency]) : null));

  async function open(path: string): Promise<Page> {
    const page = await firefox.browser.newPage();
    await page.goto(server.url(path));
    await page.waitForFunction(() => performance.getEntriesByName('bpl:scan').length > 0, { timeout: 20_000 });
    return page;
  }

  it('reads the demo thread and a phpBB topic as the saved files give them, quotes counting for no one', async () => {
    const [demoPosts, phpbbPosts] = savedPosts(['pages/demo-forum.html', 'threads/phpbb.html']);
    const demo = await open('/pages/demo-forum.html');
    await expect.poll(() => storedPosts(demo.url()), { timeout: 15_000 }).toEqual(demoPosts);
    expect(demoPosts!.filter(([, urgency]) => urgency === 'emergency')).toEqual([['anon_lurker', 'emergency']]);
    const phpbb = await open('/threads/phpbb.html');
    await expect.poll(() => storedPosts(phpbb.url()), { timeout: 15_000 }).toEqual(phpbbPosts);
    // ravi_k quotes sue_b's emergency signs: his post is not an emergency.
    expect(phpbbPosts!.find(([author]) => author === 'ravi_k')?.[1]).not.toBe('emergency');
    await demo.close();
    await phpbb.close();
  });

  it('reads a post loaded later as a post of its own', async () => {
    const page = await open('/pages/demo-forum.html');
    await expect.poll(() => storedPosts(page.url()).then((posts) => posts?.length), { timeout: 15_000 }).toBe(6);
    await page.evaluate(addLateReply, `<p>${LATE_REPLY_WORDS}</p>`);
    await expect
      .poll(() => storedPosts(page.url()).then((posts) => posts?.at(-1)), { timeout: 15_000 })
      .toEqual(['late_reply', 'emergency']);
    await page.close();
  });
});
