/**
 * HealthUnlocked posts and their replies. The site is a client-rendered app whose class names are
 * generated hashes, so it is read from what stays put: writers are links to `/user/<name>`, and its
 * components carry `data-sentry-component` annotations. A post is the innermost annotated
 * component around a writer's link that also holds a `<time>` and some prose, so the header row
 * (name and age only) is not taken for the post, and a reply nested in a post stays its own.
 * Quotes are `blockquote`s, which do not say whom they quote.
 */
import { allOf, matchingIn } from '../read';
import type { PageChange, Recogniser } from '../types';
import { isFrom, readThread, type Markup } from './markup';

const WRITER = 'a[href^="/user/"]';
const COMPONENT = '[data-sentry-component]';
/** Fewer characters than this is a header or a card, not a post. */
const MIN_POST_CHARS = 80;

function isPost(component: Element): boolean {
  return component.querySelector('time') !== null && (component.textContent?.trim().length ?? 0) >= MIN_POST_CHARS;
}

/** The components that hold a writer's link and a time, in a document or at a change. */
function postElements(root: Document | PageChange): Element[] {
  const posts = new Set<Element>();
  for (const writer of matchingIn(root, WRITER)) {
    for (let at = writer.closest(COMPONENT); at !== null; at = at.parentElement?.closest(COMPONENT) ?? null) {
      if (posts.has(at)) break;
      if (isPost(at)) {
        posts.add(at);
        break;
      }
    }
  }
  if (root.nodeType === root.DOCUMENT_NODE) return allOf(root as Document, COMPONENT).filter((component) => posts.has(component));
  return [...posts].sort((a, b) => (a.compareDocumentPosition(b) & a.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

const HEALTHUNLOCKED: Markup = {
  post: postElements,
  author: [WRITER],
  time: ['time'],
  quote: 'blockquote',
};

export const healthUnlocked: Recogniser = {
  engine: 'healthunlocked',
  read: (document) => (isFrom(document, 'healthunlocked.com') ? readThread(document, HEALTHUNLOCKED) : null),
};
