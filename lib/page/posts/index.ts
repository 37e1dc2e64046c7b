/**
 * The posts of a page: an engine's recogniser when one knows the page, otherwise the generic
 * reading; a page with no posts is one unit, not a thread.
 */
import type { PostSpans } from '../../detect/posts';
import type { TextSpan } from '../../types';
import { RECOGNISERS } from './engines';
import { genericPosts } from './generic';
import type { Segmentation } from './types';

export type { FoundPost, FoundQuote, Recogniser, Segmentation } from './types';
import { ownershipOf } from './ownership';

export { ownershipOf, type PostText, type TextOwnership } from './ownership';

export function findPosts(document: Document): Segmentation {
  for (const recogniser of RECOGNISERS) {
    const posts = recogniser.posts(document);
    if (posts !== null && posts.length > 0) return { engine: recogniser.engine, posts };
  }
  const posts = genericPosts(document);
  return { engine: posts.length > 0 ? 'generic' : null, posts };
}

/** A page's text as the posts that own it, ready for `detectThread`; a page with no posts is one post by no one named. */
export function threadSpansOf(
  document: Document,
  index: { text: string; nodes: readonly Text[]; starts: readonly number[] },
): { engine: string | null; posts: PostSpans[]; unowned: TextSpan[] } {
  const { engine, posts } = findPosts(document);
  if (posts.length === 0) return { engine, posts: [{ author: null, time: null, own: [{ start: 0, end: index.text.length }] }], unowned: [] };
  const owned = ownershipOf(posts, index.nodes, index.starts);
  return {
    engine,
    posts: owned.posts.map(({ post, own }) => ({ author: post.author, time: post.time, own })),
    unowned: owned.unowned,
  };
}
