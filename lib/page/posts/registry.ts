/**
 * The posts of a live page. Posts are numbered as they are found; when more arrive (infinite
 * scroll, "load more"), the posts already read keep their number and their reading, and only the
 * new ones join, so a reply loaded later never changes whose the earlier words are.
 */
import type { FoundPost } from './types';

export interface PagePost extends FoundPost {
  /** Its number on the page: 0 for the first post found, the next numbers for posts added later. */
  index: number;
}

/** `previous` with the posts that left the page dropped and the newly found ones added. */
export function reconcilePosts(previous: readonly PagePost[], found: readonly FoundPost[]): PagePost[] {
  const known = new Set(previous.map((post) => post.element));
  let next = previous.reduce((highest, post) => Math.max(highest, post.index + 1), 0);
  const kept = previous.filter((post) => post.element.isConnected);
  const added = found.filter((post) => !known.has(post.element)).map((post) => ({ ...post, index: next++ }));
  return [...kept, ...added];
}
