/**
 * Pages written to switch the extension off, to learn that the reader has it, or to rewrite what
 * it says, in real Chromium: forged WXT messages and events, navigation floods, probes of the
 * extension's files and of the page's timeline, and attacks on the hover card.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD, launchChromium, startFixtureServer, type ChromiumSession, type FixtureServer } from './harness';
import { PART_FILES } from '../../lib/page/parts';
import { type HighlightKind, hoverCardText, installRangeHelpers } from './page-helpers';

const NOTICE = (JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>)
  .noticeText!.message;

const markCount = (page: Page, kind: HighlightKind = 'term') => page.evaluate((highlight) => window.bplMarks(highlight).length, kind);
const scanCount = (page: Page) => page.evaluate(() => performance.getEntriesByName('bpl:scan').length);

/**
 * Before any page script runs: records every window message and every event under the names WXT's
 * content-script context uses (an attacker who knows the public extension id can listen for them).
 */
async function installEavesdropper(page: Page, extensionId: string): Promise<void> {
  await page.addInitScript((id) => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    window.addEventListener('message', (event) => heard.push(`message: ${JSON.stringify(event.data)}`));
    for (const script of ['content', 'content-script']) {
      for (const name of ['wxt:content-script-started', 'wxt:locationchange']) {
        const type = `${id}:${script}:${name}`;
        document.addEventListener(type, () => heard.push(`document: ${type}`), true);
        window.addEventListener(type, () => heard.push(`window: ${type}`), true);
      }
    }
  }, extensionId);
}

const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: string[] }).heard);

async function appendPost(page: Page, text: string): Promise<void> {
  await page.evaluate((words) => {
    const post = document.createElement('article');
    post.className = 'post';
    post.innerHTML = `<p>${words}</p>`;
    document.getElementById('thread')!.append(post);
  }, text);
}

describe('a hostile page', () => {
  let session: ChromiumSession;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer();
    session = await launchChromium();
    await installRangeHelpers(session.context);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  async function openScanned(url = server.url('/page-forum.html')): Promise<Page> {
    const page = await session.context.newPage();
    await installEavesdropper(page, session.extensionId);
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('bpl:scan').length > 0);
    return page;
  }

  it('hears nothing from the extension, and cannot switch it off with forged WXT messages or events', async () => {
    const page = await openScanned();
    expect(await heard(page)).toEqual([]);
    const before = await markCount(page);
    expect(before).toBeGreaterThan(0);
    await page.evaluate((id) => {
      for (const contentScriptName of ['content', 'content-script']) {
        const type = `${id}:${contentScriptName}:wxt:content-script-started`;
        window.postMessage({ type, contentScriptName, messageId: 'forged' }, '*');
        const detail = { contentScriptName, messageId: 'forged' };
        document.dispatchEvent(new CustomEvent(type, { detail }));
        window.dispatchEvent(new CustomEvent(type, { detail }));
      }
    }, session.extensionId);
    await page.waitForTimeout(300);
    // Still on: its marks stay, and new text is marked.
    expect(await markCount(page)).toBe(before);
    await appendPost(page, 'My sciatica flared up again today.');
    await expect.poll(() => markCount(page)).toBe(before + 1);
    await page.close();
  });

  it('gets at most one rescan a second from a flood of forged events and real history navigations', async () => {
    const page = await openScanned();
    const scansAtStart = await scanCount(page);
    await page.evaluate(async (id) => {
      const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
      const started = performance.now();
      for (let round = 0; performance.now() - started < 2_000; round++) {
        for (const script of ['content', 'content-script']) window.dispatchEvent(new Event(`${id}:${script}:wxt:locationchange`));
        navigation?.dispatchEvent(new Event('currententrychange'));
        history.pushState({}, '', `/page-forum.html?flood=${round}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }, session.extensionId);
    // The last navigation's rescan comes at most one interval later.
    await page.waitForTimeout(1_500);
    const rescans = (await scanCount(page)) - scansAtStart;
    expect(rescans).toBeGreaterThanOrEqual(1);
    expect(rescans).toBeLessThanOrEqual(4);
    expect(await markCount(page)).toBeGreaterThan(0);
    await page.close();
  });

  it('forged events alone change nothing: no rescan when the address stays the same', async () => {
    const page = await openScanned();
    const scansAtStart = await scanCount(page);
    await page.evaluate((id) => {
      const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
      for (let i = 0; i < 500; i++) {
        for (const script of ['content', 'content-script']) window.dispatchEvent(new Event(`${id}:${script}:wxt:locationchange`));
        navigation?.dispatchEvent(new Event('currententrychange'));
        window.dispatchEvent(new PopStateEvent('popstate'));
      }
    }, session.extensionId);
    await page.waitForTimeout(1_500);
    expect(await scanCount(page)).toBe(scansAtStart);
    await page.close();
  });

  it('cannot split terms with invisible characters or full-width letters', async () => {
    const page = await openScanned(server.url('/page-hidden-characters.html'));
    const marked = (kind: HighlightKind) =>
      page.evaluate(
        (highlight) => window.bplMarks(highlight).map((range) => [range.startContainer.parentElement!.closest('article')!.id, window.bplRangeText(range)]),
        kind,
      );
    expect((await marked('term')).sort()).toEqual([
      ['full-width', 'ｓｃｉａｔｉｃａ'],
      ['joiners', 'sci\u200cat\u200dica'],
      ['soft-hyphen', 'sci\u00adatica'],
      ['zero-width-space', 'sci\u200bat\u200bica'],
    ]);
    expect(await marked('red-flag')).toEqual([['red-flag', 'numb\u00adness down th\u200bere']]);
    await page.close();
  });

  it('cannot open the hover card with synthetic clicks or pointer moves to learn what is marked', async () => {
    const page = await openScanned();
    await page.evaluate(() => {
      const rect = window.bplRangeRect(window.bplMarks('red-flag')[0]!);
      const init = { clientX: rect.left + rect.width / 2, clientY: rect.top + rect.height / 2, bubbles: true };
      document.body.dispatchEvent(new PointerEvent('pointermove', init));
      document.body.dispatchEvent(new MouseEvent('click', init));
    });
    await page.waitForTimeout(800);
    expect(await page.locator('bpl-hover-card').count()).toBe(0);
    await page.close();
  });

  it('can neither read nor rewrite the hover card', async () => {
    const page = await session.context.newPage();
    // The classic way into a closed shadow root: wrap attachShadow before anyone calls it.
    await page.addInitScript(() => {
      const roots: ShadowRoot[] = [];
      (window as unknown as { stolenRoots: ShadowRoot[] }).stolenRoots = roots;
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const root = attach.call(this, init);
        roots.push(root);
        return root;
      };
    });
    await page.goto(server.url('/page-forum.html'));
    await page.waitForFunction(() => performance.getEntriesByName('bpl:scan').length > 0);
    await page.addStyleTag({
      content: 'bpl-hover-card::before, bpl-hover-card::after { content: "Forged words" !important; display: block !important; }',
    });
    const word = await page.evaluate(() => {
      const rect = window.bplRangeRect(window.bplMarks('red-flag')[0]!);
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(word.x, word.y);
    await expect.poll(() => hoverCardText(page)).toContain(NOTICE);

    const attempt = await page.evaluate(() => {
      const host = document.querySelector('bpl-hover-card')!;
      const stolen = (window as unknown as { stolenRoots: ShadowRoot[] }).stolenRoots;
      let reattached = false;
      try {
        host.attachShadow({ mode: 'open' });
        reattached = true;
      } catch {
        // A host has one shadow root.
      }
      host.innerHTML = '<p>Forged words</p>';
      return {
        shadowRoot: host.shadowRoot,
        stolenHosts: stolen.map((root) => root.host.localName),
        reattached,
        before: getComputedStyle(host, '::before').content,
        after: getComputedStyle(host, '::after').content,
        focused: document.activeElement?.localName,
      };
    });
    expect(attempt).toEqual({
      shadowRoot: null,
      // Only the page's own shadow root, not the card's.
      stolenHosts: ['div'],
      reattached: false,
      before: 'none',
      after: 'none',
      focused: 'bpl-hover-card',
    });
    const text = await hoverCardText(page);
    expect(text).toContain(NOTICE);
    expect(text).not.toContain('Forged');
    await page.close();
  });
});

describe('what a page can learn about the reader by default', () => {
  let session: ChromiumSession;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer();
    // What a reader gets: the developer setting that publishes timings is off.
    session = await launchChromium({ publishTimings: false });
    await installRangeHelpers(session.context);
  });
  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('declares no web-accessible resources', () => {
    const manifest = JSON.parse(readFileSync(`${CHROME_BUILD}/manifest.json`, 'utf8')) as Record<string, unknown>;
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('finds no extension file, timeline entry or message while the page is marked', async () => {
    const page = await session.context.newPage();
    await installEavesdropper(page, session.extensionId);
    await page.goto(server.url('/page-forum.html'));
    await expect.poll(() => markCount(page, 'red-flag')).toBeGreaterThan(0);
    const probe = await page.evaluate(async (id) => {
      const fetched: string[] = [];
      for (const path of ['lexicon.json', 'manifest.json', 'content-script.js']) {
        try {
          await fetch(`chrome-extension://${id}/${path}`);
          fetched.push(path);
        } catch {
          // Not web-accessible: the fetch fails like one for an extension that is not installed.
        }
      }
      // Long animation frames name the scripts that ran in them: none of the extension's.
      const frameScripts = await new Promise<string[]>((resolve) => {
        new PerformanceObserver((list, observer) => {
          observer.disconnect();
          const scripts = list.getEntries().flatMap((entry) => (entry as unknown as { scripts: { sourceURL: string }[] }).scripts);
          resolve(scripts.map((script) => script.sourceURL));
        }).observe({ type: 'long-animation-frame', buffered: true });
        setTimeout(() => resolve([]), 500);
      });
      const outside = (url: string) => !url.startsWith(location.origin);
      return {
        fetched,
        timings: [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('measure')].map((entry) => entry.name),
        foreignResources: performance.getEntriesByType('resource').map((entry) => entry.name).filter(outside),
        foreignFrameScripts: frameScripts.filter(outside),
      };
    }, session.extensionId);
    expect(probe).toEqual({ fetched: [], timings: [], foreignResources: [], foreignFrameScripts: [] });
    expect(await heard(page)).toEqual([]);
    await page.close();
  });

  it('finds no file or global of the parts the background injected, each once, for the card and the posts', async () => {
    // The background's injections, as it makes them (webextension-polyfill reads `chrome.scripting` live).
    await session.serviceWorker.evaluate(() => {
      const scripting = chrome.scripting as unknown as { executeScript(injection: { files?: string[] }): Promise<unknown> };
      const original = scripting.executeScript.bind(scripting);
      (globalThis as unknown as { injected: string[] }).injected = [];
      scripting.executeScript = (injection) => {
        (globalThis as unknown as { injected: string[] }).injected.push(...(injection.files ?? []));
        return original(injection);
      };
    });
    const page = await session.context.newPage();
    await installEavesdropper(page, session.extensionId);
    await page.goto(server.url('/demo-forum.html'));
    await expect.poll(() => markCount(page, 'red-flag')).toBeGreaterThan(0);
    const mark = await page.evaluate(() => {
      const rect = window.bplRangeRect(window.bplMarks('red-flag')[0]!);
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    // Opened twice: the card's part is injected the first time only.
    for (let open = 0; open < 2; open++) {
      await page.mouse.click(mark.x, mark.y);
      await expect.poll(() => hoverCardText(page)).toContain('Open details');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('bpl-hover-card').count()).toBe(0);
    }
    const injected = await session.serviceWorker.evaluate(() => (globalThis as unknown as { injected: string[] }).injected);
    expect(injected).toEqual(['/post-finder.js', '/hover-card.js']);
    const probe = await page.evaluate(
      async ({ id, files }) => {
        const fetched: string[] = [];
        for (const file of files) {
          try {
            await fetch(`chrome-extension://${id}${file}`);
            fetched.push(file);
          } catch {
            // Not web-accessible, like every file of the extension.
          }
        }
        // What the isolated world holds: the parts' shelf, and the names a WXT script would leave.
        const ours = ['__backPainLensParts', 'contentScript', 'hoverCard', 'postFinder'].filter((name) => name in window);
        const outside = (url: string) => !url.startsWith(location.origin);
        return { fetched, ours, foreignResources: performance.getEntriesByType('resource').map((entry) => entry.name).filter(outside) };
      },
      { id: session.extensionId, files: Object.values(PART_FILES) },
    );
    expect(probe).toEqual({ fetched: [], ours: [], foreignResources: [] });
    expect(await heard(page)).toEqual([]);
    await page.close();
  });
});
