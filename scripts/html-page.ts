/**
 * A saved page read as the content script reads it in the browser: parsed into a DOM in Node
 * (happy-dom, with scripts, styles and network off), indexed by the same text index and cut into
 * posts by the same segmenter.
 */
import { Window } from 'happy-dom';
import { threadSpansOf } from '../lib/page/posts';
import { buildTextIndex } from '../lib/page/text-index';
import type { PostSpans } from '../lib/detect/posts';
import type { TextSpan } from '../lib/types';

export interface HtmlPage {
  text: string;
  engine: string | null;
  posts: PostSpans[];
  unowned: TextSpan[];
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
  try {
    window.document.write(html);
    const document = window.document as unknown as Document;
    const index = buildTextIndex(document.body ?? document.documentElement);
    return { text: index.text, ...threadSpansOf(document, index) };
  } finally {
    void window.happyDOM.close();
  }
}
