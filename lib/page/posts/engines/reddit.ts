/**
 * Reddit threads, both faces. New Reddit: the post is a `shreddit-post` and each comment a
 * `shreddit-comment`, writer in their `author` attribute; replies are `shreddit-comment`s nested
 * inside the one they answer. Old Reddit: the post and each comment a `.thing` (`.link`,
 * `.comment`) whose `.entry .tagline .author` names the writer, replies nested in its `.child`.
 * Quotes are the `blockquote`s of the Markdown body; Reddit does not say whom they quote.
 */
import { cleanName } from '../read';
import type { Recogniser } from '../types';
import { readThread, timeWords, type Markup } from './markup';

const NEW_REDDIT: Markup = {
  post: 'shreddit-post, shreddit-comment',
  author: (post) => cleanName(post.getAttribute('author')),
  time: (post, own) => timeWords(own(['time'])[0]) ?? post.getAttribute('created-timestamp') ?? post.getAttribute('created'),
  quote: '[slot="text-body"] blockquote, [slot="comment"] blockquote',
};

const OLD_REDDIT: Markup = {
  post: '.thing.link, .thing.comment',
  author: ['.entry .tagline .author'],
  time: ['.entry .tagline time'],
  quote: '.entry .md blockquote',
};

function markupOf(document: Document): Markup | null {
  if (document.querySelector('shreddit-post, shreddit-comment') !== null) return NEW_REDDIT;
  if (document.querySelector('.commentarea .thing') !== null) return OLD_REDDIT;
  return null;
}

export const reddit: Recogniser = {
  engine: 'reddit',
  read: (document) => {
    const markup = markupOf(document);
    return markup === null ? null : readThread(document, markup);
  },
};
