/**
 * vBulletin threads. vBulletin 4 (`<html id="vbulletin_html">`): each post an `li.postcontainer`
 * in `ol#posts`, its writer in `.username_container`, its date in `.posthead .date`. vBulletin 5
 * (`<body id="vb-page-body">`): posts are `li.b-post`, the writer in `.b-userinfo__details .author`.
 * Quotes in both are `.bbcode_quote` boxes whose `.bbcode_postedby` reads "Originally Posted by
 * <name>". The post body itself is a `blockquote.postcontent` in vBulletin 4, so a bare
 * `blockquote` is not a quote here.
 */
import { firstOf, nameOf } from '../read';
import type { Recogniser } from '../types';
import { generatorOf, readThread, type Markup } from './markup';

const VBULLETIN: Markup = {
  post: 'li.postcontainer[id^="post_"], li.b-post[data-node-id]',
  author: ['.username_container .username', '.username_container', '.b-userinfo__details .author', '.popupmenu.memberaction'],
  time: ['.posthead .postdate .date', '.posthead .date', '.b-post__timestamp time', 'time'],
  quote: '.bbcode_quote',
  quoted: (quote) => nameOf(firstOf(quote, ['.bbcode_postedby strong'])),
};

function isVbulletin(document: Document): boolean {
  return (
    document.documentElement.id === 'vbulletin_html' ||
    document.body?.id === 'vb-page-body' ||
    generatorOf(document).startsWith('vBulletin')
  );
}

export const vbulletin: Recogniser = {
  engine: 'vbulletin',
  read: (document) => (isVbulletin(document) ? readThread(document, VBULLETIN) : null),
};
