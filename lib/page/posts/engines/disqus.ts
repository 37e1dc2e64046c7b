/**
 * Disqus-style comment lists in the page's own DOM (`ul#post-list`): each comment an `li.post`
 * naming its writer in `.post-byline .author`, its age in `a.time-ago`, its replies in a nested
 * `ul.children`. A Disqus thread inside its cross-origin iframe is not the page's DOM and is out of
 * reach. Quotes are `blockquote`s, which do not say whom they quote.
 */
import type { Recogniser } from '../types';
import { readThread, type Markup } from './markup';

const DISQUS: Markup = {
  post: '.post-list li.post',
  author: ['.post-byline .author'],
  time: ['.post-meta .time-ago', '.time-ago'],
  quote: 'blockquote',
};

export const disqus: Recogniser = {
  engine: 'disqus',
  read: (document) => (document.querySelector('.post-list li.post .post-message') !== null ? readThread(document, DISQUS) : null),
};
