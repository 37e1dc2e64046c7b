/**
 * `npm run bench:first-mark -- --before DIR`: when the first mark shows, after DOMContentLoaded,
 * for this build and an older one (DIR holds its `chrome-mv3` and `firefox-mv2` builds, for example
 * one of `main`), loads alternating between the two in the same run, in Chromium and Firefox.
 * Threads (with signs of posts, so the post finder is injected while the lexicon compiles) and a
 * page of plain prose (no sign of posts). Prints the median and the spread of each.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROME_BUILD, FIREFOX_BUILD, launchChromium, launchFirefox, startFixtureServer } from '../tests/e2e/harness';

const args = process.argv.slice(2);
const option = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const BEFORE = option('--before');
const RUNS = Number(option('--runs') ?? 15);

const SENTENCES = [
  'My lower back has been stiff every morning since the move.',
  'The physio gave me stretches and the sciatica down my left leg is easing.',
  'I sit at a desk all day and my chair is probably not helping.',
  'We went for a long walk by the river and the weather was lovely.',
  'Since Tuesday I have numbness down there and I cannot control my bladder.',
  'Has anyone tried heat packs for a slipped disc?',
];

/** Posts marked up as `<article>`s that name their writer: a thread to the post finder. */
function threadPage(bytes: number): string {
  const posts: string[] = [];
  for (let n = 0, size = 0; size < bytes; n++) {
    const words = Array.from({ length: 6 }, (_, i) => SENTENCES[(n + i) % SENTENCES.length]).join(' ');
    posts.push(`<article class="post"><span class="author">member${n % 17}</span><p>${words}</p></article>`);
    size += posts.at(-1)!.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Thread</title></head><body><main>${posts.join('')}</main></body></html>`;
}

/** Paragraphs and nothing else: no sign of posts. */
function prosePage(bytes: number): string {
  const paragraphs: string[] = [];
  for (let n = 0, size = 0; size < bytes; n++) {
    paragraphs.push(`<p>${Array.from({ length: 6 }, (_, i) => SENTENCES[(n + i) % SENTENCES.length]).join(' ')}</p>`);
    size += paragraphs.at(-1)!.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title></head><body>${paragraphs.join('')}</body></html>`;
}

/**
 * In the page, once there is a first mark: its time after DOMContentLoaded, and after the lexicon's
 * compile ended (what follows it is the genre, the posts and the first stretch: where waiting for
 * the post finder would show).
 */
function firstMarkTimes(): { afterLoad: number; afterCompile: number } | null {
  const mark = performance.getEntriesByName('bpl:first-mark')[0];
  const compile = performance.getEntriesByName('bpl:compile')[0];
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (!mark || !compile || !navigation) return null;
  return { afterLoad: mark.startTime - navigation.domContentLoadedEventEnd, afterCompile: mark.startTime - compile.startTime - compile.duration };
}

type Times = NonNullable<ReturnType<typeof firstMarkTimes>>;

interface Tab {
  /** Loads `url` and answers the first mark's times, closing the tab after. */
  firstMark(url: string): Promise<Times>;
  close(): Promise<void>;
}

async function chromiumTab(build: string): Promise<Tab> {
  const session = await launchChromium({ build });
  return {
    async firstMark(url) {
      const page = await session.context.newPage();
      await page.goto(url);
      const handle = await page.waitForFunction(firstMarkTimes, undefined, { timeout: 60_000 });
      const ms = (await handle.jsonValue()) as Times;
      await page.close();
      return ms;
    },
    close: () => session.close(),
  };
}

async function firefoxTab(build: string): Promise<Tab> {
  const session = await launchFirefox({ build });
  return {
    async firstMark(url) {
      const page = await session.browser.newPage();
      await page.goto(url);
      const handle = await page.waitForFunction(firstMarkTimes, { timeout: 60_000 });
      const ms = (await handle.jsonValue()) as Times;
      await page.close();
      return ms;
    },
    close: () => session.close(),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const spread = (values: number[]) => `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`;

async function main() {
  if (!BEFORE) throw new Error('Usage: npm run bench:first-mark -- --before DIR (a folder with chrome-mv3 and firefox-mv2 builds)');
  const dir = mkdtempSync(join(tmpdir(), 'bpl-first-mark-'));
  const pages = { 'thread-60kB.html': threadPage(60_000), 'thread-1MB.html': threadPage(1_000_000), 'prose-60kB.html': prosePage(60_000) };
  for (const [name, html] of Object.entries(pages)) writeFileSync(join(dir, name), html);
  const server = await startFixtureServer(dir);
  const browsers = [
    { name: 'Chromium', open: chromiumTab, builds: { before: join(resolve(BEFORE), 'chrome-mv3'), after: CHROME_BUILD } },
    { name: 'Firefox', open: firefoxTab, builds: { before: join(resolve(BEFORE), 'firefox-mv2'), after: FIREFOX_BUILD } },
  ];
  try {
    console.log(`first mark, ms after DOMContentLoaded / after the lexicon's compile: median (min–max) of ${RUNS} loads, alternating\n`);
    console.log('| browser | page | before | after | before, after compile | after, after compile |\n|---|---|---|---|---|---|');
    for (const browser of browsers) {
      const before = await browser.open(browser.builds.before);
      const after = await browser.open(browser.builds.after);
      try {
        for (const page of Object.keys(pages)) {
          const times = { before: [] as Times[], after: [] as Times[] };
          for (let run = 0; run < RUNS; run++) {
            // Which build goes first alternates, so neither always loads on a machine the other just warmed.
            const order = run % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
            for (const label of order) times[label].push(await (label === 'before' ? before : after).firstMark(server.url(`/${page}`)));
          }
          const cell = (values: Times[], key: keyof Times) => {
            const ms = values.map((value) => value[key]);
            return `${Math.round(median(ms))} (${spread(ms)})`;
          };
          const cells = [cell(times.before, 'afterLoad'), cell(times.after, 'afterLoad'), cell(times.before, 'afterCompile'), cell(times.after, 'afterCompile')];
          console.log(`| ${browser.name} | ${page} | ${cells.join(' | ')} |`);
        }
      } finally {
        await before.close();
        await after.close();
      }
    }
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
