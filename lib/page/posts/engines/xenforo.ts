/**
 * XenForo threads. XenForo 2 (`<html id="XF">`): each post an `article.message--post` carrying
 * `data-author`, its writer in `.message-name`, its time in `.message-attribution-main time`; quotes
 * are `blockquote.bbCodeBlock--quote` naming the quoted in `data-quote` ("<name> said:" in the
 * title). XenForo 1 (`<html id="XenForo">`): posts are `li.message[data-author]` and quotes
 * `.bbCodeQuote[data-author]`.
 */
import { cleanName, firstOf, nameOf, quotedName, wordsOf } from '../read';
import type { Recogniser } from '../types';
import { readThread, type Markup } from './markup';

const QUOTE = 'blockquote.bbCodeBlock--quote, .bbCodeQuote';

const XENFORO: Markup = {
  post: 'article.message--post, li.message[data-author]',
  author: (post, own) =>
    nameOf(own(['.message-name .username', '.message-name', '.messageUserInfo .username'])[0]) ??
    cleanName(post.getAttribute('data-author')),
  time: ['.message-attribution-main time', '.messageMeta .DateTime', 'time'],
  quote: QUOTE,
  quoted: (quote) =>
    cleanName(quote.getAttribute('data-quote') ?? quote.getAttribute('data-author')) ??
    quotedName(wordsOf(firstOf(quote, ['.bbCodeBlock-title', '.attribution']))),
};

function isXenforo(document: Document): boolean {
  const id = document.documentElement.id;
  return id === 'XF' || id === 'XenForo';
}

export const xenforo: Recogniser = {
  engine: 'xenforo',
  read: (document) => (isXenforo(document) ? readThread(document, XENFORO) : null),
};
