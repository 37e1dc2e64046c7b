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

/** A post as its owner index knows it: its element, its quotes and its number. */
export interface NumberedPost extends Pick<FoundPost, 'element' | 'quotes'> {
  index: number;
}

/**
 * Who owns a text node: the number of the innermost post around it, or NOBODY. Posts join and
 * leave one by one (a live thread). Answers are kept per element, so a page's text nodes cost
 * about one step each, however deep the page, until posts join or leave or `forgetPaths` is called
 * (the page's elements may have moved).
 */
export class PostOwners {
  readonly #numbers = new Map<Element, number>();
  readonly #quotes = new Set<Element>();
  #known = new Map<Element, number>();

  add(posts: readonly NumberedPost[]): void {
    if (posts.length === 0) return;
    for (const post of posts) {
      this.#numbers.set(post.element, post.index);
      for (const quote of post.quotes) this.#quotes.add(quote.element);
    }
    this.forgetPaths();
  }

  remove(posts: readonly NumberedPost[]): void {
    if (posts.length === 0) return;
    for (const post of posts) {
      this.#numbers.delete(post.element);
      for (const quote of post.quotes) this.#quotes.delete(quote.element);
    }
    this.forgetPaths();
  }

  forgetPaths(): void {
    if (this.#known.size > 0) this.#known = new Map();
  }

  readonly ownerOf = (node: Text): number => {
    const path: Element[] = [];
    let owner = NOBODY;
    for (let at = node.parentElement; at !== null; at = at.parentElement) {
      const cached = this.#known.get(at);
      if (cached !== undefined) {
        owner = cached;
        break;
      }
      path.push(at);
      if (this.#quotes.has(at)) break;
      const post = this.#numbers.get(at);
      if (post !== undefined) {
        owner = post;
        break;
      }
    }
    for (const element of path) this.#known.set(element, owner);
    return owner;
  };
}

/** Who owns a text node: the index in `posts` of the innermost post around it, or NOBODY. */
export function ownerLookup(posts: readonly Pick<FoundPost, 'element' | 'quotes'>[]): (node: Text) => number {
  const owners = new PostOwners();
  owners.add(posts.map((post, index) => ({ element: post.element, quotes: post.quotes, index })));
  return owners.ownerOf;
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
