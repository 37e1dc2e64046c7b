/**
 * Detection of a thread, post by post: each post is one person's words, so its mentions get their
 * context from its own sentences only, combinations of red flags stay inside it, and its urgency is
 * its own. Text that no post owns (quotes, the page around the posts) is read for marks but counts
 * for no one.
 */
import { LEVELS, type Detection, type Level, type Match, type PostDetection, type TextSpan, type ThreadDetection } from '../types';
import { detect, type Lexicon } from './index';

/** Between two runs of one post's words (a quote or a reply sat there): a paragraph break. */
const RUN_SEPARATOR = '\n\n';

export interface PostSpans {
  author: string | null;
  time: string | null;
  own: readonly TextSpan[];
}

/** Detection of the text made of `spans` of `text`, offsets mapped back into `text`. */
export function detectSpans(text: string, spans: readonly TextSpan[], lexicon: Lexicon): Detection {
  const starts: number[] = [];
  let joined = '';
  for (const span of spans) {
    if (joined !== '') joined += RUN_SEPARATOR;
    starts.push(joined.length);
    joined += text.slice(span.start, span.end);
  }
  const detection = detect(joined, lexicon);
  const toPage = (at: number, isEnd: boolean): number => {
    // The run the offset falls in; an end offset belongs to the run of the character before it.
    let run = 0;
    while (run + 1 < starts.length && starts[run + 1]! <= (isEnd ? at - 1 : at)) run++;
    return spans[run]!.start + at - starts[run]!;
  };
  const matches = detection.matches.map((match): Match => ({
    ...match,
    start: toPage(match.start, false),
    end: toPage(match.end, true),
  }));
  return { ...detection, matches };
}

function moreUrgent(a: Level, b: Level): Level {
  return LEVELS.indexOf(a) <= LEVELS.indexOf(b) ? a : b;
}

/** A thread's posts, each detected alone; the page's urgency is its most urgent post's. */
export function detectThread(
  text: string,
  posts: readonly PostSpans[],
  unowned: readonly TextSpan[],
  lexicon: Lexicon,
): ThreadDetection {
  const found: PostDetection[] = posts
    .filter((post) => post.own.length > 0)
    .map((post) => ({
      ...detectSpans(text, post.own, lexicon),
      author: post.author,
      time: post.time,
      start: post.own[0]!.start,
      end: post.own.at(-1)!.end,
    }));
  const elsewhere = unowned.length > 0 ? detectSpans(text, unowned, lexicon).matches : [];
  return {
    posts: found,
    urgency: found.reduce<Level>((level, post) => moreUrgent(level, post.urgency), 'none'),
    matches: [...found.flatMap((post) => post.matches), ...elsewhere].sort((a, b) => a.start - b.start),
  };
}

/** A page that is not a thread: one post, by no one named, over all of its text. */
export function detectPage(text: string, lexicon: Lexicon): ThreadDetection {
  return detectThread(text, [{ author: null, time: null, own: [{ start: 0, end: text.length }] }], [], lexicon);
}
