/**
 * The findings each tab's content script reported, kept in memory and mirrored to
 * `storage.session` (where it exists) so a restarted service worker still has them.
 *
 * storage.session holds 10 MB for every tab together, counted in the browser's in-memory sizes
 * (an array of numbers costs about 32 bytes a number), and a long thread reports thousands of
 * matches that repeat the same few terms. So the session copy is packed (`packFindings`): each
 * distinct match once, and every mention as three small numbers in one string. A 200 kB thread
 * with 4,400 matches takes about 25 kB instead of 1.2 MB.
 */
import { browser } from 'wxt/browser';
import type { TabFindings } from '../messages';
import { LEVELS, type Match, type PostSummary } from '../types';

const keyOf = (tabId: number) => `findings:${tabId}`;

function sessionArea() {
  return browser.storage.session;
}

/** A match apart from where it is (and in which post): what mentions of the same words in the same sense share. */
type MatchKind = Omit<Match, 'start' | 'end' | 'post'>;

/** A thread's posts as stored: each name and time once, and a row of numbers per post. */
interface PackedPosts {
  names: (string | null)[];
  /** Per post: its number, its urgency's place in LEVELS, 1 if its subject is another person, its name's and its time's place in `names`; base 36. */
  rows: string;
}

/** TabFindings as stored: the detection's matches as kinds and spans, its posts as rows. */
export interface PackedFindings extends Omit<TabFindings, 'detection'> {
  detection: Omit<TabFindings['detection'], 'matches' | 'posts'> & {
    posts?: PackedPosts;
    /** Each distinct match kind once. */
    kinds: MatchKind[];
    /**
     * Per match, in order: its start minus the previous match's start, its length, its kind's
     * index, and its post's number plus one (0 for none); base-36 numbers joined by commas.
     */
    spans: string;
  };
}

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

export function packFindings(findings: TabFindings): PackedFindings {
  const { matches, posts, ...summary } = findings.detection;
  const kinds: MatchKind[] = [];
  const kindIndex = new Map<string, number>();
  const spans: number[] = [];
  let previousStart = 0;
  for (const { start, end, post, ...kind } of matches) {
    const key = JSON.stringify(kind);
    let index = kindIndex.get(key);
    if (index === undefined) {
      index = kinds.push(kind) - 1;
      kindIndex.set(key, index);
    }
    spans.push(start - previousStart, end - start, index, post === undefined ? 0 : post + 1);
    previousStart = start;
  }
  return { ...findings, detection: { ...summary, ...(posts ? { posts: packPosts(posts) } : {}), kinds, spans: base36(spans) } };
}

export function unpackFindings(packed: PackedFindings): TabFindings {
  const { kinds, spans: packedSpans, posts, ...summary } = packed.detection;
  const spans = fromBase36(packedSpans);
  const matches: Match[] = [];
  let start = 0;
  for (let at = 0; at + 3 < spans.length; at += SPAN_NUMBERS) {
    start += spans[at]!;
    const post = spans[at + 3]!;
    matches.push({ start, end: start + spans[at + 1]!, ...kinds[spans[at + 2]!]!, ...(post > 0 ? { post: post - 1 } : {}) });
  }
  return { ...packed, detection: { ...summary, ...(posts ? { posts: unpackPosts(posts) } : {}), matches } };
}

function isPacked(value: unknown): value is PackedFindings {
  const detection = (value as { detection?: { spans?: unknown; kinds?: unknown } } | undefined)?.detection;
  return typeof detection?.spans === 'string' && Array.isArray(detection?.kinds);
}

export class FindingsStore {
  private readonly byTab = new Map<number, TabFindings>();

  async set(findings: TabFindings): Promise<void> {
    this.byTab.set(findings.tabId, findings);
    // Memory is what answers; the session copy only outlives a restart, so a full session
    // storage loses nothing now.
    await sessionArea()
      ?.set({ [keyOf(findings.tabId)]: packFindings(findings) })
      .catch(() => undefined);
  }

  async get(tabId: number): Promise<TabFindings | null> {
    const known = this.byTab.get(tabId);
    if (known) return known;
    const stored: unknown = (await sessionArea()?.get(keyOf(tabId)))?.[keyOf(tabId)];
    // Anything else (a copy from an older version) is as good as none: the tab reports again on its next scan.
    if (!isPacked(stored)) return null;
    const findings = unpackFindings(stored);
    this.byTab.set(tabId, findings);
    return findings;
  }

  /** Forget a tab's findings; true if there were any. */
  async clear(tabId: number): Promise<boolean> {
    const had = this.byTab.delete(tabId);
    const area = sessionArea();
    if (!area) return had;
    const stored = await area.get(keyOf(tabId));
    await area.remove(keyOf(tabId));
    return had || stored[keyOf(tabId)] !== undefined;
  }
}
