/**
 * The content script's work on one page: scan and mark, follow the settings, report findings,
 * answer the side panel, and stop quietly when the extension goes away.
 */
import { browser } from 'wxt/browser';
import { summarizeMatches } from '../detect';
import { languageOf } from '../language';
import { lexiconLoader, loadOnce } from '../lexicon-store';
import { packDetection, type PackedDetection } from '../packed-detection';
import { type PageLexicon, unpackPageLexicon } from '../page-lexicon';
import {
  dispatch,
  type MessageOf,
  type PanelRequest,
  type ReplyOf,
  sendToBackground,
  TO_CONTENT,
  type ToBackground,
} from '../messages';
import { isPausedOn, loadSettings, type Settings, watchSettings } from '../settings';
import { watchHover } from './hover';
import { type Lifetime, startLifetime } from './lifetime';
import { watchLocation } from './location';
import { markDescriber } from './mark-description';
import type { Mark } from './marks';
import { pageTextSample } from './page-text';
import { partLoader } from './parts';
import { mayBeThread } from './posts/signs';
import { redFlagStepper } from './red-flag-steps';
import { COMPILE_MEASURE, PageScanner, type PostFinder } from './scanner';
import { createSlicer } from './slices';
import { throttleLatest } from './throttle';
import { publishTiming, setTimingsPublished, TIMELINE_SETTING_KEY } from './timeline';

/** A page with no sign of posts is read as one text. */
const NO_POSTS: PostFinder = function* () {
  return { engine: null, posts: [], around: () => [] };
};

/** Live pages rescan often; the background hears of it at most this often. */
const REPORT_INTERVAL_MS = 1_000;

/** Frames run the script too, but only same-origin ones (readable from the top) are scanned. */
function isScannableFrame(view: Window): boolean {
  if (view.top === view) return true;
  try {
    return view.top?.location.href !== undefined;
  } catch {
    return false;
  }
}

/** What the side panel should open at for a mark: its red flag if affirmed, else its topic. */
function panelRequestFor(mark: Mark): PanelRequest | null {
  const { match } = mark;
  const redFlagId = match.redFlagIds[0];
  if (mark.kind === 'red-flag' && redFlagId) return { kind: 'red-flag', id: redFlagId };
  const topicId = match.topicIds[0];
  if (topicId) return { kind: 'topic', id: topicId };
  return redFlagId ? { kind: 'red-flag', id: redFlagId } : null;
}

type Send = <K extends keyof ToBackground>(message: MessageOf<ToBackground, K>) => Promise<ReplyOf<ToBackground, K> | undefined>;

/** The packed lexicon revived, in slices of its own before the scan's. */
async function revivePageLexicon(packed: string): Promise<PageLexicon> {
  const start = performance.now();
  const slicer = createSlicer();
  const steps = unpackPageLexicon(packed);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) {
      publishTiming(COMPILE_MEASURE, { start, detail: slicer.finish() });
      return step.value;
    }
    if (slicer.timeIsUp()) await slicer.nextSlice();
  }
}

async function readTimingsSetting(): Promise<boolean> {
  return (await browser.storage.local.get(TIMELINE_SETTING_KEY))[TIMELINE_SETTING_KEY] === true;
}

/** `lexiconVersion`: which lexicon this build scans with (see lib/lexicon-store.ts). */
export async function startPage(lexiconVersion: string): Promise<void> {
  const view = window;
  if (!isScannableFrame(view)) return;
  const life = startLifetime();
  try {
    await runPage(view, life, lexiconVersion);
  } catch (error) {
    // Failing because the extension was reloaded under the page is expected; anything else is not.
    if (!life.isOver()) throw error;
  }
}

/**
 * Everything here hangs off `life.signal`: listeners, observers, timers and intervals are released
 * by its abort handler below (or by the signal itself) when the extension goes away, and nothing
 * is sent after.
 */
async function runPage(view: Window, life: Lifetime, lexiconVersion: string): Promise<void> {
  const { signal } = life;
  const isTopFrame = view.top === view;

  const send: Send = (message) =>
    life.isOver()
      ? Promise.resolve(undefined)
      : sendToBackground(message).catch(() => {
          life.isOver();
          return undefined;
        });

  const report = (detection: PackedDetection) => {
    if (!isTopFrame) return;
    const english = languageOf(pageTextSample(document), document.documentElement.lang) !== 'other';
    void send({ type: 'findings', detection, url: location.href, title: document.title, english });
  };
  // Unknown until the settings load: a page paused from the start reports so too (the popup learns its site).
  let paused: boolean | null = null;
  // A report still waiting when the page gets paused must not bring its marks back to the badge.
  // The page's detection is summarised only when a report goes out, not after every pass.
  const reportScan = throttleLatest(
    (detection: () => PackedDetection) => {
      if (!paused) report(detection());
    },
    REPORT_INTERVAL_MS,
    signal,
  );

  const loadPacked = lexiconLoader(lexiconVersion, () => send({ type: 'get-lexicon' }));
  const loadLexicon = loadOnce(() => loadPacked().then(revivePageLexicon));
  const loadPart = partLoader((part) => send({ type: 'load-part', part }));
  // A finder that cannot load leaves the page read as one text, as before threads were read.
  const postFinder = () => (mayBeThread(document) ? loadPart('post-finder').catch(() => NO_POSTS) : Promise.resolve(NO_POSTS));
  const scanner = new PageScanner({
    document,
    loadLexicon: () => loadLexicon().then(({ lexicon }) => ({ lexicon, redFlags: lexicon.redFlags })),
    postFinder,
    onScanned: reportScan,
  });

  let theme: Settings['theme'] = 'auto';
  const apply = (settings: Settings) => {
    if (signal.aborted) return;
    theme = settings.theme;
    scanner.marks.setDisplay({ style: settings.highlightStyle, redFlagsOnly: settings.redFlagsOnly });
    const shouldPause = isPausedOn(settings, location.hostname);
    if (shouldPause === paused) return;
    paused = shouldPause;
    if (paused) {
      scanner.stop();
      // No matches: no red flag to triage.
      report(packDetection(summarizeMatches([], [])));
    } else {
      void scanner.start();
    }
  };

  const unwatchSettings = watchSettings(apply);

  watchLocation(
    view,
    () => {
      if (!paused) void scanner.scanAll();
    },
    signal,
  );
  const hover = watchHover({
    document,
    marks: scanner.marks,
    describe: markDescriber(loadLexicon, (termId, topicIds) => send({ type: 'describe-mark', termId, topicIds })),
    openDetails: (mark) => {
      const request = panelRequestFor(mark);
      if (request) void send({ type: 'open-panel', request });
    },
    loadCard: () => loadPart('hover-card'),
    theme: () => theme,
    signal,
  });
  const stepRedFlag = redFlagStepper(view, scanner.marks, () => scanner.redFlagMarks(), hover.show);
  // Answered through `sendResponse`: the browser's own API (no polyfill here, see wxt.config.ts)
  // does not take a returned promise in every Chrome.
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
    const reply = dispatch(
      TO_CONTENT,
      {
        'reveal-match': ({ index }) => scanner.reveal(index),
        'reveal-post': ({ index }) => scanner.revealPost(index),
        'get-selection': () => view.getSelection()?.toString() ?? '',
        'step-red-flag': ({ direction }) => stepRedFlag(direction),
      },
      message,
      undefined,
    );
    if (!reply) return false;
    void reply.then(sendResponse, () => sendResponse(undefined));
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  // The one place where the page is let go of: marks, styles, observers and the flash go with `stop`.
  signal.addEventListener(
    'abort',
    () => {
      paused = true;
      scanner.stop();
      try {
        browser.runtime.onMessage.removeListener(onMessage);
        unwatchSettings();
      } catch {
        // "Extension context invalidated": the listeners are gone with the extension anyway.
      }
    },
    { once: true },
  );

  // Most pages are not paused: load the lexicon while the settings load (first mark ~30 ms sooner
  // on a 1 MB page), and the post finder too (its injection takes longer than the lexicon's
  // compile in Firefox). A paused page loads them but never revives the lexicon; a failed load
  // is retried by the scan.
  void loadPacked().catch(() => undefined);
  void postFinder();
  const [settings, publishTimings] = await Promise.all([loadSettings(), readTimingsSetting()]);
  setTimingsPublished(publishTimings);
  apply(settings);
}
