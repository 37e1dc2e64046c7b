/**
 * Discourse topics as the Ember app renders them: each post an `article[data-post-id]` in the post
 * stream, its writer in `.names .first`, its age in `.post-date`. Quotes are `aside.quote` with
 * `data-username`; replies shown inline ("1 reply", "in reply to") are other people's posts inside
 * this one, so they count as quotes of their writer.
 */
import { firstOf, nameOf } from '../read';
import type { Recogniser } from '../types';
import { generatorOf, readThread, type Markup } from './markup';

const EMBEDDED_REPLY = '.embedded-posts .reply';

const DISCOURSE: Markup = {
  post: 'article.boxed[data-post-id]',
  author: ['.topic-meta-data .names .first', '.topic-meta-data .names'],
  time: ['.post-info.post-date .relative-date', '.post-info.post-date'],
  quote: `aside.quote, ${EMBEDDED_REPLY}`,
  quoted: (quote) => quote.getAttribute('data-username') ?? nameOf(firstOf(quote, ['.names .first', '.names'])),
};

function isDiscourse(document: Document): boolean {
  return generatorOf(document).startsWith('Discourse') || document.querySelector('#main-outlet .topic-post') !== null;
}

export const discourse: Recogniser = {
  engine: 'discourse',
  read: (document) => (isDiscourse(document) ? readThread(document, DISCOURSE) : null),
};
