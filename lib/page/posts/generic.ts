/**
 * Posts on any site, read from what threads have in common: schema.org posts and comments
 * (microdata), `<article>` and ARIA `article` / `comment` elements, and otherwise repeated sibling
 * blocks that each name an author and hold some prose. A page with fewer than two posts is not a
 * thread.
 */
import { allOf, cleanName, firstOf, matchingIn, nameOf, quotedName, quotesIn, timeOf, wordsOf } from './read';
import { filterInSteps, mapInSteps, runNow, type Steps } from './steps';
import type { FoundPost, FoundQuote, PageChange, ThreadReading } from './types';

const MIN_POSTS = 2;
/** A block shorter than this is a link, a card or a control, not a post. */
const MIN_POST_CHARS = 40;

export const SCHEMA_POST = [
  '[itemtype*="schema.org/DiscussionForumPosting"]',
  '[itemtype*="schema.org/SocialMediaPosting"]',
  '[itemtype*="schema.org/Comment"]',
  '[itemtype*="schema.org/Answer"]',
  '[itemtype*="schema.org/Question"]',
].join(',');

export const MARKED_POST = 'article, [role="article"], [role="comment"]';

/** Where a post names its writer, most specific first. */
export const AUTHOR_SELECTORS = [
  '[itemprop="author"] [itemprop="name"]',
  '[itemprop="author"]',
  '[rel="author"]',
  '.author',
  '.username',
  '.user-name',
  '.poster',
  '.byline',
  '[class*="author"]',
  '[class*="username"]',
  '[class*="user-name"]',
  '[data-author]',
];

/** A time as some posts show it without a `<time>` element. */
const TIME_SELECTORS = ['[itemprop="datePublished"]', '[class*="date"]', '[class*="time"]', '.meta'];

export const QUOTE_SELECTOR = 'blockquote, .quote, .bbcode_quote, .bbCodeBlock--quote, aside.quote';

/** The words a quote's header or the line before it gives: "Marta wrote:". */
function quoteAuthor(quote: Element): string | null {
  // (A blockquote's `cite` attribute is the address quoted from, never a name.)
  const named = quote.getAttribute('data-author');
  if (named !== null) return cleanName(named);
  const header = firstOf(quote, ['cite', '.quote-header', '.title', 'header', '[class*="title"]', '[class*="head"]']);
  return quotedName(wordsOf(header)) ?? quotedName(wordsOf(quote.previousElementSibling));
}

function isInsideAny(element: Element, containers: readonly Element[]): boolean {
  return containers.some((container) => container !== element && container.contains(element));
}

/** The first author element of the post that is its own (not in a quote, not in a reply inside it). */
function authorOf(post: Element, quotes: readonly FoundQuote[], posts: ReadonlySet<Element>): string | null {
  const quoteElements = quotes.map((quote) => quote.element);
  for (const selector of AUTHOR_SELECTORS) {
    for (const candidate of allOf(post, selector)) {
      if (isInsideAny(candidate, quoteElements)) continue;
      if (innermostPost(candidate, posts) !== post) continue;
      const name = candidate.getAttribute('data-author') ?? nameOf(candidate);
      if (name !== null) return name;
    }
  }
  return null;
}

function innermostPost(element: Element, posts: ReadonlySet<Element>): Element | null {
  for (let at: Element | null = element; at !== null; at = at.parentElement) if (posts.has(at)) return at;
  return null;
}

/** Posts from a set of elements, each its own unit; nested ones stay (a reply inside a comment). */
function postsFrom(elements: readonly Element[]): Steps<FoundPost[]> {
  const set = new Set(elements);
  return mapInSteps(elements, (element) => {
    const quotes = quotesIn(element, QUOTE_SELECTOR, quoteAuthor).filter(
      (quote) => innermostPost(quote.element, set) === element,
    );
    return {
      element,
      author: authorOf(element, quotes, set),
      time: timeOf(element, TIME_SELECTORS)?.replace(/^(?:posted|on)\s+/i, '') ?? null,
      quotes,
    };
  });
}

function hasProse(element: Element): boolean {
  return (element.textContent?.trim().length ?? 0) >= MIN_POST_CHARS;
}

function namesAnAuthor(element: Element): boolean {
  return firstOf(element, AUTHOR_SELECTORS) !== null;
}

/** An element's shape for comparing siblings: its tag and its classes. */
function shapeOf(element: Element): string {
  return `${element.tagName} ${Array.from(element.classList).sort().join(' ')}`;
}

/**
 * Siblings of one kind: the same tag and a class in common (or no classes at all), so rows that
 * alternate a class (`post bg1`, `post bg2`; `odd`, `even`) are one kind.
 */
function sameKind(a: Element, b: Element): boolean {
  if (a.tagName !== b.tagName) return false;
  if (a.classList.length === 0 || b.classList.length === 0) return a.classList.length === b.classList.length;
  return Array.from(a.classList).some((name) => b.classList.contains(name));
}

/** The elements that are posts by one kind of evidence: the page's, and those at a changed element. */
interface Evidence {
  elements: Element[];
  around(changed: PageChange): Element[];
}

function* bySelector(document: Document, selector: string, isPost: (element: Element) => boolean): Steps<Evidence> {
  return {
    elements: yield* filterInSteps(allOf(document, selector), isPost),
    around: (changed) => matchingIn(changed, selector).filter(isPost),
  };
}

/**
 * The largest group of same-shaped siblings that each name an author and hold prose: the posts of
 * a forum that marks them up with nothing but its own classes. A block added later is one of them
 * when it joins their parent and is of their kind.
 */
function* repeatedBlocks(document: Document): Steps<Evidence> {
  let best: Element[] = [];
  let bestChars = 0;
  const grouped = new Map<string, boolean>();
  const parents = new Map<Element, number>();
  for (const author of allOf(document, AUTHOR_SELECTORS.join(','))) {
    yield;
    // Climb from an author element to the block that repeats: its ancestor with same-shaped siblings.
    for (let block: Element | null = author.parentElement; block?.parentElement; block = block.parentElement) {
      const parent = block.parentElement;
      // Each parent and shape is weighed once, so a thousand posts cost a thousand checks, not a million.
      if (!parents.has(parent)) parents.set(parent, parents.size);
      const key = `${parents.get(parent)} ${shapeOf(block)}`;
      const known = grouped.get(key);
      if (known === true) break;
      if (known === false) continue;
      const group = Array.from(parent.children).filter((sibling) => sameKind(sibling, block) && isAuthoredProse(sibling));
      grouped.set(key, group.length >= MIN_POSTS);
      if (group.length < MIN_POSTS) continue;
      const chars = group.reduce((sum, post) => sum + (post.textContent?.length ?? 0), 0);
      if (chars > bestChars) [best, bestChars] = [group, chars];
      break;
    }
  }
  const [sample] = best;
  const parent = sample?.parentElement;
  return {
    elements: best,
    around: (changed) => {
      let block: Element | null = changed.nodeType === changed.ELEMENT_NODE ? (changed as Element) : changed.parentElement;
      while (block !== null && block.parentElement !== parent) block = block.parentElement;
      return block !== null && sameKind(block, sample!) && isAuthoredProse(block) ? [block] : [];
    },
  };
}

/** A block that names an author and holds prose. */
const isAuthoredProse = (element: Element) => hasProse(element) && namesAnAuthor(element);

const NO_EVIDENCE: Evidence = { elements: [], around: () => [] };

/** The elements that are posts, by the first kind of evidence the page has enough of. */
function* evidenceOf(document: Document): Steps<Evidence> {
  const kinds = [
    () => bySelector(document, SCHEMA_POST, hasProse),
    () => bySelector(document, MARKED_POST, isAuthoredProse),
    () => repeatedBlocks(document),
  ];
  for (const kind of kinds) {
    const evidence = yield* kind();
    if (evidence.elements.length >= MIN_POSTS) return evidence;
  }
  return NO_EVIDENCE;
}

/** The posts of a page by the generic reading, and the ones a change brings, by the same evidence. */
export function* genericReading(document: Document): Steps<ThreadReading> {
  const evidence = yield* evidenceOf(document);
  const posts = yield* postsFrom(evidence.elements);
  return { posts, around: (changed) => runNow(postsFrom(evidence.around(changed))) };
}

export function genericPosts(document: Document): FoundPost[] {
  return runNow(genericReading(document)).posts;
}
