/**
 * HealthUnlocked posts and their replies. The site is a client-rendered app whose class names are
 * generated hashes, so it is read from what stays put: writers are links to `/user/<name>`, and its
 * components carry `data-sentry-component` annotations. A post is the innermost annotated
 * component around a writer's link that also holds a `<time>` and some prose, so the header row
 * (name and age only) is not taken for the post, and a reply nested in a post stays its own.
 * Quotes are `blockquote`s, which do not say whom they quote.
 */
import { allOf } from '../read';
import type { Recogniser } from '../types';
import { isFrom, readPosts, type Markup } from './markup';

const WRITER = 'a[href^="/user/"]';
const COMPONENT = '[data-sentry-component]';
/** Fewer characters than this is a header or a card, not a post. */
const MIN_POST_CHARS = 80;

function isPost(component: Element): boolean {
  return component.querySelector('time') !== null && (component.textContent?.trim().length ?? 0) >= MIN_POST_CHARS;
}

function postElements(root: ParentNode): Element[] {
  const posts = new Set<Element>();
  for (const writer of allOf(root, WRITER)) {
    for (let at = writer.closest(COMPONENT); at !== null; at = at.parentElement?.closest(COMPONENT) ?? null) {
      if (posts.has(at)) break;
      if (isPost(at)) {
        posts.add(at);
        break;
      }
    }
  }
  return allOf(root, COMPONENT).filter((component) => posts.has(component));
}

const HEALTHUNLOCKED: Markup = {
  post: postElements,
  author: [WRITER],
  time: ['time'],
  quote: 'blockquote',
};

export const healthUnlocked: Recogniser = {
  engine: 'healthunlocked',
  posts: (document) => (isFrom(document, 'healthunlocked.com') ? readPosts(document, HEALTHUNLOCKED) : null),
};
