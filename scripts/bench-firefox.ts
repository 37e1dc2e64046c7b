/**
 * Firefox ESR for `npm run bench:page`: a page loaded by Firefox with the add-on and, in the same
 * run, by one without it, each load under the Gecko profiler (gecko-profile.ts reads what the
 * extension did). The profiler is started and read from the browser's privileged (chrome) scope,
 * which WebDriver BiDi lets us evaluate in with `--remote-allow-system-access`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { launchFirefox, launchPlainFirefox } from '../tests/e2e/harness';
import { type ExtensionWork, type GeckoProfile, extensionWork, markTime, tabThreads } from './gecko-profile';

export interface FirefoxBench {
  withExtension: boolean;
  browser: Browser;
  close(): Promise<void>;
}

/** Firefox with the built add-on (or the one in `build`; its timings published, as the tests have them), or without. */
export async function openFirefox(withExtension: boolean, build?: string): Promise<FirefoxBench> {
  const { browser, close } = withExtension ? await launchFirefox({ build }) : await launchPlainFirefox();
  return { withExtension, browser, close };
}

/** Evaluates `expression` in the browser's own window, with its privileges (`Services` and all). */
async function inChrome(browser: Browser, expression: string): Promise<unknown> {
  // puppeteer has no API for the chrome scope; its BiDi connection takes Firefox's `moz:scope`.
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: any }> } }).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = tree.result.contexts[0].context as string;
  const { result } = await connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true });
  if (result.type === 'exception') throw new Error(`in Firefox's chrome scope: ${JSON.stringify(result.exceptionDetails?.text ?? result)}`);
  return result.result?.value;
}

/** Samples every 1 ms with JS stacks and thread CPU time, main threads only (128 MB of buffer). */
const startProfiler = (browser: Browser) => inChrome(browser, `Services.profiler.StartProfiler(1 << 24, 1, ['js', 'cpu'], ['GeckoMain'])`);

/**
 * Stops the profiler and returns what it holds of every process (written to a file: it can be tens of MB).
 * With `BPL_GECKO_PROFILE_DIR` set, each profile is kept there too, to read a long task's functions.
 */
async function stopProfiler(browser: Browser): Promise<GeckoProfile> {
  const dir = mkdtempSync(join(tmpdir(), 'bpl-gecko-profile-'));
  const file = join(dir, 'profile.json');
  try {
    await inChrome(browser, `Services.profiler.dumpProfileToFileAsync(${JSON.stringify(file)}).then(() => Services.profiler.StopProfiler())`);
    const text = readFileSync(file, 'utf8');
    if (process.env.BPL_GECKO_PROFILE_DIR) writeFileSync(join(process.env.BPL_GECKO_PROFILE_DIR, `profile-${Date.now()}.json`), text);
    return JSON.parse(text) as GeckoProfile;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The mark the bench puts on the page's timeline, to find the tab's thread and its clock in the profile. */
const CLOCK_MARK = 'bench:clock';

export interface FirefoxLoad {
  scanMs: number;
  scanStart: number;
  longestSliceMs: number;
  /** The whole load, from navigation on. */
  load: ExtensionWork;
  /** The scan's window (for the page alone: the extension's load's). */
  scan: Windowed;
  /** From the live phase's start (the page changing) on; its shares are of the phase itself. */
  live?: Windowed;
}

/** Work in a window, and the extension's and the whole thread's CPU as shares of its wall time. */
export interface Windowed {
  work: ExtensionWork;
  extensionShare: number;
  threadShare: number;
}

export interface FirefoxLive {
  run: () => void;
}

/** One load of `url`, profiled; `scanWindow` is the extension's load's scan, for the page alone. */
export async function loadInFirefox(
  firefox: FirefoxBench,
  url: string,
  scanWindow: { start: number; end: number } | null,
  settleMs: number,
  live?: FirefoxLive,
): Promise<FirefoxLoad> {
  await startProfiler(firefox.browser);
  const page: Page = await firefox.browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    let scan = { start: 0, duration: 0, longestSliceMs: 0 };
    if (firefox.withExtension) {
      await page.waitForFunction(() => performance.getEntriesByName('bpl:scan').length > 0, { timeout: 120_000, polling: 100 });
      scan = await page.evaluate(() => {
        const entry = performance.getEntriesByName('bpl:scan')[0] as PerformanceMeasure;
        return { start: entry.startTime, duration: entry.duration, longestSliceMs: (entry.detail as { longestSliceMs: number }).longestSliceMs };
      });
    } else {
      await page.waitForFunction((end: number) => performance.now() > end, { timeout: 120_000, polling: 100 }, scanWindow!.end);
    }
    await new Promise((done) => setTimeout(done, settleMs));
    let liveWindow: { start: number; end: number } | undefined;
    if (live) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await new Promise((done) => setTimeout(done, 500));
      const start = await page.evaluate(() => performance.now());
      await page.evaluate(live.run);
      liveWindow = { start, end: await page.evaluate(() => performance.now()) };
      await new Promise((done) => setTimeout(done, settleMs));
    }
    const markAt = await page.evaluate((name: string) => performance.mark(name).startTime, CLOCK_MARK);
    const profile = await stopProfiler(firefox.browser);
    const tab = tabThreads(profile)
      .map((candidate) => ({ candidate, at: markTime(candidate.thread, CLOCK_MARK) }))
      .find((found) => found.at !== null);
    if (!tab) throw new Error(`the Gecko profile has no tab thread with the page's ${CLOCK_MARK} mark`);
    // Page time → thread time.
    const offset = tab.at! - markAt;
    const work = (from: number, to: number) => extensionWork(tab.candidate, from + offset, to + offset);
    /** The work from `start` on (what the window set off), its shares within the window. */
    const windowed = ({ start, end }: { start: number; end: number }): Windowed => {
      const within = work(start, end);
      return { work: work(start, Infinity), extensionShare: within.totalMs / (end - start), threadShare: within.threadMs / (end - start) };
    };
    return {
      scanMs: scan.duration,
      scanStart: scan.start,
      longestSliceMs: scan.longestSliceMs,
      load: work(0, Infinity),
      scan: windowed(scanWindow ?? { start: scan.start, end: scan.start + scan.duration }),
      live: liveWindow && windowed(liveWindow),
    };
  } finally {
    await page.close();
  }
}
