/**
 * Khoros (Lithium) community threads: each message a `.lia-message-view-display`, its writer in the
 * user-name link, its date and time in `.lia-message-posted-on`. A quoted message is a `blockquote`
 * that starts "<name> wrote:".
 */
import { quotedName, wordsOf } from '../read';
import type { Recogniser } from '../types';
import { readThread, type Markup } from './markup';

const KHOROS: Markup = {
  post: '.lia-message-view-display',
  author: ['.lia-message-author-username .lia-user-name-link', '.lia-user-name-link', '.lia-user-name'],
  time: (_post, own) => {
    const posted = own(['.lia-message-posted-on'])[0];
    const parts = ['.local-date', '.local-time'].map((part) => wordsOf(posted?.querySelector(part)));
    return parts.every((part) => part === null) ? wordsOf(posted) : parts.filter((part) => part !== null).join(' ');
  },
  quote: 'blockquote',
  quoted: (quote) => quotedName(/^.{1,80}?\bwrote:/i.exec(wordsOf(quote) ?? '')?.[0] ?? null),
};

export const khoros: Recogniser = {
  engine: 'khoros',
  read: (document) => (document.querySelector('.lia-message-view-display') !== null ? readThread(document, KHOROS) : null),
};
