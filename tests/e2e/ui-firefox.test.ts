import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, openFirefoxExtensionPage, type FirefoxSession } from './harness';

describe('popup and sidebar in Firefox ESR', () => {
  let firefox: FirefoxSession;

  beforeAll(async () => {
    firefox = await launchFirefox();
  });
  afterAll(async () => {
    await firefox?.close();
  });

  const openPage = (path: string) => openFirefoxExtensionPage(firefox, path);

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
