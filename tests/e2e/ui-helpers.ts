/** Shared steps for the UI end-to-end tests: axe checks, request recording, panel pages. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { ChromiumSession } from './harness';

const AXE_SOURCE = readFileSync(resolve(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0-2.2 A and AA violations on the page, as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated over the DevTools protocol, so the extension pages' CSP does not block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return results.violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} (${node.failureSummary ?? ''})`),
    );
  });
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
