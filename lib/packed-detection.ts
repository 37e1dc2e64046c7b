/**
 * A detection packed for a message or for `storage.session`: a long thread reports thousands of
 * matches that repeat the same few terms, and each match as an object costs the page's main thread
 * when the message is serialised (about half of a report on a 1 MB thread) and the session store
 * about 32 bytes a number. Packed, each distinct match kind is written once and every mention is
 * four small numbers in one string; the posts are a row of numbers each.
 *
 * A page packs its findings again at every report: `DetectionPacker` writes each group of matches
 * (a scanned piece's, which never changes) once, so a report costs what changed since the last.
 */
import { LEVELS, type Detection, type Match, type PostSummary } from './types';

/** A match apart from where it is (and in which post): what mentions of the same words in the same sense share. */
export type MatchKind = Omit<Match, 'start' | 'end' | 'post'>;

/** A thread's posts, packed: each name and time once, and a row of numbers per post. */
export interface PackedPosts {
  names: (string | null)[];
  /** Per post: its number, its urgency's place in LEVELS, 1 if its subject is another person, its name's and its time's place in `names`; base 36. */
  rows: string;
}

/** A detection with its matches as kinds and spans, its posts as rows. */
export type PackedDetection = Omit<Detection, 'matches' | 'posts'> & {
  posts?: PackedPosts;
  /** Each distinct match kind once. */
  kinds: MatchKind[];
  /**
   * Per match, in order: its start, its length, its kind's index, and its post's number plus one
   * (0 for none); base-36 numbers joined by commas.
   */
  spans: string;
};

/** Numbers per match in `spans`, and per post in `rows`. */
const SPAN_NUMBERS = 4;
const ROW_NUMBERS = 5;

const base36 = (numbers: number[]) => numbers.map((n) => n.toString(36)).join(',');
const fromBase36 = (packed: string) => (packed === '' ? [] : packed.split(',').map((n) => parseInt(n, 36)));

function packPosts(posts: readonly PostSummary[]): PackedPosts {
  const names: (string | null)[] = [];
  const nameIndex = new Map<string | null, number>();
  const nameAt = (name: string | null) => nameIndex.get(name) ?? (nameIndex.set(name, names.push(name) - 1), names.length - 1);
  const rows = posts.flatMap((post) => [post.index, LEVELS.indexOf(post.urgency), post.subject === 'other' ? 1 : 0, nameAt(post.author), nameAt(post.time)]);
  return { names, rows: base36(rows) };
}

function unpackPosts({ names, rows }: PackedPosts): PostSummary[] {
  const numbers = fromBase36(rows);
  const posts: PostSummary[] = [];
  for (let at = 0; at + ROW_NUMBERS - 1 < numbers.length; at += ROW_NUMBERS) {
    posts.push({
      index: numbers[at]!,
      urgency: LEVELS[numbers[at + 1]!]!,
      subject: numbers[at + 2] === 1 ? 'other' : 'writer',
      author: names[numbers[at + 3]!] ?? null,
      time: names[numbers[at + 4]!] ?? null,
    });
  }
  return posts;
}

/** The fields `kindKey` reads: a field added to `Match` fails to compile at its call until it is read there too. */
type KeyedFields = 'text' | 'termId' | 'topicIds' | 'redFlagIds' | 'context' | 'experiencer' | 'person';
type UnkeyedFields = Record<Exclude<keyof MatchKind, KeyedFields>, never>;

/**
 * What tells match kinds apart, cheaper than `JSON.stringify` of each (a report of a 2 MB text node
 * packs 29,000 matches at once). Ids and contexts hold no control characters; the person and the
 * text, which may, go last, the person with its length.
 */
function kindKey(match: Match & UnkeyedFields): string {
  const person = match.person === undefined ? '' : `${match.person.length}:${match.person}`;
  return `${match.termId}\u0001${match.context}\u0001${match.experiencer}\u0001${match.topicIds.join('\u0002')}\u0001${match.redFlagIds.join('\u0002')}\u0001${person}\u0001${match.text}`;
}

/**
 * Packs one page's detections, report after report. Kinds are numbered for the packer's life (a
 * page repeats the same few), and each group of matches is written once: give it the same array
 * again and its spans are reused, so only new groups cost anything.
 */
export class DetectionPacker {
  readonly #kinds: MatchKind[] = [];
  readonly #kindIndex = new Map<string, number>();
  readonly #written = new WeakMap<readonly Match[], string>();

  /** `groups`: the detection's matches, in order, in groups that never change (see the class). */
  pack(detection: Omit<Detection, 'matches'>, groups: readonly (readonly Match[])[]): PackedDetection {
    const { posts, ...summary } = detection;
    const spans: string[] = [];
    for (const group of groups) if (group.length > 0) spans.push(this.write(group));
    return { ...summary, ...(posts ? { posts: packPosts(posts) } : {}), kinds: [...this.#kinds], spans: spans.join(',') };
  }

  /**
   * A group's spans, written now if they were not yet: a page scanner writes each piece's as it
   * scans it, in that slice, so the report at the end of a pass only joins them (written all at
   * once, a 2 MB text node's 29,000 matches took half of a 63 ms report in Firefox).
   */
  write(group: readonly Match[]): string {
    let written = this.#written.get(group);
    if (written === undefined) {
      written = this.#spansOf(group);
      this.#written.set(group, written);
    }
    return written;
  }

  #spansOf(matches: readonly Match[]): string {
    const numbers: number[] = [];
    for (const match of matches) {
      const key = kindKey(match);
      let index = this.#kindIndex.get(key);
      if (index === undefined) {
        const { start: _start, end: _end, post: _post, ...kind } = match;
        index = this.#kinds.push(kind) - 1;
        this.#kindIndex.set(key, index);
      }
      numbers.push(match.start, match.end - match.start, index, match.post === undefined ? 0 : match.post + 1);
    }
    return base36(numbers);
  }
}

/** One detection packed on its own. */
export function packDetection(detection: Detection): PackedDetection {
  const { matches, ...summary } = detection;
  return new DetectionPacker().pack(summary, [matches]);
}

export function unpackDetection(packed: PackedDetection): Detection {
  const { kinds, spans: packedSpans, posts, ...summary } = packed;
  const spans = fromBase36(packedSpans);
  const matches: Match[] = [];
  for (let at = 0; at + SPAN_NUMBERS - 1 < spans.length; at += SPAN_NUMBERS) {
    const start = spans[at]!;
    const post = spans[at + 3]!;
    matches.push({ start, end: start + spans[at + 1]!, ...kinds[spans[at + 2]!]!, ...(post > 0 ? { post: post - 1 } : {}) });
  }
  return { ...summary, ...(posts ? { posts: unpackPosts(posts) } : {}), matches };
}

export function isPackedDetection(value: unknown): value is PackedDetection {
  const detection = value as { spans?: unknown; kinds?: unknown } | undefined;
  return typeof detection?.spans === 'string' && Array.isArray(detection?.kinds);
}
