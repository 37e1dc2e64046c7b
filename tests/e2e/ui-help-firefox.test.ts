/**
 * Getting to help, calmly (issue 11), in Firefox ESR: what the browser lets a test reach. The hover
 * card's words are checked in Chromium only: its shadow root is closed, and only Chromium's DevTools
 * protocol can look inside one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, openFirefoxExtensionPage, startFixtureServer, type FirefoxSession, type FixtureServer } from './harness';

describe('getting to help, calmly, in Firefox ESR', () => {
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

  const openExtensionPage = (path: string) => openFirefoxExtensionPage(firefox, path);

  async function openScanned(path: string): Promise<Page> {
    const page = await firefox.browser.newPage();
    await page.goto(server.url(path));
    await page.waitForFunction(() => performance.getEntriesByName('bpl:scan').length > 0, { timeout: 20_000 });
    return page;
  }

  /** The id of the tab showing `url`, found through the findings its page reported (no `tabs` permission). */
  async function tabIdOf(url: string): Promise<number> {
    const options = await openExtensionPage('options.html');
    const id = await options.evaluate(async (wanted) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      for (const tab of await api.tabs.query({})) {
        const findings = await api.runtime.sendMessage({ type: 'get-tab-findings', tabId: tab.id });
        if ((findings as { url?: string } | null)?.url === wanted) return tab.id!;
      }
      return null;
    }, url);
    await options.close();
    if (id === null) throw new Error(`no tab reported ${url}`);
    return id;
  }

  /** Waits (polling by time: a tab in the background draws no frames) until `selector` says `text`. */
  const untilText = (page: Page, selector: string, text: string) =>
    page.waitForFunction((css, wanted) => document.querySelector(css)?.textContent?.includes(wanted) === true, { polling: 200, timeout: 15_000 }, selector, text);

  it('says calmly that a carer’s post is about someone else, in the popup and the sidebar', async () => {
    const page = await openScanned('/page-carer.html');
    const popup = await openExtensionPage(`popup.html?tab=${await tabIdOf(server.url('/page-carer.html'))}`);
    await untilText(popup, '.bpl-page-line', 'These signs are about someone else, such as a person you care for. Red flags: 2.');
    expect(await popup.$eval('.bpl-page-line .bpl-badge', (badge) => badge.textContent)).toBe('Emergency');
    await popup.close();

    const sidebar = await openExtensionPage('sidepanel.html');
    await page.bringToFront();
    await untilText(sidebar, '.bpl-summary', 'These signs are about someone else, such as a person you care for: Go to an emergency department');
    expect(await sidebar.$eval('[role="alert"]', (alert) => alert.textContent)).toContain('this is the help they need now');
    await Promise.all([sidebar.close(), page.close()]);
  });

  it('pauses on the page’s site from the popup and says so, then resumes', async () => {
    const page = await openScanned('/ui-forum.html');
    // The page registers no highlight of its own: every one is ours.
    const marks = () => page.evaluate(() => [...CSS.highlights.values()].reduce((count, highlight) => count + highlight.size, 0));
    expect(await marks()).toBeGreaterThan(0);
    const popup = await openExtensionPage(`popup.html?tab=${await tabIdOf(server.url('/ui-forum.html'))}`);
    const site = await popup.waitForSelector('::-p-aria(Pause on 127.0.0.1)');
    await site!.click();
    await untilText(popup, '.bpl-page-line', 'Paused on this site: nothing is highlighted here.');
    await expect.poll(marks).toBe(0);
    await site!.click();
    await expect.poll(marks).toBeGreaterThan(0);
    await Promise.all([popup.close(), page.close()]);
  });

  it('marks no ordinary terms in menus, headings, breadcrumbs or link lists', async () => {
    const page = await openScanned('/page-furniture.html');
    // Our term highlight, found as a page finds it: the first `::highlight()` rule of our style sheet.
    const places = await page.evaluate(() => {
      const sheet = document.adoptedStyleSheets.find((candidate) => candidate.cssRules.length === 3);
      const term = /^::highlight\(([^)]+)\)/.exec((sheet?.cssRules[0] as CSSStyleRule | undefined)?.selectorText ?? '')?.[1] ?? '';
      return [...(CSS.highlights.get(term) ?? [])].map((range) => {
        const holder = range.startContainer.parentElement?.closest('nav, h1, h2, h3, ol, ul, p');
        return holder?.className || holder?.localName;
      });
    });
    expect(places.filter((place) => ['menu', 'breadcrumbs', 'related', 'tags', 'h1', 'h2', 'h3', 'nav'].includes(place ?? ''))).toEqual([]);
    expect(places).toContain('tips');
    await page.close();
  });

  it('popup: "Open side panel" brings the sidebar back to "On this page"', async () => {
    const popup = await openExtensionPage('popup.html');
    const sidebar = await openExtensionPage('sidepanel.html');
    const browse = await sidebar.waitForSelector('::-p-text(All topics)');
    await browse!.click();
    await sidebar.waitForSelector('#bpl-browse-title');
    await popup.bringToFront();
    const open = await popup.waitForSelector('::-p-text(Open side panel)');
    await open!.click();
    await sidebar.waitForFunction(() => document.querySelector('main h2')?.textContent === 'On this page', { timeout: 10_000 });
    await sidebar.close();
  });

  it('self-check: a "yes" to an emergency question shows the emergency at the question, with focus', async () => {
    const sidebar = await openExtensionPage('sidepanel.html');
    const selfCheck = await sidebar.waitForSelector('::-p-text(Self-check)');
    await selfCheck!.click();
    await sidebar.waitForSelector('fieldset.bpl-question input[value="yes"]');
    await sidebar.click('fieldset.bpl-question input[value="yes"]');
    await sidebar.waitForFunction(
      () => document.activeElement?.getAttribute('role') === 'alert' && document.activeElement.closest('fieldset.bpl-question') !== null,
      { timeout: 10_000 },
    );
    const banner = await sidebar.$eval('fieldset.bpl-question [role="alert"]', (element) => element.textContent ?? '');
    expect(banner).toContain('Stop: call 999 / 911 / 112 or go to an emergency department now');
    await sidebar.close();
  });
});
