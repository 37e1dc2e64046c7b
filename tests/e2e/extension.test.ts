import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startFixtureServer, type ChromiumSession, type FixtureServer } from './harness';

describe('the extension in Chromium', () => {
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

  it('loads with a running service worker and the manifest we declare', async () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = await session.serviceWorker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.name).toBe('Back Pain Lens');
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['contextMenus', 'scripting', 'sidePanel', 'storage']);
    // Only where the content script runs: the background injects its later parts there (lib/page/parts.ts).
    expect(manifest.host_permissions).toEqual(manifest.content_scripts?.[0]?.matches);
    expect(Object.keys(manifest.icons ?? {}).sort()).toEqual(['128', '16', '32', '48']);
  });

  it('has the selection lookup context menu item', async () => {
    // The only way to read menu items back is to try to create the same id again.
    const error = await session.serviceWorker.evaluate(
      () =>
        new Promise<string>((done) => {
          chrome.contextMenus.create({ id: 'bpl-lookup', title: 'x', contexts: ['selection'] }, () =>
            done(chrome.runtime.lastError?.message ?? ''),
          );
        }),
    );
    expect(error).toMatch(/duplicate id bpl-lookup/i);
  });

  it('renders the popup, side panel and options pages', async () => {
    for (const path of ['popup.html', 'sidepanel.html', 'options.html']) {
      const page = await session.context.newPage();
      await page.goto(session.extensionUrl(path));
      await expect.poll(() => page.locator('#app').innerText()).toContain('Back Pain Lens');
      await page.close();
    }
    expect(session.pageErrors).toEqual([]);
  });
});
