/**
 * `npm start`: build, then open Chromium with the extension on the bundled demo forum thread.
 * With a display, the browser stays open until you close it. Without one (or with --headless), it takes
 * screenshots of the page, the popup and the side panel, saves them in a folder and says where.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, reportingTab, startFixtureServer, type ChromiumSession } from '../tests/e2e/harness';

const args = process.argv.slice(2);
const headless = args.includes('--headless') || !process.env.DISPLAY;
const outDir = resolve(valueOf('--out') ?? '.demo-screenshots');
const DEMO_PATH = 'demo-forum.html';

function valueOf(flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

/** Waits until the content script has marked the page (or gives up quietly after a while). */
async function waitForMarks(page: Page): Promise<number> {
  return page
    // The page has no highlights of its own: every range registered is a mark of ours.
    .waitForFunction(() => [...(CSS.highlights?.values() ?? [])].reduce((count, highlight) => count + highlight.size, 0), null, {
      timeout: 10_000,
    })
    .then((handle) => handle.jsonValue() as Promise<number>)
    .catch(() => 0);
}

/** The demo page's tab once its content script has reported it (the popup needs its findings). */
async function demoTabOf(session: ChromiumSession, page: Page) {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await page.waitForTimeout(100)) {
    const tab = await reportingTab(session, page.url());
    if (tab) return tab;
  }
  return null;
}

async function screenshots(session: ChromiumSession, page: Page): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const saved: string[] = [];
  const shoot = async (target: Page, name: string) => {
    const file = resolve(outDir, name);
    await target.screenshot({ path: file });
    saved.push(file);
  };

  await page.setViewportSize({ width: 1000, height: 900 });
  await shoot(page, 'page.png');

  // The popup opened as a tab of its own speaks for the demo tab when told which (`?tab=`), as it
  // does for the tab under it when opened from the toolbar.
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 400, height: 560 });
  const demoTab = await demoTabOf(session, page);
  await popup.goto(session.extensionUrl(demoTab ? `popup.html?tab=${demoTab.tabId}` : 'popup.html'));
  await popup
    .locator('.bpl-page-line', { hasText: 'Red flags:' })
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  await shoot(popup, 'popup.png');
  await popup.close();

  // The side panel follows the active tab of its window; Playwright cannot reach the real panel's frame, so
  // the same page opens as a tab in the window and the demo thread is brought back to the front.
  const panel = await session.context.newPage();
  await panel.setViewportSize({ width: 400, height: 900 });
  await panel.goto(session.extensionUrl('sidepanel.html'));
  await page.bringToFront();
  await panel.locator('.bpl-card').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
  await shoot(panel, 'sidepanel.png');

  // The picture for the README: the highlighted thread with the side panel beside it.
  const composite = await session.context.newPage();
  await composite.setViewportSize({ width: 1400, height: 900 });
  await composite.setContent(
    `<body style="margin:0;display:flex;background:#888">` +
      ['page.png', 'sidepanel.png']
        .map((name) => `<img style="display:block" src="data:image/png;base64,${readBase64(resolve(outDir, name))}">`)
        .join('') +
      `</body>`,
  );
  await shoot(composite, 'page-with-sidepanel.png');
  return saved;
}

function readBase64(file: string): string {
  return readFileSync(file).toString('base64');
}

async function main(): Promise<void> {
  if (!args.includes('--no-build')) execSync('npx wxt build', { stdio: 'inherit' });
  const server = await startFixtureServer();
  const session = await launchChromium({ headless });
  const page = await session.context.newPage();
  await page.goto(server.url(DEMO_PATH));
  const marks = await waitForMarks(page);
  console.log(`Demo page: ${server.url(DEMO_PATH)} (${marks} marks)`);

  if (headless) {
    const files = await screenshots(session, page);
    console.log(`No display, so Chromium ran headless. Screenshots saved in ${outDir}:`);
    for (const file of files) console.log(`  ${file}`);
    await session.close();
    await server.close();
    return;
  }
  console.log('Chromium is open with Back Pain Lens loaded. Close the browser window to stop.');
  await new Promise<void>((done) => session.context.on('close', () => done()));
  await server.close();
}

main().catch((error: unknown) => {
  console.error(`Demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
