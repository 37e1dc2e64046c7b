/**
 * Patient.info discussions: the question and every reply is an `article.post`, replies to a reply
 * nested inside it (`ul.comments--nested`). The writer is `a.author__name`; `a.author__recipient`
 * beside it names whom they answer and is not the writer. Quotes are `blockquote`s, which do not
 * say whom they quote.
 */
import type { Recogniser } from '../types';
import { readThread, type Markup } from './markup';

const PATIENT: Markup = {
  post: 'article.post',
  author: ['.author__name'],
  time: ['time'],
  quote: 'blockquote',
};

export const patient: Recogniser = {
  engine: 'patient',
  read: (document) => (document.querySelector('article.post a.author__name') !== null ? readThread(document, PATIENT) : null),
};
