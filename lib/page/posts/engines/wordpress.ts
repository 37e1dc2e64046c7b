/**
 * WordPress posts with their comments (`wp_list_comments`): the article and each comment is a
 * post; a comment is an `li.comment` (or `div.comment`) naming its writer in `.comment-author .fn`,
 * with its replies in a nested `.children` list. Pingbacks and trackbacks are links, not people.
 * Quotes are `blockquote`s, which do not say whom they quote.
 */
import type { Recogniser } from '../types';
import { readThread, type Markup } from './markup';

const WORDPRESS: Markup = {
  post: 'article.type-post, article.type-page, li.comment, div.comment',
  author: ['.comment-author .fn', '.byline .fn', '.byline [rel="author"]', '.entry-meta .author', '[rel="author"]'],
  time: ['.comment-metadata time', 'time.entry-date', 'time'],
  quote: 'blockquote',
};

function hasComments(document: Document): boolean {
  return document.querySelector('li.comment .comment-author, div.comment .comment-author') !== null;
}

export const wordpress: Recogniser = {
  engine: 'wordpress',
  read: (document) => (hasComments(document) ? readThread(document, WORDPRESS) : null),
};
