import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from './harness';

describe('popup and sidebar in Firefox ESR', () => {
  let firefox: FirefoxSession;

  beforeAll(async () => {
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  async function openPage(path: string): Promise<Page> {
    const page = await firefox.browser.newPage();
    // moz-extension navigations never resolve over BiDi: start one and wait for the app instead.
    void page.goto(firefox.extensionBase + path).catch(() => undefined);
    await page.waitForSelector('.bpl-app', { timeout: 20_000 });
    return page;
  }

  it('searches the knowledge base as you type in the popup', async () => {
    const popup = await openPage('popup.html');
    await popup.type('#bpl-search-input', 'siatica');
    await popup.waitForSelector('[role="option"]');
    const first = await popup.$eval('[role="option"]', (option) => option.textContent ?? '');
    expect(first).toMatch(/sciatica/i);
    await popup.close();
  });

  it('runs the self-check in the sidebar page', async () => {
    const sidebar = await openPage('sidepanel.html');
    const selfCheck = await sidebar.waitForSelector('::-p-text(Self-check)');
    await selfCheck!.click();
    await sidebar.waitForSelector('fieldset.bpl-question input[value="yes"]');
    await sidebar.click('fieldset.bpl-question input[value="yes"]');
    const badge = await sidebar.$eval('.bpl-result .bpl-badge', (element) => element.textContent);
    expect(badge).toBe('Emergency');
    await sidebar.close();
  });
});
