/**
 * Stack Exchange question pages: the question (`#question`), each answer (`.answer`) and each
 * comment under them (`li.comment`) is its own post. A question or answer can carry two signatures,
 * the editor's ("edited …") and the writer's ("asked" / "answered …"); the writer's is the last one
 * that is not an edit. A comment names its writer in `.comment-user`. Quotes are `blockquote`s,
 * which do not say whom they quote.
 */
import { nameOf, wordsOf } from '../read';
import type { Recogniser } from '../types';
import { readThread, type Markup, type Own } from './markup';

function writerSignature(own: Own): Element | undefined {
  const signatures = own(['.post-signature']);
  const written = signatures.filter((signature) => !/^edited\b/i.test(wordsOf(signature.querySelector('.user-action-time')) ?? ''));
  return written.at(-1) ?? signatures.at(-1);
}

const STACK_EXCHANGE: Markup = {
  post: '#question, .answer[data-answerid], li.comment[data-comment-id]',
  author: (_post, own) => nameOf(own(['.comment-user'])[0] ?? writerSignature(own)?.querySelector('.user-details')),
  time: (_post, own) =>
    wordsOf(own(['.comment-date .relativetime-clean', '.comment-date'])[0] ?? writerSignature(own)?.querySelector('.relativetime')),
  quote: 'blockquote',
};

export const stackExchange: Recogniser = {
  engine: 'stackexchange',
  read: (document) => (document.querySelector('#question[data-questionid]') !== null ? readThread(document, STACK_EXCHANGE) : null),
};
