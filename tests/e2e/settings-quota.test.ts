/**
 * Settings at storage.sync's quotas in real Chromium (8 kB per item, about 100 kB in all): a long
 * paused-site list must not cost the user a style change, and a change that cannot be saved says so
 * and loses nothing.
 */
import type { Page } from 'playwright-core';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  evaluateOnceLoaded,
  launchChromium,
  launchFirefox,
  startFixtureServer,
  type ChromiumSession,
  type FirefoxSession,
  type FixtureServer,
} from './harness';
import { openExtensionPage } from './ui-helpers';

/** 453 sites (over 8 kB as one list), the test server's own host among them. */
const SITES = [...Array.from({ length: 452 }, (_, i) => `forum-number-${i}.example.org`), '127.0.0.1'];

const checkedStyle = (page: Page) => page.locator('input[name="highlightStyle"]:checked').getAttribute('value');
const listedSites = (page: Page) => page.locator('.bpl-sites li').count();

describe('settings at the storage quota', () => {
  let session: ChromiumSession;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchChromium();
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });
  beforeEach(() => session.serviceWorker.evaluate(() => chrome.storage.sync.clear()));

  /** What storage.sync holds: its largest item in bytes (key and JSON value, as the quota counts). */
  const storageFacts = () =>
    session.serviceWorker.evaluate(async () => {
      const items = await chrome.storage.sync.get(null);
      const sizes = Object.entries(items).map(([key, value]) => key.length + JSON.stringify(value).length);
      return { items: sizes.length, largestItem: Math.max(...sizes), bytes: await chrome.storage.sync.getBytesInUse(null) };
    });

  it('with 453 paused sites stored the old way (one list), a style change survives a reload and nothing is lost', async () => {
    // As the old layout held them: one `settings` item with the list inline. 453 of them do not fit
    // (QUOTA_BYTES_PER_ITEM), so store 200 of them that way, then pause the rest one by one as the popup would.
    await session.serviceWorker.evaluate(
      (sites) => chrome.storage.sync.set({ settings: { version: 1, highlightStyle: 'underline', pausedSites: sites } }),
      SITES.slice(0, 200),
    );
    const options = await openExtensionPage(session, 'options.html');
    await expect.poll(() => listedSites(options)).toBe(200);
    await options.getByLabel('Background colour').check();
    await expect.poll(() => checkedStyle(options)).toBe('background');
    await expect.poll(async () => (await storageFacts()).items).toBe(201);
    // The list moved to small items of their own; the remaining 253 sites are paused the same way.
    await session.serviceWorker.evaluate(
      (sites) => chrome.storage.sync.set(Object.fromEntries(sites.map((site, i) => [`pausedSite:${site}`, Date.now() + i]))),
      SITES.slice(200),
    );
    await options.getByLabel('Underline').check();
    await options.getByLabel('Background colour').check();
    await options.reload();
    await options.locator('.bpl-app').waitFor();
    expect(await checkedStyle(options)).toBe('background');
    expect(await listedSites(options)).toBe(453);
    expect(await options.getByRole('alert').innerText()).toBe('');
    const facts = await storageFacts();
    expect(facts.items).toBe(454);
    expect(facts.largestItem).toBeLessThan(8192);

    // The 453rd site really is paused: the page gets no marks until it is removed from the list.
    const page = await session.context.newPage();
    await page.goto(server.url('/page-forum.html'));
    await page.waitForTimeout(1_000);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await options.getByRole('button', { name: 'Remove 127.0.0.1 from the paused sites' }).click();
    // The page has no highlights of its own: every range registered is a mark of ours.
    await expect.poll(() => page.evaluate(() => [...CSS.highlights.values()].reduce((count, highlight) => count + highlight.size, 0))).toBeGreaterThan(0);
    await page.close();
    await options.close();
  });

  it('when storage.sync is full, the options page says the change was not saved, shows what is stored, and loses nothing', async () => {
    await session.serviceWorker.evaluate(
      (sites) => chrome.storage.sync.set(Object.fromEntries(sites.map((site, i) => [`pausedSite:${site}`, i]))),
      SITES,
    );
    const options = await openExtensionPage(session, 'options.html');
    await options.getByLabel('Underline').check();
    await options.getByLabel('Dark').check();
    await expect.poll(async () => (await storageFacts()).items).toBe(454);
    // Another extension page's data fills storage.sync to the last byte.
    await session.serviceWorker.evaluate(async () => {
      const QUOTA = chrome.storage.sync.QUOTA_BYTES;
      for (let n = 0; ; n++) {
        const free = QUOTA - (await chrome.storage.sync.getBytesInUse(null));
        const key = `filler:${n}`;
        const size = Math.min(free, 8000) - key.length - 2;
        if (size < 0) break;
        await chrome.storage.sync.set({ [key]: 'x'.repeat(size) });
        if (free <= 8000) break;
      }
    });
    expect((await storageFacts()).bytes).toBe(102_400);

    // "underline" to "background" needs one byte more than there is. (A click: the radio goes back.)
    await options.getByLabel('Background colour').click();
    await expect.poll(() => options.getByRole('alert').innerText()).toMatch(/^Not saved: the browser’s storage for synced settings is full/);
    await expect.poll(() => checkedStyle(options)).toBe('underline');
    await options.reload();
    await options.locator('.bpl-app').waitFor();
    expect(await checkedStyle(options)).toBe('underline');
    expect(await options.locator('input[name="theme"]:checked').getAttribute('value')).toBe('dark');
    expect(await listedSites(options)).toBe(453);

    // Removing a site frees room; then the change saves.
    await options.getByRole('button', { name: `Remove ${SITES[0]} from the paused sites` }).click();
    await expect.poll(() => listedSites(options)).toBe(452);
    await options.getByLabel('Background colour').check();
    await options.reload();
    await options.locator('.bpl-app').waitFor();
    expect(await checkedStyle(options)).toBe('background');
    expect(await options.getByRole('alert').innerText()).toBe('');
    await options.close();
  });
});

describe('settings at the storage quota in Firefox ESR', () => {
  let firefox: FirefoxSession;

  beforeAll(async () => {
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  /** A fresh load of the options page, once it lists `sites` paused sites; its checked style. */
  async function openOptions(sites: number): Promise<{ page: FirefoxPage; style: string }> {
    const page = await firefox.browser.newPage();
    void page.goto(`${firefox.extensionBase}options.html`).catch(() => undefined);
    const style = await evaluateOnceLoaded(
      page,
      (count) => {
        const listed = count === 0 || document.querySelectorAll('.bpl-sites li').length === count;
        const checked = document.querySelector<HTMLInputElement>('input[name="highlightStyle"]:checked');
        if (!listed || !checked) throw new Error('not yet');
        return checked.value;
      },
      sites,
    );
    return { page, style };
  }

  it('with 453 paused sites, a style change survives a reload', async () => {
    const first = await openOptions(0);
    const tooBig = await first.page.evaluate(async (sites) => {
      const sync = (globalThis as unknown as { browser: typeof chrome }).browser.storage.sync;
      // Firefox enforces the per-item quota too: the old one-list layout could not hold these.
      const refused = await sync.set({ settings: { version: 1, pausedSites: sites } }).then(
        () => false,
        () => true,
      );
      await sync.set(Object.fromEntries(sites.map((site, i) => [`pausedSite:${site}`, i])));
      return refused;
    }, SITES);
    expect(tooBig).toBe(true);
    await first.page.close();

    const options = await openOptions(453);
    expect(options.style).toBe('underline');
    await options.page.click('input[name="highlightStyle"][value="background"]');
    await options.page.waitForFunction(async () => {
      const { settings } = await (globalThis as unknown as { browser: typeof chrome }).browser.storage.sync.get('settings');
      return (settings as { highlightStyle?: string } | undefined)?.highlightStyle === 'background';
    });
    await options.page.close();
    const reloaded = await openOptions(453);
    expect(reloaded.style).toBe('background');
    await reloaded.page.close();
  });
});
