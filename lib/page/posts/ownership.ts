/**
 * Whose each piece of the page text is: the text nodes of the page's text index assigned to the
 * innermost post around them, with quoted text and text outside every post belonging to no post.
 */
import type { TextSpan } from '../../types';
import type { FoundPost } from './types';

/** A post's own words in the page text: runs, in order (split where a quote or a reply sits inside). */
export interface PostText {
  post: FoundPost;
  /** From its first own character to its last. */
  start: number;
  end: number;
  own: TextSpan[];
}

export interface TextOwnership {
  posts: PostText[];
  /** Text in no post: page furniture, the thread's title, quotes. */
  unowned: TextSpan[];
}

/** A post's index, with `quoted` when the text is inside one of its quotes; -1 for no post. */
type Owner = number;
const QUOTED = -2;
const NOBODY = -1;

export function ownershipOf(posts: readonly FoundPost[], nodes: readonly Text[], starts: readonly number[]): TextOwnership {
  const postOf = new Map<Element, number>();
  posts.forEach((post, i) => postOf.set(post.element, i));
  const quotes = new Set(posts.flatMap((post) => post.quotes.map((quote) => quote.element)));
  const known = new Map<Element, Owner>();

  const ownerOf = (node: Text): Owner => {
    const path: Element[] = [];
    let owner: Owner = NOBODY;
    for (let at = node.parentElement; at !== null; at = at.parentElement) {
      const cached = known.get(at);
      if (cached !== undefined) {
        owner = cached;
        break;
      }
      path.push(at);
      if (quotes.has(at)) {
        owner = QUOTED;
        break;
      }
      const post = postOf.get(at);
      if (post !== undefined) {
        owner = post;
        break;
      }
    }
    for (const element of path) known.set(element, owner);
    return owner;
  };

  const own: TextSpan[][] = posts.map(() => []);
  const unowned: TextSpan[] = [];
  const add = (spans: TextSpan[], start: number, end: number): void => {
    const last = spans.at(-1);
    if (last !== undefined && last.end === start) last.end = end;
    else spans.push({ start, end });
  };
  let runOwner: Owner | null = null;
  let runStart = 0;
  let runEnd = 0;
  const closeRun = (): void => {
    if (runOwner === null) return;
    add(runOwner >= 0 ? own[runOwner]! : unowned, runStart, runEnd);
  };
  nodes.forEach((node, i) => {
    const owner = ownerOf(node);
    const start = starts[i]!;
    const end = start + node.data.length;
    if (owner === runOwner) {
      runEnd = end;
      return;
    }
    closeRun();
    [runOwner, runStart, runEnd] = [owner, start, end];
  });
  closeRun();

  return {
    posts: posts
      .map((post, i) => ({ post, own: own[i]!, start: own[i]![0]?.start ?? -1, end: own[i]!.at(-1)?.end ?? -1 }))
      .filter((text) => text.own.length > 0),
    unowned,
  };
}
