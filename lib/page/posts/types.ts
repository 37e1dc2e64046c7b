/**
 * What post segmentation finds on a page: the posts of a thread, each one person's words, and the
 * quotes inside them that are someone else's.
 */
import type { Steps } from './steps';

export interface FoundQuote {
  element: Element;
  /** Who is quoted ("X wrote:", the engine's quote header); null when the quote does not say. */
  author: string | null;
}

export interface FoundPost {
  /**
   * The element holding the whole post (its header and its body). A post nested inside it (a reply in
   * a threaded comment tree) is its own post: each text node belongs to the innermost post around it.
   */
  element: Element;
  /** The name shown on the post, as plain text; null when the page shows none. */
  author: string | null;
  /** When it was posted, as shown ("2 days ago") or its machine-readable date; null when none. */
  time: string | null;
  /** Containers inside the post whose text is quoted from someone else. */
  quotes: FoundQuote[];
}

/**
 * Where a live page changed: an element added (or whose attributes changed), at, inside or around
 * which posts may be; or text added, around which a post may be (one whose words came after it).
 */
export type PageChange = Element | Text;

/**
 * A thread's posts as read from a page, and how to read the posts a change of the page brings,
 * by the same evidence (an engine's markup, or the kind of block the generic reader went by).
 */
export interface ThreadReading {
  /** The page's posts in page order. */
  posts: FoundPost[];
  /**
   * The posts a change may have brought, in page order: a post appended to a live thread is read
   * from its own subtree, not from the whole page again. May include posts read before.
   */
  around(changed: PageChange): FoundPost[];
}

/** One forum or comment engine's reading of its own markup. */
export interface Recogniser {
  /** The engine's name, e.g. `discourse`. */
  engine: string;
  /**
   * The reading of the page's posts (in steps) when the page is one of this engine's threads,
   * otherwise null. Rejects other pages cheaply (a generator meta tag, a root class) before
   * looking for posts.
   */
  read(document: Document): Steps<ThreadReading> | null;
}

/** The posts of a page and who found them; no posts means the page is one unit, not a thread. */
export interface Segmentation extends ThreadReading {
  engine: string | null;
}
