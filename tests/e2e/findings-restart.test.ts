/**
 * Thirty long threads open at once, then the service worker is stopped (as Chrome does after 30 s
 * idle) and woken again: every tab keeps its findings and its badge, from storage.session's 10 MB.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longThread } from '../fixtures/long-thread';
import { launchChromium, startFixtureServer, type ChromiumSession, type FixtureServer } from './harness';

const TABS = 30;
const PAGE_BYTES = 200_000;

/** Stops the extension's service worker the way chrome://serviceworker-internals does. */
async function stopServiceWorker(session: ChromiumSession): Promise<void> {
  const internals = await session.context.newPage();
  await internals.goto('chrome://serviceworker-internals/');
  await internals.getByText('Stop', { exact: true }).click();
  await expect.poll(() => internals.locator('body').innerText()).toContain('Running Status: STOPPED');
  await internals.close();
}

describe('findings across a service-worker restart', () => {
  let session: ChromiumSession;
  let server: FixtureServer;
  let dir: string;
  let extensionPage: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bpl-threads-'));
    for (let n = 1; n <= TABS; n++) writeFileSync(join(dir, `thread-${n}.html`), longThread(PAGE_BYTES, n));
    server = await startFixtureServer(dir);
    session = await launchChromium();
    extensionPage = await session.context.newPage();
    await extensionPage.goto(session.extensionUrl('popup.html'));
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * Each tab's findings (as the popup and the side panel get them, summed up in the page: a digest
   * of the whole reply and its match count) and its badge.
   */
  const readTabs = (tabIds: number[]) =>
    extensionPage.evaluate(
      (ids) =>
        Promise.all(
          ids.map(async (tabId) => {
            const findings = (await chrome.runtime.sendMessage({ type: 'get-tab-findings', tabId })) as {
              detection: { matches: unknown[] };
            } | null;
            // Keys sorted: the same findings, however their objects were built.
            const json = JSON.stringify(findings, (_, value: unknown) =>
              value && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort()) : value,
            );
            let digest = 0x811c9dc5;
            for (let i = 0; i < json.length; i++) digest = Math.imul(digest ^ json.charCodeAt(i), 16777619) >>> 0;
            return { tabId, matches: findings?.detection.matches.length ?? 0, digest, badge: await chrome.action.getBadgeText({ tabId }) };
          }),
        ),
      tabIds,
    );

  // A load test: thirty long pages to load and scan on a shared machine.
  it(`keeps the findings and badges of ${TABS} tabs of ${PAGE_BYTES / 1000} kB each`, { timeout: 240_000 }, async () => {
    const pages: Page[] = [];
    for (let n = 1; n <= TABS; n++) {
      const page = await session.context.newPage();
      await page.goto(server.url(`/thread-${n}.html`));
      await page.waitForFunction(() => performance.getEntriesByName('bpl:scan').length > 0, undefined, { timeout: 30_000 });
      pages.push(page);
    }
    // The tabs, found through the findings the background stored for them (no "tabs" permission).
    const storedTabIds = () =>
      session.serviceWorker.evaluate(async (origin) => {
        const stored = (await chrome.storage.session.get(null)) as Record<string, { tabId: number; url: string }>;
        return Object.values(stored)
          .filter((entry) => entry.url.startsWith(origin))
          .map((entry) => entry.tabId);
      }, server.origin);
    await expect.poll(async () => (await storedTabIds()).length, { timeout: 30_000 }).toBe(TABS);
    const tabIds = await storedTabIds();
    const before = await readTabs(tabIds);
    for (const tab of before) {
      expect(tab.matches).toBeGreaterThan(1000);
      expect(tab.badge).not.toBe('');
    }
    const sessionBytes = await session.serviceWorker.evaluate(() => chrome.storage.session.getBytesInUse(null));
    expect(sessionBytes).toBeLessThan(TABS * 100_000);

    await session.serviceWorker.evaluate(() => ((globalThis as { beforeRestart?: boolean }).beforeRestart = true));
    await stopServiceWorker(session);
    const after = await readTabs(tabIds);
    // A new worker answered: nothing from the old one's memory.
    const worker = session.context.serviceWorkers()[0]!;
    expect(await worker.evaluate(() => (globalThis as { beforeRestart?: boolean }).beforeRestart)).toBeUndefined();
    expect(after).toEqual(before);
    await Promise.all(pages.map((page) => page.close()));
  });
});
