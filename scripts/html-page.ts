/**
 * A saved page read as the content script reads it in the browser: parsed into a DOM in Node
 * (happy-dom, with scripts, styles and network off), indexed by the same text index and cut into
 * posts by the same segmenter.
 */
import { Window } from 'happy-dom';
import { markKindOf } from '../lib/page/marks';
import { threadSpansOf } from '../lib/page/posts';
import { mayCarryTermMarks } from '../lib/page/term-marks';
import { buildTextIndex, nodeAt } from '../lib/page/text-index';
import type { PostSpans } from '../lib/detect/posts';
import type { Match, TextSpan } from '../lib/types';

export interface HtmlPage {
  text: string;
  engine: string | null;
  posts: PostSpans[];
  unowned: TextSpan[];
  /** Whether a match counts, as the content script decides it: no ordinary terms in headings, menus, link lists. */
  keeps(match: Match): boolean;
}

export function readHtmlPage(html: string): HtmlPage {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
      navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
    },
  });
  // The text index reads these DOM constants as globals, as it does in a page.
  const globals = globalThis as Record<string, unknown>;
  globals.Node ??= window.Node;
  globals.NodeFilter ??= window.NodeFilter;
  // Left open: `keeps` reads the page after this returns (it runs no script, so it holds nothing up).
  window.document.write(html);
  const document = window.document as unknown as Document;
  const index = buildTextIndex(document.body ?? document.documentElement);
  const keeps = (match: Match) => markKindOf(match) !== 'term' || mayCarryTermMarks(nodeAt(index, match.start).parentElement);
  return { text: index.text, ...threadSpansOf(document, index), keeps };
}
