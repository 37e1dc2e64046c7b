/**
 * Page-world helpers for the page tests. Marks are StaticRanges (no text or boxes of their own):
 * these read both from a live copy. Our highlights have random names: the helpers find them as any
 * page could, from the `::highlight()` rules of the style sheet the content script adopts (term, red
 * flag, then flash; only the flash when marks are off). Installed by the tests only, before any
 * page script runs.
 */
import type { BrowserContext, Page } from 'playwright-core';

export type HighlightKind = 'term' | 'red-flag' | 'flash';

declare global {
  interface Window {
    bplRangeText(range: AbstractRange): string;
    bplRangeRect(range: AbstractRange): DOMRect;
    /** The names of our highlights, read from our style sheet's rules. */
    bplHighlightNames(): Partial<Record<HighlightKind, string>>;
    /** The ranges our highlight of that kind holds now (none if it is not registered). */
    bplMarks(kind: HighlightKind): AbstractRange[];
  }
}

export async function installRangeHelpers(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const live = (range: AbstractRange) => {
      const copy = new Range();
      copy.setStart(range.startContainer, range.startOffset);
      copy.setEnd(range.endContainer, range.endOffset);
      return copy;
    };
    window.bplRangeText = (range) => live(range).toString();
    window.bplRangeRect = (range) => live(range).getBoundingClientRect();
    window.bplHighlightNames = () => {
      for (const sheet of document.adoptedStyleSheets) {
        const names = [...sheet.cssRules].map((rule) => /^(?::root)?::highlight\(([^)]+)\)/.exec((rule as CSSStyleRule).selectorText ?? '')?.[1]);
        if (names.length === 0 || names.some((name) => name === undefined)) continue;
        return names.length === 3 ? { term: names[0], 'red-flag': names[1], flash: names[2] } : { flash: names[0] };
      }
      return {};
    };
    window.bplMarks = (kind) => {
      const name = window.bplHighlightNames()[kind];
      return name ? [...(CSS.highlights.get(name) ?? [])] : [];
    };
  });
}

interface CdpNode {
  backendNodeId: number;
  localName: string;
  children?: CdpNode[];
  shadowRoots?: (CdpNode & { shadowRootType?: string })[];
}

function findNode(node: CdpNode, localName: string): CdpNode | null {
  if (node.localName === localName) return node;
  for (const child of node.children ?? []) {
    const found = findNode(child, localName);
    if (found) return found;
  }
  return null;
}

/**
 * Runs `inspect` on the hover card's closed shadow root, reached through the DevTools protocol
 * (page script cannot reach it; that is the point). Null when no card is open.
 */
export async function inHoverCard<T, A = undefined>(
  page: Page,
  inspect: (root: ShadowRoot, arg: A) => T | Promise<T>,
  arg?: A,
): Promise<T | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const shadow = findNode(root, 'bpl-hover-card')?.shadowRoots?.[0];
    if (!shadow) return null;
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: `function (arg) { return (${inspect.toString()})(this, arg); }`,
      arguments: [{ value: arg }],
      returnByValue: true,
      awaitPromise: true,
    });
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

/** The text of the open hover card, null when none is open. */
export const hoverCardText = (page: Page) => inHoverCard(page, (root) => (root.querySelector('.card') as HTMLElement | null)?.innerText ?? null);

/** Clicks an element of the open hover card like the reader does, at its centre. */
export async function clickInHoverCard(page: Page, selector: string): Promise<void> {
  const point = await inHoverCard(
    page,
    (root, within) => {
      const rect = root.querySelector(within)?.getBoundingClientRect();
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    },
    selector,
  );
  if (!point) throw new Error(`No ${selector} in an open hover card`);
  await page.mouse.click(point.x, point.y);
}

/**
 * In the page, as source text (Playwright and puppeteer pages alike): how many pixels of a
 * screenshot (a PNG data URL of the viewport) inside `box` carry a mark's colour (`blue`, the
 * term's underline, or `rose`, the red flag's). The page's text
 * is black or grey on white, so only a painted mark gives such pixels.
 */
const TINTED_PIXELS = `async ([src, box, tint]) => {
  const image = new Image();
  image.src = src;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const scale = image.width / innerWidth;
  const data = context.getImageData(Math.floor(box.x * scale), Math.floor(box.y * scale), Math.ceil(box.width * scale), Math.ceil(box.height * scale)).data;
  let tinted = 0;
  for (let i = 0; i < data.length; i += 4) {
    const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
    if (tint === 'blue' ? b - r > 60 : r - b > 40 && r - g > 40) tinted++;
  }
  return tinted;
}`;

/**
 * In the page: scroll the first range of our highlight of `kind` whose text holds `text` into view
 * and return its box (a few pixels taller, for the underline), in viewport coordinates.
 */
const SCROLL_TO_MARK = `([kind, text]) => {
  const sheet = document.adoptedStyleSheets.find((candidate) => candidate.cssRules.length > 0);
  const names = [...(sheet?.cssRules ?? [])].map((rule) => /::highlight\\(([^)]+)\\)/.exec(rule.selectorText)?.[1]);
  const name = names[['term', 'red-flag'].indexOf(kind)];
  const live = (range) => {
    const copy = new Range();
    copy.setStart(range.startContainer, range.startOffset);
    copy.setEnd(range.endContainer, range.endOffset);
    return copy;
  };
  const range = [...(CSS.highlights.get(name) ?? [])].map(live).find((copy) => copy.toString().includes(text));
  if (!range) return null;
  range.startContainer.parentElement.scrollIntoView({ block: 'center' });
  const box = range.getBoundingClientRect();
  return { x: box.left, y: box.top, width: box.width, height: box.height + 4 };
}`;

/** Marks to look for on `page-forum.html`: a term in the document and a red flag in its shadow root, with their colours. */
export const PAINTED_MARKS = [['term', 'sciatica', 'blue'], ['red-flag', 'multiple myeloma', 'rose']] as const;

/**
 * How many pixels of the first mark of `kind` holding `text` carry its colour once it is scrolled
 * into view and painted (null if there is no such mark), for a Playwright or a puppeteer page;
 * `screenshot` gives the viewport as a base64 PNG.
 */
export async function tintedPixelsOfMark(
  page: { evaluate(expression: string): Promise<unknown> },
  screenshot: () => Promise<string>,
  [kind, text, tint]: (typeof PAINTED_MARKS)[number],
): Promise<number | null> {
  const box = await page.evaluate(`(${SCROLL_TO_MARK})(${JSON.stringify([kind, text])})`);
  if (box === null) return null;
  await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  const src = `data:image/png;base64,${await screenshot()}`;
  return (await page.evaluate(`(${TINTED_PIXELS})(${JSON.stringify([src, box, tint])})`)) as number;
}
