import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, startFixtureServer, type ChromiumSession, type FixtureServer } from './harness';
import { axeViolations, openExtensionPage, tabOfPage } from './ui-helpers';

// Screenshots are a by-product; `BPL_SCREENSHOTS_DIR=docs` refreshes the ones the README shows.
const DOCS = resolve(process.env.BPL_SCREENSHOTS_DIR ?? join(tmpdir(), 'bpl-screenshots'));
const SCHEMES = ['light', 'dark'] as const;

describe('accessibility of the popup, every side-panel view and the settings (axe-core, WCAG 2.2 AA)', () => {
  let session: ChromiumSession;
  let server: FixtureServer;
  let forum: Page;

  beforeAll(async () => {
    mkdirSync(DOCS, { recursive: true });
    server = await startFixtureServer();
    session = await launchChromium();
    forum = await session.context.newPage();
    await forum.goto(server.url('/ui-forum.html'));
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  async function open(path: string, scheme: (typeof SCHEMES)[number], width: number): Promise<Page> {
    const page = await openExtensionPage(session, path);
    await page.setViewportSize({ width, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    return page;
  }

  /** The panel showing the forum's findings: the forum tab is brought back to the front. */
  async function panelOnForum(scheme: (typeof SCHEMES)[number]): Promise<Page> {
    const panel = await open('sidepanel.html', scheme, 400);
    await forum.bringToFront();
    await panel.getByRole('alert').waitFor({ timeout: 15_000 });
    return panel;
  }

  for (const scheme of SCHEMES) {
    it(`popup with the forum's summary and results, ${scheme}`, async () => {
      // The popup speaks for the forum tab, as it does when opened from the toolbar over it.
      const { tabId } = await tabOfPage(session, forum);
      const popup = await open(`popup.html?tab=${tabId}`, scheme, 420);
      await expect.poll(() => popup.locator('.bpl-page-line').innerText()).toContain('Red flags:');
      await popup.getByRole('combobox').pressSequentially('numb');
      await popup.getByRole('option').first().waitFor();
      await popup.getByRole('combobox').press('ArrowDown');
      expect(await axeViolations(popup)).toEqual([]);
      await popup.locator('.bpl-popup').screenshot({ path: resolve(DOCS, `popup-${scheme}.png`) });
      await popup.close();
    });

    it(`side panel "On this page", topic, red-flag, self-check, all topics and look-up views, ${scheme}`, async () => {
      const panel = await panelOnForum(scheme);
      expect(await axeViolations(panel)).toEqual([]);
      await panel.screenshot({ path: resolve(DOCS, `sidepanel-${scheme}.png`), fullPage: false });

      await panel.locator('.bpl-row .bpl-link').first().click();
      await panel.locator('article h2').waitFor();
      expect(await axeViolations(panel)).toEqual([]);
      await panel.getByRole('button', { name: 'Back', exact: true }).click();

      await panel.locator('.bpl-card__title .bpl-link').first().click();
      await panel.locator('#bpl-red-flag-title').waitFor();
      expect(await axeViolations(panel)).toEqual([]);

      await panel.getByRole('button', { name: 'Self-check' }).click();
      await panel.locator('fieldset.bpl-question').first().getByLabel('Yes', { exact: true }).check();
      await panel.locator('fieldset.bpl-question').nth(1).getByLabel('Not sure', { exact: true }).check();
      expect(await axeViolations(panel)).toEqual([]);

      await panel.getByRole('button', { name: 'All topics' }).click();
      expect(await axeViolations(panel)).toEqual([]);

      const windowId = await panel.evaluate(async () => (await chrome.windows.getCurrent()).id!);
      await panel.evaluate(
        (id) =>
          chrome.runtime.sendMessage({
            type: 'set-panel-request',
            windowId: id,
            request: {
              kind: 'lookup',
              text: 'numb down there <b>bold?</b>',
              truncated: true,
              english: true,
              detection: { matches: [], redFlags: [], topics: [], urgency: 'none', reasons: [] },
              results: [{ id: 'rf-saddle-numbness', kind: 'red-flag', title: 'Saddle numbness', score: 0.1 }],
            },
          }),
        windowId,
      );
      await panel.locator('blockquote').waitFor();
      expect(await axeViolations(panel)).toEqual([]);
      await panel.close();
    });

    it(`settings page, ${scheme}`, async () => {
      await session.serviceWorker.evaluate(() =>
        chrome.storage.sync.set({ settings: { version: 1, pausedSites: ['forum.example', 'old.reddit.com'] } }),
      );
      const options = await open('options.html', scheme, 800);
      expect(await axeViolations(options)).toEqual([]);
      await options.close();
      await session.serviceWorker.evaluate(() => chrome.storage.sync.clear());
    });
  }

  it('the forced dark theme overrides a light system, and the panel has dark colours', async () => {
    await session.serviceWorker.evaluate(() => chrome.storage.sync.set({ settings: { version: 1, theme: 'dark' } }));
    const panel = await open('sidepanel.html', 'light', 400);
    await expect.poll(() => panel.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await panel.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(22, 22, 26)');
    expect(await axeViolations(panel)).toEqual([]);
    await panel.close();
    await session.serviceWorker.evaluate(() => chrome.storage.sync.clear());
  });

  it('keeps working at 200% zoom: no sideways scrolling in the panel or the settings', async () => {
    // A 400px-wide panel at 200% zoom lays out like a 200px-wide one.
    const panel = await panelOnForum('light');
    await panel.setViewportSize({ width: 200, height: 600 });
    await panel.getByRole('button', { name: 'Self-check' }).click();
    for (const view of ['On this page', 'Self-check', 'All topics']) {
      await panel.getByRole('button', { name: view }).click();
      expect(await panel.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    }
    const options = await open('options.html', 'light', 320);
    expect(await options.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await Promise.all([panel.close(), options.close()]);
  });

  it('can be used by keyboard alone, with a visible focus ring', async () => {
    const panel = await panelOnForum('light');
    await panel.keyboard.press('Tab');
    const focused = () => panel.evaluate(() => document.activeElement?.textContent ?? '');
    expect(await focused()).toBe('On this page');
    expect(await panel.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await panel.keyboard.press('Tab');
    await panel.keyboard.press('Enter');
    expect(await panel.locator('#bpl-self-check-title').isVisible()).toBe(true);
    await panel.close();
    expect(session.pageErrors).toEqual([]);
  });
});
