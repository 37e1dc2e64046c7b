/**
 * Whose each piece of the page text is: the text nodes of the page's text index assigned to the
 * innermost post around them, with quoted text and text outside every post belonging to no post.
 */
import type { TextSpan } from '../../types';
import type { FoundPost } from './types';

/** A post's own words in the page text: runs, in order (split where a quote or a reply sits inside). */
export interface PostText {
  post: FoundPost;
  /** Its place in the list of posts it was found with. */
  index: number;
  own: TextSpan[];
}

export interface TextOwnership {
  posts: PostText[];
  /** Text in no post: page furniture, the thread's title, quotes. */
  unowned: TextSpan[];
}

/** A post's index in the list; NOBODY for text outside every post or inside a quote. */
export const NOBODY = -1;

/**
 * Who owns a text node: the index of the innermost post around it, or NOBODY. Answers are kept per
 * element, so a page's text nodes cost about one step each, however deep the page.
 */
export function ownerLookup(posts: readonly Pick<FoundPost, 'element' | 'quotes'>[]): (node: Text) => number {
  const known = new Map<Element, number>();
  const quotes = new Set(posts.flatMap((post) => post.quotes.map((quote) => quote.element)));
  const postOf = new Map<Element, number>();
  posts.forEach((post, i) => postOf.set(post.element, i));
  return (node) => {
    const path: Element[] = [];
    let owner = NOBODY;
    for (let at = node.parentElement; at !== null; at = at.parentElement) {
      const cached = known.get(at);
      if (cached !== undefined) {
        owner = cached;
        break;
      }
      path.push(at);
      if (quotes.has(at)) break;
      const post = postOf.get(at);
      if (post !== undefined) {
        owner = post;
        break;
      }
    }
    for (const element of path) known.set(element, owner);
    return owner;
  };
}

/** The runs of text each owner holds, by owner (NOBODY included), in text order. */
export function runsByOwner(
  nodes: readonly Text[],
  starts: readonly number[],
  ownerOf: (node: Text) => number,
): Map<number, TextSpan[]> {
  const runs = new Map<number, TextSpan[]>();
  let previous: TextSpan | null = null;
  let previousOwner: number | null = null;
  nodes.forEach((node, i) => {
    const owner = ownerOf(node);
    const start = starts[i]!;
    const end = start + node.data.length;
    if (owner === previousOwner && previous !== null) {
      previous.end = end;
      return;
    }
    previous = { start, end };
    previousOwner = owner;
    const list = runs.get(owner);
    if (list) list.push(previous);
    else runs.set(owner, [previous]);
  });
  return runs;
}

export function ownershipOf(posts: readonly FoundPost[], nodes: readonly Text[], starts: readonly number[]): TextOwnership {
  const runs = runsByOwner(nodes, starts, ownerLookup(posts));
  return {
    posts: posts.flatMap((post, index) => {
      const own = runs.get(index);
      return own ? [{ post, index, own }] : [];
    }),
    unowned: runs.get(NOBODY) ?? [],
  };
}
