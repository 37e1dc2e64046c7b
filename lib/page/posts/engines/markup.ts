/**
 * A thread read from an engine's own markup: its post elements in page order, and inside each the
 * writer's name, the time and the quotes that are the post's own. A reply nested inside a post is
 * its own post, so a post's name, time and quotes are never taken from a reply inside it, nor from
 * inside one of its quotes.
 */
import { allOf, matchingIn, nameOf, quotesIn, wordsOf } from '../read';
import { mapInSteps, runNow, type Steps } from '../steps';
import type { FoundPost, FoundQuote, PageChange, ThreadReading } from '../types';

/**
 * The post's own elements matching the first of `selectors` that matches any, in page order:
 * not inside a post nested in it, not inside its quotes.
 */
export type Own = (selectors: readonly string[]) => Element[];

export interface Markup {
  /**
   * The elements that are posts (nested replies included): a selector, or how to find them in a
   * document or at a changed element (see `matchingIn`).
   */
  post: string | ((root: Document | PageChange) => Element[]);
  /** Where a post names its writer, most specific first; or how to read the name. */
  author: readonly string[] | ((post: Element, own: Own) => string | null);
  /** Where a post shows when it was posted, most specific first (a `<time>` gives its datetime). */
  time?: readonly string[] | ((post: Element, own: Own) => string | null);
  /** The engine's quote containers. */
  quote?: string;
  /** Who a quote is from, when its markup says; null otherwise. */
  quoted?: (quote: Element) => string | null;
}

/** A time element's machine-readable date, else the words it shows. */
export function timeWords(element: Element | null | undefined): string | null {
  if (element == null) return null;
  return (element.tagName === 'TIME' ? element.getAttribute('datetime') : null) ?? wordsOf(element);
}

/** A thread read as `markup` describes it, in steps: the document's posts, and the ones a change brings. */
export function* readThread(document: Document, markup: Markup): Steps<ThreadReading> {
  const posts = yield* readPosts(document, markup);
  return { posts, around: (changed) => runNow(readPosts(changed, markup)) };
}

/** The posts of a document, or those a change brought, as `markup` describes them, in page order. */
function readPosts(root: Document | PageChange, markup: Markup): Steps<FoundPost[]> {
  const elements = typeof markup.post === 'string' ? matchingIn(root, markup.post) : markup.post(root);
  const posts = new Set(elements);
  const postOf = (element: Element): Element | null => {
    for (let at = element.parentElement; at !== null; at = at.parentElement) if (posts.has(at)) return at;
    return null;
  };
  return mapInSteps(elements, (element) => {
    const quotes: FoundQuote[] =
      markup.quote === undefined
        ? []
        : quotesIn(element, markup.quote, markup.quoted ?? (() => null)).filter((quote) => postOf(quote.element) === element);
    const own: Own = (selectors) => {
      for (const selector of selectors) {
        const found = allOf(element, selector).filter(
          (candidate) => postOf(candidate) === element && !quotes.some((quote) => quote.element.contains(candidate)),
        );
        if (found.length > 0) return found;
      }
      return [];
    };
    return { element, author: authorOf(element, markup, own), time: timeOf(element, markup, own), quotes };
  });
}

function authorOf(post: Element, markup: Markup, own: Own): string | null {
  return typeof markup.author === 'function' ? markup.author(post, own) : nameOf(own(markup.author)[0]);
}

function timeOf(post: Element, markup: Markup, own: Own): string | null {
  if (markup.time === undefined) return null;
  return typeof markup.time === 'function' ? markup.time(post, own) : timeWords(own(markup.time)[0]);
}

/** The page's `<meta name="generator">` words, or the empty string. */
export function generatorOf(document: Document): string {
  return document.querySelector('meta[name="generator"]')?.getAttribute('content') ?? '';
}

/**
 * Whether the page is from `domain` or one of its subdomains, by the address it states (its
 * canonical link or `og:url`, which a saved page keeps) or else the one it was loaded from.
 */
export function isFrom(document: Document, domain: string): boolean {
  const stated =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    document.querySelector('meta[property="og:url"]')?.getAttribute('content') ??
    document.location?.href ??
    '';
  let host = '';
  try {
    host = new URL(stated).hostname.toLowerCase();
  } catch {
    return false;
  }
  return host === domain || host.endsWith(`.${domain}`);
}
