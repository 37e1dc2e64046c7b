/**
 * Mumsnet Talk threads: each message a `div.post` holding the nickname (`.nickname`) and the message
 * (`.talk-post`). Mumsnet has no quote box: posters quote by pasting an earlier message's words in
 * bold. A bold run of four or more words that appears in an earlier message is read as a quote of
 * that message's writer; other bold is the poster's own emphasis.
 */
import { allOf, wordsOf } from '../read';
import { mapInSteps, runNow, type Steps } from '../steps';
import type { FoundPost, FoundQuote, Recogniser, ThreadReading } from '../types';
import { readThread, type Markup } from './markup';

const MIN_QUOTED_WORDS = 4;

const MUMSNET: Markup = {
  post: 'div.post',
  author: ['.nickname'],
  time: ['time', '[class*="date"]', '[class*="time"]'],
};

function comparable(words: string | null): string {
  return (words ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * The bold runs of each message that repeat an earlier message, as quotes of its writer: the page's
 * messages, then the ones a change brings, each read against all the messages read before it.
 */
function* withPastedQuotes(thread: Steps<ThreadReading>): Steps<ThreadReading> {
  const earlier: { author: string | null; words: string }[] = [];
  const withQuotes = (posts: FoundPost[]) =>
    mapInSteps(posts, (post) => {
      const quotes: FoundQuote[] = [];
      for (const bold of allOf(post.element, '.talk-post strong, .talk-post b')) {
        const words = comparable(wordsOf(bold));
        if (words.split(' ').length < MIN_QUOTED_WORDS) continue;
        const source = earlier.findLast((message) => message.words.includes(words));
        if (source !== undefined) quotes.push({ element: bold, author: source.author });
      }
      earlier.push({ author: post.author, words: comparable(wordsOf(post.element.querySelector('.talk-post'))) });
      return { ...post, quotes };
    });
  const reading = yield* thread;
  const posts = yield* withQuotes(reading.posts);
  return { posts, around: (changed) => runNow(withQuotes(reading.around(changed))) };
}

export const mumsnet: Recogniser = {
  engine: 'mumsnet',
  read: (document) => (document.querySelector('div.post .talk-post') !== null ? withPastedQuotes(readThread(document, MUMSNET)) : null),
};
