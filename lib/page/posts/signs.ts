/**
 * Whether a page may be a thread, from cheap signs only: the post finder (`findPosts`) is a part of
 * the content script loaded when first needed (lib/page/parts.ts), so a page with none of these
 * signs is read as one text without loading it. The signs are a superset of what the finder starts
 * from: every page on which it finds posts has one (tests/unit/posts-signs.test.ts reads every
 * thread fixture), and most pages that are no thread have one too (an `<article>`, a byline).
 */
import { AUTHOR_SELECTORS, MARKED_POST, SCHEMA_POST } from './generic';

const THREAD_SIGNS = [
  // What the generic reader starts from.
  SCHEMA_POST,
  MARKED_POST,
  ...AUTHOR_SELECTORS,
  // Each engine's own cheap check (lib/page/posts/engines), by its root or its posts.
  'meta[name="generator"][content^="Discourse"], #main-outlet .topic-post',
  'body#phpbb, meta[name="copyright"][content*="phpbb" i]',
  'html#XF, html#XenForo',
  'html#vbulletin_html, body#vb-page-body, meta[name="generator"][content^="vBulletin"]',
  'body.ipsApp',
  'shreddit-post, shreddit-comment, .commentarea .thing',
  '.lia-message-view-display',
  // HealthUnlocked is told by its address, but its posts are the components around writers' links.
  'a[href^="/user/"]',
  'div.post .talk-post',
  'article.post a.author__name',
  '#question[data-questionid]',
  '.post-list li.post .post-message',
  'li.comment .comment-author, div.comment .comment-author',
].join(',');

export function mayBeThread(document: Document): boolean {
  return document.querySelector(THREAD_SIGNS) !== null;
}
