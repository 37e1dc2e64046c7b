/**
 * Shared end-to-end plumbing: a fixture server on 127.0.0.1 and real browsers with the built extension.
 * Browsers come from the system (apt); nothing is ever downloaded.
 */
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath, firefoxPath } from '../../scripts/browsers';
import { TIMELINE_SETTING_KEY } from '../../lib/page/timeline';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURE_PAGES = join(ROOT, 'tests/fixtures/pages');
export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv2');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export interface FixtureServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** Serves `tests/fixtures/pages/` (or `dir`) on a random loopback port. */
export async function startFixtureServer(dir = FIXTURE_PAGES): Promise<FixtureServer> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => new URL(path, origin).href,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

function requireBuild(dir: string, browser: string): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No ${browser} build at ${dir}. Run \`npm run build\` first.`);
  }
}

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  extensionUrl(path: string): string;
  /** Uncaught errors and console errors from every page of the context, as text. */
  pageErrors: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Another build of the extension than the one under test (benchmarks compare two). */
  build?: string;
  /**
   * Turn on the developer setting that puts the content script's timings (`bpl:scan`,
   * `bpl:first-mark`, `bpl:compile`) on each page's performance timeline, where the tests wait
   * for them. On unless told otherwise; off is what a reader gets.
   */
  publishTimings?: boolean;
}

/**
 * Chromium (headless unless told otherwise) with the built extension loaded in a fresh (or given) profile;
 * `args` adds command-line switches (e.g. `--host-resolver-rules` to serve the fixtures under a real-looking host).
 */
export async function launchChromium(
  opts: { userDataDir?: string; headless?: boolean; args?: string[] } & LaunchOptions = {},
): Promise<ChromiumSession> {
  const build = opts.build ?? CHROME_BUILD;
  requireBuild(build, 'Chrome');
  const profile = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'bpl-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: opts.headless ?? true,
    args: [`--disable-extensions-except=${build}`, `--load-extension=${build}`, ...CHROMIUM_ARGS, ...(opts.args ?? [])],
  });
  const pageErrors: string[] = [];
  const watch = (page: import('playwright-core').Page) => {
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(`${page.url()}: ${msg.text()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(serviceWorker.url()).host;
  const publishTimings = opts.publishTimings ?? true;
  await serviceWorker.evaluate(([key, on]) => chrome.storage.local.set({ [key]: on }), [TIMELINE_SETTING_KEY, publishTimings] as const);
  return {
    context,
    extensionId,
    serviceWorker,
    pageErrors,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    close: async () => {
      await context.close();
      if (!opts.userDataDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The tab whose content script last reported `url` (the extension may not read tabs' addresses
 * itself), or null before it has.
 */
export async function reportingTab(session: ChromiumSession, url: string): Promise<{ tabId: number; windowId: number } | null> {
  return session.serviceWorker.evaluate(async (pageUrl) => {
    const stored = (await chrome.storage.session.get(null)) as Record<string, { tabId: number; url: string; scannedAt: number }>;
    // The latest scan: a tab left open by an earlier test may show the same address.
    const findings = Object.values(stored)
      .filter((entry) => entry.url === pageUrl)
      .sort((a, b) => b.scannedAt - a.scannedAt)[0];
    if (!findings) return null;
    const tab = await chrome.tabs.get(findings.tabId);
    return { tabId: findings.tabId, windowId: tab.windowId };
  }, url);
}

export interface FirefoxSession {
  browser: import('puppeteer-core').Browser;
  /** The moz-extension:// base of the installed add-on, e.g. `moz-extension://<uuid>/`. */
  extensionBase: string;
  close(): Promise<void>;
}

const FIREFOX_ADDON_ID = 'back-pain-lens@example.org';
/** Firefox gives each add-on a random UUID unless the profile pins one; pinning makes its pages addressable. */
const FIREFOX_ADDON_UUID = '6f1d2c3b-8a4e-4f5a-9b7c-0d1e2f3a4b5c';

/** Firefox ESR over WebDriver BiDi in a fresh profile, with no add-on; `prefs` are set in the profile. */
export async function launchPlainFirefox(prefs: Record<string, unknown> = {}): Promise<{ browser: import('puppeteer-core').Browser; close(): Promise<void> }> {
  const puppeteer = (await import('puppeteer-core')).default;
  const profile = mkdtempSync(join(tmpdir(), 'bpl-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    protocol: 'webDriverBiDi',
    userDataDir: profile,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: prefs,
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Firefox ESR over WebDriver BiDi with the built add-on installed temporarily. */
export async function launchFirefox(opts: LaunchOptions = {}): Promise<FirefoxSession> {
  const build = opts.build ?? FIREFOX_BUILD;
  requireBuild(build, 'Firefox');
  const { browser, close } = await launchPlainFirefox({
    'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_ADDON_UUID }),
  });
  await browser.installExtension(build);
  const extensionBase = `moz-extension://${FIREFOX_ADDON_UUID}/`;
  await setInExtensionPage(browser, extensionBase, TIMELINE_SETTING_KEY, opts.publishTimings ?? true);
  return { browser, extensionBase, close };
}

/**
 * Evaluates `run` in a page until it succeeds: while a moz-extension:// navigation is still under
 * way (Firefox never resolves it over BiDi), evaluating fails or lands in the old document.
 */
export async function evaluateOnceLoaded<T, A>(
  page: import('puppeteer-core').Page,
  run: (arg: A) => T | Promise<T>,
  arg: A,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      // puppeteer types the argument as a handle-flattened A; ours are plain values.
      return (await page.evaluate(run as unknown as (arg: unknown) => T, arg as unknown)) as T;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/**
 * Opens one of the add-on's pages in a new tab once its app has rendered. Waiting for a selector is
 * not enough here: the wait may run in the document the navigation is replacing, and BiDi then fails.
 */
export async function openFirefoxExtensionPage(firefox: FirefoxSession, path: string): Promise<import('puppeteer-core').Page> {
  const page = await firefox.browser.newPage();
  void page.goto(firefox.extensionBase + path).catch(() => undefined);
  await evaluateOnceLoaded(
    page,
    () => {
      if (!document.querySelector('.bpl-app')) throw new Error('not rendered yet');
    },
    null,
  );
  return page;
}

/** Sets a `storage.local` key from one of the add-on's pages (opened, used, closed). */
async function setInExtensionPage(browser: import('puppeteer-core').Browser, extensionBase: string, key: string, value: unknown) {
  const page = await browser.newPage();
  void page.goto(`${extensionBase}options.html`).catch(() => undefined);
  // `browser.storage` exists only once the extension page is there.
  await evaluateOnceLoaded(
    page,
    ([storageKey, storedValue]) =>
      (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.set({ [storageKey as string]: storedValue }),
    [key, value] as const,
  );
  await page.close();
}
