/**
 * phpBB topics (prosilver and styles built on it): each post a `div.post` with the id `p<number>`,
 * its writer in the profile column (`dl.postprofile dt`) or the "by <name>" line, its time in
 * `p.author time`. Quotes are `blockquote` with a `cite` header "<name> wrote:"; an uncited quote
 * has none.
 */
import { firstOf, quotedName, wordsOf } from '../read';
import type { Recogniser } from '../types';
import { readThread, type Markup } from './markup';

const PHPBB: Markup = {
  post: 'div.post[id^="p"]',
  author: ['.postprofile dt .username', '.postprofile dt .username-coloured', 'p.author strong', '.postprofile dt'],
  time: ['p.author time', 'p.author'],
  quote: 'blockquote',
  quoted: (quote) => quotedName(wordsOf(firstOf(quote, [':scope > div > cite', ':scope > cite']))),
};

function isPhpbb(document: Document): boolean {
  return (
    document.body?.id === 'phpbb' ||
    /phpbb/i.test(document.querySelector('meta[name="copyright"]')?.getAttribute('content') ?? '')
  );
}

export const phpbb: Recogniser = {
  engine: 'phpbb',
  read: (document) => (isPhpbb(document) ? readThread(document, PHPBB) : null),
};
