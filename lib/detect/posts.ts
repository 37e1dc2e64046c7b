/**
 * Detection of a thread, post by post: each post is one person's words, so its mentions get their
 * context from its own sentences only, combinations of red flags stay inside it, and its urgency is
 * its own. Text that no post owns (quotes, the page around the posts) is read for marks but counts
 * for no one.
 */
import type { LexiconSource } from '../../content-data/schema';
import {
  LEVELS,
  type Genre,
  type Level,
  type Match,
  type Detection,
  type PostDetection,
  type TextSpan,
  type ThreadDetection,
  type TriageReason,
} from '../types';
import { detectMatches, detectRange, readText, strongestContexts, summarizeMatches, topicsByMentions, type Lexicon } from './index';

/** Between two runs of one post's words (a quote or a reply sat there): a paragraph break. */
const RUN_SEPARATOR = '\n\n';

export interface PostSpans {
  author: string | null;
  time: string | null;
  own: readonly TextSpan[];
}

/** The runs of `text` made one text, and the way back from its offsets to `text`'s. */
function joinRuns(text: string, spans: readonly TextSpan[]): { joined: string; toText(at: number, isEnd: boolean): number; toJoined(at: number): number } {
  const starts: number[] = [];
  let joined = '';
  for (const span of spans) {
    if (joined !== '') joined += RUN_SEPARATOR;
    starts.push(joined.length);
    joined += text.slice(span.start, span.end);
  }
  const runAt = (list: readonly number[], at: number) => {
    let run = 0;
    while (run + 1 < list.length && list[run + 1]! <= at) run++;
    return run;
  };
  return {
    joined,
    // An end offset belongs to the run of the character before it.
    toText(at, isEnd) {
      const run = runAt(starts, isEnd ? at - 1 : at);
      return spans[run]!.start + at - starts[run]!;
    },
    toJoined(at) {
      const run = runAt(spans.map((span) => span.start), at);
      return starts[run]! + Math.min(Math.max(at - spans[run]!.start, 0), spans[run]!.end - spans[run]!.start);
    },
  };
}

function mapped(matches: readonly Match[], toText: (at: number, isEnd: boolean) => number): Match[] {
  return matches.map((match) => ({ ...match, start: toText(match.start, false), end: toText(match.end, true) }));
}

/**
 * The matches of the text made of `spans` of `text` (offsets into `text`), and its genre; `isReply`
 * for a post after a thread's first.
 */
export function detectSpans(
  text: string,
  spans: readonly TextSpan[],
  lexicon: Lexicon,
  isReply = false,
): { matches: Match[]; genre: Genre } {
  const runs = joinRuns(text, spans);
  const { matches, genre } = detectMatches(runs.joined, lexicon, isReply);
  return { matches: mapped(matches, runs.toText), genre };
}

/**
 * The matches starting in text[from, to) of the text made of `spans` (one post's runs, as much of
 * them as `text` holds), read with that text's window around the range (see `detectRange`): a
 * page scanned in stretches detects each post's words in its own words only.
 */
export function detectSpansRange(
  text: string,
  spans: readonly TextSpan[],
  from: number,
  to: number,
  lexicon: Lexicon,
  genre: Genre,
): Match[] {
  const runs = joinRuns(text, spans);
  return mapped(detectRange(runs.joined, runs.toJoined(from), runs.toJoined(to), lexicon, genre), runs.toText);
}

const urgencyRank = (level: Level) => LEVELS.indexOf(level);

/** One post's findings, before they are summed up for the page. */
export interface PostMatches {
  index: number;
  author: string | null;
  time: string | null;
  matches: readonly Match[];
  genre: Genre;
}

/** One post summarised on its own; its matches are given the post's number. */
export function summarizePost({ index, author, time, matches, genre }: PostMatches, redFlags: LexiconSource['redFlags']): PostDetection {
  return {
    ...summarizeMatches(
      matches.map((match) => (match.post === index ? match : { ...match, post: index })),
      redFlags,
      genre,
    ),
    index,
    author,
    time,
  };
}

/** What the page's summary needs of each post's (see `mergeThread`). */
export type PostVerdict = Pick<PostDetection, 'urgency' | 'reasons' | 'subject'>;

/**
 * The page summed up from its posts' summaries, however each was made (a page keeps them and
 * summarises again only the posts that changed); `matches`: all of the page's, the posts' and
 * those no post owns, in page order.
 */
export function mergeThread<Post extends PostVerdict>(
  posts: readonly Post[],
  matches: readonly Match[],
): Omit<Detection, 'posts'> & { posts: Post[] } {
  const mostUrgent = posts.reduce<Post | null>(
    (best, post) => (best === null || urgencyRank(post.urgency) < urgencyRank(best.urgency) ? post : best),
    null,
  );
  const reasons = new Map<string, TriageReason>();
  for (const post of posts) for (const reason of post.reasons) reasons.set(reason.redFlagIds.join('+'), reason);
  const urgency: Level = mostUrgent?.urgency ?? 'none';
  return {
    urgency: urgency === 'none' && matches.length > 0 ? 'routine' : urgency,
    reasons: [...reasons.values()].sort((a, b) => urgencyRank(a.urgency) - urgencyRank(b.urgency)),
    matches: [...matches],
    redFlags: strongestContexts(matches),
    topics: topicsByMentions(matches),
    subject: mostUrgent?.subject ?? 'writer',
    posts: [...posts],
  };
}

/** Each post summarised on its own, and the page summed up from them (see `ThreadDetection`). */
export function summarizeThread(
  posts: readonly PostMatches[],
  unowned: readonly Match[],
  redFlags: LexiconSource['redFlags'],
): ThreadDetection {
  const found = posts.map((post) => summarizePost(post, redFlags));
  return mergeThread(found, [...found.flatMap((post) => post.matches), ...unowned].sort((a, b) => a.start - b.start));
}

/**
 * A thread's posts, each detected alone; the page sums them up. `keep`: which matches count at all
 * (the page leaves out ordinary terms in its furniture, see lib/page/term-marks.ts). A page that
 * never speaks of health has none (see `readText`): the gate is the page's, not each post's,
 * so that a short reply ("same, bladder going too") is read as the thread is.
 */
export function detectThread(
  text: string,
  posts: readonly PostSpans[],
  unowned: readonly TextSpan[],
  lexicon: Lexicon,
  keepMatch: (match: Match) => boolean = () => true,
): ThreadDetection {
  const keep = readText(text, lexicon).health ? keepMatch : () => false;
  const found = posts.map((post, index): PostMatches => {
    const { matches, genre } = detectSpans(text, post.own, lexicon, index > 0 && posts.length > 1);
    return { index, author: post.author, time: post.time, matches: matches.filter(keep), genre };
  });
  const elsewhere = unowned.length > 0 ? detectSpans(text, unowned, lexicon).matches.filter(keep) : [];
  return summarizeThread(found, elsewhere, lexicon.redFlags);
}

/** A page that is not a thread: one post, by no one named, over all of its text. */
export function detectPage(text: string, lexicon: Lexicon): ThreadDetection {
  return detectThread(text, [{ author: null, time: null, own: [{ start: 0, end: text.length }] }], [], lexicon);
}
