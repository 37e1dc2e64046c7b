/**
 * The posts of a page: an engine's recogniser when one knows the page, otherwise the generic
 * reading; a page with no posts is one unit, not a thread.
 */
import { RECOGNISERS } from './engines';
import { genericPosts } from './generic';
import type { Segmentation } from './types';

export type { FoundPost, FoundQuote, Recogniser, Segmentation } from './types';
export { ownershipOf, type PostText, type TextOwnership, type TextSpan } from './ownership';

export function findPosts(document: Document): Segmentation {
  for (const recogniser of RECOGNISERS) {
    const posts = recogniser.posts(document);
    if (posts !== null && posts.length > 0) return { engine: recogniser.engine, posts };
  }
  const posts = genericPosts(document);
  return { engine: posts.length > 0 ? 'generic' : null, posts };
}
