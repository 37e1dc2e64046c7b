/**
 * The posts of a page: an engine's recogniser when one knows the page, otherwise the generic
 * reading; a page with no posts is one unit, not a thread.
 */
import type { PostSpans } from '../../detect/posts';
import type { TextSpan } from '../../types';
import { RECOGNISERS } from './engines';
import { genericReading } from './generic';
import { runNow, type Steps } from './steps';
import type { Segmentation } from './types';

export type { FoundPost, FoundQuote, PageChange, Recogniser, Segmentation, ThreadReading } from './types';
import { ownershipOf } from './ownership';

export { ownershipOf, type PostText, type TextOwnership } from './ownership';

/** The page's posts, read in steps (see ./steps): the content script reads a big thread in time slices. */
export function* findPostsInSteps(document: Document): Steps<Segmentation> {
  for (const recogniser of RECOGNISERS) {
    const steps = recogniser.read(document);
    const reading = steps && (yield* steps);
    if (reading && reading.posts.length > 0) return { engine: recogniser.engine, ...reading };
  }
  const reading = yield* genericReading(document);
  return { engine: reading.posts.length > 0 ? 'generic' : null, ...reading };
}

export function findPosts(document: Document): Segmentation {
  return runNow(findPostsInSteps(document));
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
