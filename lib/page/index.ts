/**
 * The content script's work on one page: scan and mark, follow the settings, report findings,
 * answer the side panel, and stop quietly when the extension goes away.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HoverCardContent } from '../../components/HoverCard';
import type { LexiconSource } from '../../content-data/schema';
import { compileLexicon } from '../detect';
import type { Detection } from '../detect/types';
import { isMessage, sendMessage, type PanelRequest } from '../messages';
import { isPausedOn, loadSettings, type Settings, watchSettings } from '../settings';
import { watchHover } from './hover';
import type { Mark } from './marks';
import { PageScanner } from './scanner';
import { summarizeMatches } from './summary';

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
export function panelRequestFor(mark: Mark): PanelRequest | null {
  const { match } = mark;
  const redFlagId = match.redFlagIds[0];
  if (mark.kind === 'red-flag' && redFlagId) return { kind: 'red-flag', id: redFlagId };
  const topicId = match.topicIds[0];
  if (topicId) return { kind: 'topic', id: topicId };
  return redFlagId ? { kind: 'red-flag', id: redFlagId } : null;
}

function describer(source: LexiconSource) {
  const terms = new Map(source.terms.map((term) => [term.id, term]));
  const redFlags = new Map(source.redFlags.map((flag) => [flag.id, flag]));
  return async (mark: Mark): Promise<HoverCardContent> => {
    const { match } = mark;
    const redFlag = mark.kind === 'red-flag' ? redFlags.get(match.redFlagIds[0] ?? '') : undefined;
    const topics = await sendMessage({ type: 'describe-topics', ids: match.topicIds }).catch(() =>
      match.topicIds.map((id) => ({ id, title: id })),
    );
    return {
      matchedText: match.text,
      termLabel: terms.get(match.termId)?.label ?? match.text,
      topics,
      redFlag: redFlag ? { id: redFlag.id, label: redFlag.label, urgency: redFlag.urgency } : null,
    };
  };
}

export async function startPage(ctx: ContentScriptContext, source: LexiconSource): Promise<void> {
  const view = window;
  if (!isScannableFrame(view)) return;
  const isTopFrame = view.top === view;

  const report = (detection: Detection) => {
    if (!isTopFrame || ctx.isInvalid) return;
    // A page can outlive its extension (reload, update): a failed send is expected then.
    sendMessage({ type: 'findings', detection, url: location.href, title: document.title }).catch(() => undefined);
  };

  const scanner = new PageScanner({
    document,
    lexicon: compileLexicon(source),
    redFlags: source.redFlags,
    onScanned: report,
  });

  let paused = true;
  const apply = (settings: Settings) => {
    scanner.marks.setDisplay({ style: settings.highlightStyle, redFlagsOnly: settings.redFlagsOnly });
    const shouldPause = isPausedOn(settings, location.hostname);
    if (shouldPause === paused) return;
    paused = shouldPause;
    if (paused) {
      scanner.stop();
      report(summarizeMatches([], source.redFlags));
    } else {
      void scanner.start();
    }
  };

  const onMessage = (message: unknown) => {
    if (!isMessage(message)) return undefined;
    if (message.type === 'reveal-match') return Promise.resolve(scanner.reveal(message.index));
    if (message.type === 'get-selection') return Promise.resolve(view.getSelection()?.toString() ?? '');
    return undefined;
  };
  browser.runtime.onMessage.addListener(onMessage);
  const unwatchSettings = watchSettings(apply);

  ctx.addEventListener(view, 'wxt:locationchange', () => {
    if (!paused) void scanner.scanAll();
  });
  watchHover({
    document,
    marks: scanner.marks,
    describe: describer(source),
    openDetails: (mark) => {
      const request = panelRequestFor(mark);
      if (request) sendMessage({ type: 'open-panel', request }).catch(() => undefined);
    },
    signal: ctx.signal,
  });
  ctx.onInvalidated(() => {
    scanner.stop();
    try {
      browser.runtime.onMessage.removeListener(onMessage);
      unwatchSettings();
    } catch {
      // "Extension context invalidated": the listeners are gone with the extension anyway.
    }
  });

  apply(await loadSettings());
}
