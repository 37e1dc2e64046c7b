/**
 * The posts of a live page. Posts are numbered as they are found; when more arrive (infinite
 * scroll, "load more"), the posts already read keep their number and their reading, and only the
 * new ones join, so a reply loaded later never changes whose the earlier words are. A post that
 * left the page is let go of when the posts still there are next asked for.
 */
import type { FoundPost } from './types';

export interface PagePost extends FoundPost {
  /** Its number on the page: 0 for the first post found, the next numbers for posts added later. */
  index: number;
}

export class PostRegistry {
  readonly #byElement = new Map<Element, PagePost>();
  readonly #byIndex = new Map<number, PagePost>();
  #next = 0;

  /** Post number `index`, if it is still known. */
  get(index: number): PagePost | undefined {
    return this.#byIndex.get(index);
  }

  /** Add the found posts not read before, numbered after all the others; returns those. */
  join(found: readonly FoundPost[]): PagePost[] {
    const joined: PagePost[] = [];
    for (const post of found) {
      if (this.#byElement.has(post.element)) continue;
      const numbered: PagePost = { ...post, index: this.#next++ };
      this.#byElement.set(post.element, numbered);
      this.#byIndex.set(numbered.index, numbered);
      joined.push(numbered);
    }
    return joined;
  }

  /** The posts still on the page, in the order they were found, and those that left it (let go of). */
  current(): { posts: PagePost[]; left: PagePost[] } {
    const posts: PagePost[] = [];
    const left: PagePost[] = [];
    for (const post of this.#byIndex.values()) {
      if (post.element.isConnected) {
        posts.push(post);
        continue;
      }
      left.push(post);
      this.#byElement.delete(post.element);
      this.#byIndex.delete(post.index);
    }
    return { posts, left };
  }

  clear(): void {
    this.#byElement.clear();
    this.#byIndex.clear();
    this.#next = 0;
  }
}
