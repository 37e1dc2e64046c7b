/** Shared steps for the UI end-to-end tests: axe checks, request recording, panel pages. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PanelRequest } from '../../lib/messages';
import { reportingTab, type ChromiumSession } from './harness';
import { inHoverCard } from './page-helpers';

export { reportingTab } from './harness';

const AXE_SOURCE = readFileSync(resolve(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** WCAG 2.0-2.2 A and AA violations on the page, as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol, so the extension pages' CSP does not block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} (${node.failureSummary ?? ''})`),
    );
  }, WCAG_AA);
}

/**
 * The same check on the open hover card. Its shadow root is closed, and axe checks only what it can
 * reach from the document, so the card's markup and style sheets are copied into an open shadow root
 * at the same place, checked there and removed again. Null when no card is open.
 */
export async function axeViolationsInHoverCard(page: Page): Promise<string[] | null> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return inHoverCard(
    page,
    async (root, tags) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const copy = document.createElement('div');
      copy.style.cssText = (root.host as HTMLElement).style.cssText;
      const shadow = copy.attachShadow({ mode: 'open' });
      shadow.adoptedStyleSheets = root.adoptedStyleSheets;
      shadow.append(root.querySelector('.card')!.cloneNode(true));
      document.documentElement.append(copy);
      try {
        const results = await axe.run(shadow.querySelector('.card')!, { runOnly: { type: 'tag', values: tags } });
        return results.violations.flatMap((violation) =>
          violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} (${node.failureSummary ?? ''})`),
        );
      } finally {
        copy.remove();
      }
    },
    WCAG_AA,
  );
}

/** Every request made by any page or worker of the context, as URLs. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

/** Requests that leave the machine: anything but the extension itself, the fixture server and inline data. */
export function outsideRequests(urls: string[], extensionId: string): string[] {
  return urls.filter((url) => {
    const { protocol, hostname } = new URL(url);
    if (protocol === 'chrome-extension:') return hostname !== extensionId;
    if (protocol === 'data:' || protocol === 'blob:' || url === 'about:blank') return false;
    return hostname !== '127.0.0.1';
  });
}

export async function openExtensionPage(session: ChromiumSession, path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl(path));
  await page.locator('.bpl-app').waitFor();
  return page;
}

/** The tab of `page`, once its content script has reported. */
export async function tabOfPage(session: ChromiumSession, page: Page): Promise<{ tabId: number; windowId: number }> {
  await expect.poll(() => reportingTab(session, page.url()), { timeout: 15_000 }).not.toBeNull();
  return (await reportingTab(session, page.url()))!;
}

/** The popup page, opened in a tab of its own and speaking for the tab `tabId` (see entrypoints/popup). */
export async function openPopupFor(session: ChromiumSession, tabId: number): Promise<Page> {
  return openExtensionPage(session, `popup.html?tab=${tabId}`);
}

/**
 * Listens as a side panel of `windowId` does: connects the panel port from an extension page and
 * keeps what the background pushes. Connect before the action, so a push is never missed.
 */
export async function listenAsPanel(session: ChromiumSession, windowId: number) {
  const page = await session.context.newPage();
  await page.goto(session.extensionUrl('options.html'));
  await page.evaluate((id) => {
    const pushed: { type: string }[] = [];
    (window as unknown as { bplPushed: unknown[] }).bplPushed = pushed;
    chrome.runtime.connect({ name: `bpl-panel:${id}` }).onMessage.addListener((message) => void pushed.push(message));
  }, windowId);
  return {
    /** The first request pushed since connecting, once it has come. */
    async nextRequest(): Promise<PanelRequest> {
      const handle = await page.waitForFunction(() =>
        (window as unknown as { bplPushed: { type: string; request?: unknown }[] }).bplPushed.find((m) => m.type === 'panel-request'),
      );
      return ((await handle.jsonValue()) as { request: PanelRequest }).request;
    },
    close: () => page.close(),
  };
}
