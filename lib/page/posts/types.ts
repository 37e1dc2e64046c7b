/**
 * What post segmentation finds on a page: the posts of a thread, each one person's words, and the
 * quotes inside them that are someone else's.
 */

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

/** One forum or comment engine's reading of its own markup. */
export interface Recogniser {
  /** The engine's name, e.g. `discourse`. */
  engine: string;
  /**
   * The page's posts in page order when the page is one of this engine's threads, otherwise null.
   * Rejects other pages cheaply (a generator meta tag, a root class) before looking for posts.
   */
  posts(document: Document): FoundPost[] | null;
}

/** The posts of a page and who found them; no posts means the page is one unit, not a thread. */
export interface Segmentation {
  engine: string | null;
  posts: FoundPost[];
}
