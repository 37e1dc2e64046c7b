import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, startFixtureServer, type ChromiumSession, type FixtureServer } from './harness';
import { openExtensionPage, outsideRequests, recordRequests } from './ui-helpers';

describe('popup, side panel and settings in Chromium', () => {
  let session: ChromiumSession;
  let server: FixtureServer;
  let requests: string[];

  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchChromium();
    requests = recordRequests(session.context);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  async function openForum(): Promise<Page> {
    const page = await session.context.newPage();
    await page.goto(server.url('/ui-forum.html'));
    return page;
  }

  it('popup: the search box has focus, results come as you type, the keyboard picks one', async () => {
    const popup = await openExtensionPage(session, 'popup.html');
    const box = popup.getByRole('combobox', { name: 'Search back pain topics and warning signs' });
    await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true);
    await box.pressSequentially('siatica');
    const options = popup.getByRole('option');
    await expect.poll(() => options.first().innerText()).toContain('Sciatica');
    await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe('bpl-result-0');
    expect(await popup.locator('#bpl-result-0').getAttribute('aria-selected')).toBe('true');
    // Up from the first option wraps to the last one.
    const last = (await options.count()) - 1;
    await box.press('ArrowUp');
    expect(await box.getAttribute('aria-activedescendant')).toBe(`bpl-result-${last}`);
    await box.press('Escape');
    expect(await box.inputValue()).toBe('');
    expect(await options.count()).toBe(0);
    await box.pressSequentially('numb down there');
    await expect.poll(() => popup.locator('[role="option"] .bpl-badge').first().innerText()).toBe('Emergency');
    await popup.close();
  });

  it('popup: Enter sends the chosen result to the side panel of its window', async () => {
    // An open panel of the same window receives the request over its port (the real side panel
    // also opens, but Playwright cannot reach that frame).
    const panel = await openExtensionPage(session, 'sidepanel.html');
    const popup = await openExtensionPage(session, 'popup.html');
    await popup.getByRole('combobox').pressSequentially('multiple myeloma');
    await expect.poll(() => popup.getByRole('option').first().innerText()).toContain('myeloma');
    // The popup closes itself once the request is on its way: wait for that, and send no key-up
    // into a page that may already be gone.
    const closed = popup.waitForEvent('close');
    await popup.keyboard.down('Enter');
    await closed;
    await expect.poll(() => panel.locator('article h2').innerText()).toMatch(/myeloma/i);
    const links = panel.locator('article a');
    expect(await links.count()).toBeGreaterThan(0);
    for (const link of await links.all()) {
      expect(await link.getAttribute('href')).toMatch(/^https:\/\//);
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await link.getAttribute('target')).toBe('_blank');
    }
    await panel.close();
  });

  it('side panel: follows the active tab, emergency banner first, set-apart mentions, reveal on the page', async () => {
    const panel = await openExtensionPage(session, 'sidepanel.html');
    const forum = await openForum();
    await forum.bringToFront();
    const banner = panel.getByRole('alert');
    await expect.poll(() => banner.innerText(), { timeout: 15_000 }).toContain('Stop: call 999 / 911 / 112 or go to an emergency department now');
    expect(await panel.locator('#bpl-page-urgency').innerText()).toBe('How soon to get help');
    // The banner comes before every other block of the view.
    expect(await panel.locator('.bpl-page > :not(h2, p)').first().getAttribute('role')).toBe('alert');
    const cards = panel.locator('.bpl-card');
    expect(await cards.first().locator('.bpl-badge').innerText()).toBe('Emergency');
    const setAside = panel.locator('[aria-labelledby="bpl-page-set-aside"]');
    expect(await setAside.innerText()).toContain('about someone else');
    expect(await setAside.innerText()).toContain('said to be absent');
    expect(await cards.allInnerTexts()).not.toContainEqual(expect.stringContaining('after cancer'));

    const night = panel.getByRole('button', { name: /^Show on page.*: .*night/i }).first();
    const scrolledBefore = await forum.evaluate(() => window.scrollY);
    await night.click();
    // The flash is the last rule of our style sheet (our highlights have random names).
    const flashShown = () =>
      forum.evaluate(() => {
        const sheet = document.adoptedStyleSheets.find((candidate) => candidate.cssRules.length > 0);
        const flash = /^(?::root)?::highlight\(([^)]+)\)/.exec((sheet?.cssRules[sheet.cssRules.length - 1] as CSSStyleRule | undefined)?.selectorText ?? '');
        return flash !== null && CSS.highlights.has(flash[1]!);
      });
    await expect.poll(flashShown).toBe(true);
    await expect.poll(() => forum.evaluate(() => window.scrollY)).toBeGreaterThan(scrolledBefore);

    // Another tab becomes active: the panel follows it.
    const blank = await session.context.newPage();
    await blank.goto(server.url('/ui-blank.html'));
    await blank.bringToFront();
    await expect.poll(() => panel.locator('main').innerText(), { timeout: 15_000 }).toContain('No back-pain terms');
    await forum.bringToFront();
    await expect.poll(() => banner.count(), { timeout: 15_000 }).toBe(1);
    await Promise.all([blank.close(), forum.close(), panel.close()]);
  });

  it('side panel: the self-check gives urgencies from answers and starts again', async () => {
    const panel = await openExtensionPage(session, 'sidepanel.html');
    await panel.getByRole('button', { name: 'Self-check' }).click();
    const result = panel.locator('.bpl-result');
    expect(await result.innerText()).toContain('Answer the questions above');
    const questions = panel.locator('fieldset.bpl-question');
    const count = await questions.count();
    expect(count).toBeGreaterThanOrEqual(11);
    for (let index = 0; index < count; index += 1) await questions.nth(index).getByLabel('No', { exact: true }).check();
    expect(await result.innerText()).toContain('None of your answers is a warning sign');
    const nightQuestion = panel.locator('fieldset', { hasText: /night/i }).first();
    await nightQuestion.getByLabel('Yes', { exact: true }).check();
    expect(await result.locator('.bpl-badge').first().innerText()).toBe('Soon');
    const bladderQuestion = panel.locator('fieldset', { hasText: /leaked urine/i }).first();
    await bladderQuestion.getByLabel('Yes', { exact: true }).check();
    expect(await result.locator('.bpl-badge').first().innerText()).toBe('Emergency');
    expect(await result.innerText()).not.toMatch(/syndrome|diagnos/i);
    await panel.getByRole('button', { name: 'Start again' }).click();
    expect(await result.innerText()).toContain('Answer the questions above');
    expect(await panel.locator('input:checked').count()).toBe(0);
    await panel.close();
  });

  it('side panel: a selection look-up shows the page text literally', async () => {
    const panel = await openExtensionPage(session, 'sidepanel.html');
    const windowId = await panel.evaluate(async () => (await chrome.windows.getCurrent()).id!);
    const hostile = '<img src=x onerror="document.title=\'pwned\'"> numb down there';
    await panel.evaluate(
      ([id, text]) =>
        chrome.runtime.sendMessage({
          type: 'set-panel-request',
          windowId: id,
          request: {
            kind: 'lookup',
            text,
            truncated: false,
            english: true,
            detection: { matches: [], redFlags: [], topics: [], urgency: 'none', reasons: [] },
            results: [{ id: 'cauda-equina-syndrome', kind: 'topic', title: 'Cauda equina syndrome', score: 0.1 }],
          },
        }),
      [windowId, hostile] as const,
    );
    await expect.poll(() => panel.locator('blockquote').innerText()).toBe(hostile);
    expect(await panel.locator('img').count()).toBe(0);
    expect(await panel.title()).not.toBe('pwned');
    await panel.close();
  });

  it('settings: corrupt stored values load as defaults, valid ones are kept, changes apply live', async () => {
    await session.serviceWorker.evaluate(() =>
      chrome.storage.sync.set({ settings: { version: 'x', theme: 'dark', highlightStyle: 42, pausedSites: 'nope', extra: {} } }),
    );
    const options = await openExtensionPage(session, 'options.html');
    expect(await options.getByLabel('Dark', { exact: true }).isChecked()).toBe(true);
    expect(await options.getByLabel('Underline', { exact: true }).isChecked()).toBe(true);
    expect(await options.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await options.locator('main').innerText()).toContain('No paused sites');
    expect(await options.locator('kbd').allInnerTexts()).toEqual(['Alt+Shift+L', 'Alt+Shift+Period', 'Alt+Shift+Comma']);

    const popup = await openExtensionPage(session, 'popup.html');
    await options.getByLabel('Light', { exact: true }).check();
    await expect.poll(() => popup.locator('html').getAttribute('data-theme')).toBe('light');
    await options.getByRole('switch', { name: 'Pause everywhere' }).check();
    await expect.poll(() => popup.getByRole('switch', { name: 'Pause everywhere' }).isChecked()).toBe(true);
    const stored = await session.serviceWorker.evaluate(() => chrome.storage.sync.get('settings'));
    expect(stored.settings).toEqual({
      version: 1,
      highlightStyle: 'underline',
      redFlagsOnly: false,
      theme: 'light',
      pausedEverywhere: true,
    });

    await session.serviceWorker.evaluate(() =>
      chrome.storage.sync.set({ settings: { version: 1, pausedSites: ['a.example', 'b.example'] } }),
    );
    await options.getByRole('button', { name: 'Remove a.example from the paused sites' }).click();
    await expect.poll(() => options.locator('.bpl-sites').innerText()).not.toContain('a.example');
    expect(await options.locator('.bpl-sites').innerText()).toContain('b.example');
    await session.serviceWorker.evaluate(() => chrome.storage.sync.clear());
    await Promise.all([options.close(), popup.close()]);
  });

  it('made no request outside the extension and the local fixture server, and logged no errors', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(outsideRequests(requests, session.extensionId)).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
