/**
 * Invision Community (IPS) topics (`<body class="ipsApp">`): each post an `article` with the id
 * `elComment_<number>`, its writer in the author pane (`.cAuthorPane_author`), its time the first
 * `<time>`. Quotes are `blockquote.ipsQuote` naming the quoted in `data-ipsquote-username` (or
 * `data-cite`); the citation line "<name> said:" is drawn from those by the page's script.
 */
import { cleanName, firstOf, quotedName, wordsOf } from '../read';
import type { Recogniser } from '../types';
import { readThread, type Markup } from './markup';

const INVISION: Markup = {
  post: 'article[id^="elComment_"]',
  author: ['.cAuthorPane_author', '.ipsEntry__username', 'aside .ipsUsername'],
  time: ['time'],
  quote: 'blockquote.ipsQuote',
  quoted: (quote) =>
    cleanName(quote.getAttribute('data-ipsquote-username') ?? quote.getAttribute('data-cite')) ??
    quotedName(wordsOf(firstOf(quote, ['.ipsQuote_citation']))),
};

export const invision: Recogniser = {
  engine: 'invision',
  read: (document) => (document.body?.classList.contains('ipsApp') ? readThread(document, INVISION) : null),
};
