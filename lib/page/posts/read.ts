/**
 * Small readers the recognisers share: an element's visible words, a post's time, its quotes.
 * Everything read from the page is plain text, never markup.
 */
import type { FoundQuote, PageChange } from './types';

const MAX_NAME_CHARS = 80;

/** Text only for screen readers, or hidden from them as decoration: never a name. */
const UNSEEN = '.sr-only, .screen-reader-text, .visually-hidden, .visuallyhidden, [aria-hidden="true"], [hidden]';

/** An element's text with whitespace collapsed, or null when it has none. */
export function wordsOf(element: Element | null | undefined): string | null {
  const words = element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return words === '' ? null : words;
}

/** An element's words as they are seen: without screen-reader-only text. */
function seenWordsOf(element: Element): string | null {
  if (element.matches(UNSEEN)) return null;
  if (element.querySelector(UNSEEN) === null) return wordsOf(element);
  const copy = element.cloneNode(true) as Element;
  for (const unseen of Array.from(copy.querySelectorAll(UNSEEN))) unseen.remove();
  return wordsOf(copy);
}

/**
 * A name shown on the page, cut to a sane length; null when there is none. When the element holds
 * other elements (`<div class="author"><b>marta</b>Member · 41 posts</div>`), the name is the first
 * of them with words, so a rank or post count beside it is not read as part of the name.
 */
export function nameOf(element: Element | null | undefined): string | null {
  if (element == null || element.matches(UNSEEN)) return null;
  // Not `children`: the collection it makes stays cached on the element (0.35 kB a post in Chromium).
  let named = element.firstElementChild;
  while (named !== null && seenWordsOf(named) === null) named = named.nextElementSibling;
  return named === null ? cleanName(seenWordsOf(element)) : nameOf(named);
}

/** Words that name someone, without a leading "by" and cut to a sane length; null when empty. */
export function cleanName(words: string | null): string | null {
  const name = words?.replace(/\s+/g, ' ').trim().replace(/^(?:by|posted by|from)\s+/i, '') ?? '';
  return name === '' ? null : name.slice(0, MAX_NAME_CHARS);
}

/** The first element under `root` matching any of `selectors` (tried in order), or null. */
export function firstOf(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = allOf(root, selector)[0];
    if (found !== undefined) return found;
  }
  return null;
}

/** A post's time: a `<time>` element's datetime or words, else the words of `fallback`. */
export function timeOf(post: Element, fallback: readonly string[] = []): string | null {
  const time = post.querySelector('time');
  if (time !== null) return time.getAttribute('datetime') ?? wordsOf(time);
  return wordsOf(firstOf(post, fallback));
}

/**
 * The last compound of each selector in a list (`.names .first, cite` gives `.first, cite`): what
 * an element matching the list must match itself. Null when the list has no combinator or uses
 * `:scope` (which means another element in `matches`).
 */
export function lastCompounds(selector: string): string | null {
  if (selector.includes(':scope')) return null;
  const compounds: string[] = [];
  let start = 0;
  let depth = 0;
  let quote = '';
  // Whether the compound being read has begun, and whether a combinator followed it.
  let begun = false;
  let combinator = false;
  let combined = false;
  for (let at = 0; at < selector.length; at++) {
    const char = selector[at]!;
    if (quote !== '') {
      if (char === '\\') at++;
      else if (char === quote) quote = '';
      continue;
    }
    if (depth === 0 && char === ',') {
      compounds.push(selector.slice(start, at).trim());
      start = at + 1;
      begun = combinator = false;
      continue;
    }
    if (depth === 0 && /[\s>+~]/.test(char)) {
      combinator = begun;
      continue;
    }
    if (combinator) {
      start = at;
      combined = true;
      combinator = false;
    }
    begun = true;
    if (char === '"' || char === "'") quote = char;
    else if (char === '[' || char === '(') depth++;
    else if (char === ']' || char === ')') depth--;
  }
  compounds.push(selector.slice(start).trim());
  return combined ? compounds.join(', ') : null;
}

const lastCompoundsOf = new Map<string, string | null>();

/**
 * Elements matching `selector` under `root` in page order, `root` itself excluded. Under an
 * element, a selector with combinators is looked up by its last compounds and checked with
 * `matches`: Chromium answers `element.querySelectorAll('.a .b')` in time that grows with the
 * whole document (7.9 s for one query per post on a 9,000-post page, against 14 ms this way).
 */
export function allOf(root: ParentNode, selector: string): Element[] {
  if (root.nodeType === root.DOCUMENT_NODE) return Array.from(root.querySelectorAll(selector));
  let last = lastCompoundsOf.get(selector);
  if (last === undefined) lastCompoundsOf.set(selector, (last = lastCompounds(selector)));
  if (last === null) return Array.from(root.querySelectorAll(selector));
  return Array.from(root.querySelectorAll(last)).filter((element) => element.matches(selector));
}

/**
 * The elements matching `selector` in `root`: all of a document's; for an element that changed,
 * the innermost one around it (or itself) and all inside that, in page order; for added text, the
 * innermost one around it.
 */
export function matchingIn(root: Document | PageChange, selector: string): Element[] {
  if (root.nodeType === root.DOCUMENT_NODE) return allOf(root as Document, selector);
  if (root.nodeType !== root.ELEMENT_NODE) {
    const around = root.parentElement?.closest(selector);
    return around ? [around] : [];
  }
  const scope = (root as Element).closest(selector) ?? (root as Element);
  return scope.matches(selector) ? [scope, ...allOf(scope, selector)] : allOf(scope, selector);
}

/** "Marta wrote:", "Quote from Marta", "Marta said:": the name in a quote's header, or null. */
export function quotedName(header: string | null): string | null {
  if (header === null) return null;
  const said = /^(?:quote(?:d)?\s*(?:from|:)?\s*)?(.+?)\s+(?:wrote|said|posted|says|writes)\b/i.exec(header);
  if (said) return cleanName(said[1]!);
  const from = /^(?:quote|quoting|originally posted by)\s*(?:from|:)?\s*(.+)$/i.exec(header);
  return from ? cleanName(from[1]!.replace(/[:»]+$/, '')) : null;
}

/**
 * The quotes inside a post: the outermost elements matching `selector` (a quote in a quote is part
 * of the outer one), each with the name its header gives.
 */
export function quotesIn(post: Element, selector: string, authorOf: (quote: Element) => string | null): FoundQuote[] {
  return allOf(post, selector)
    .filter((quote) => {
      const outer = quote.parentElement?.closest(selector);
      return outer == null || !post.contains(outer);
    })
    .map((element) => ({ element, author: authorOf(element) }));
}
