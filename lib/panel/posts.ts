/**
 * A thread's summary in the panel: the posts whose signs need care, most urgent first, each said
 * as whose they are (the panel never tells the reader "you" about someone else's post).
 */
import { LEVELS, type Detection, type PostSummary, type Urgency } from '../types';

/** Urgencies a thread's summary lists posts for: signs that need care sooner than routine. */
const LISTED: readonly Urgency[] = ['emergency', 'urgent', 'soon'];

/** The posts that matter, most urgent first, then in page order; empty when the page is not a thread. */
export function postsThatMatter(detection: Pick<Detection, 'posts'>): PostSummary[] {
  const posts = detection.posts ?? [];
  if (posts.length < 2) return [];
  return posts
    .filter((post) => (LISTED as readonly string[]).includes(post.urgency))
    .sort((a, b) => LEVELS.indexOf(a.urgency) - LEVELS.indexOf(b.urgency) || a.index - b.index);
}

/** How many posts there are at each listed urgency, most urgent first (for the headline). */
export function postCounts(posts: readonly PostSummary[]): { urgency: Urgency; count: number }[] {
  return LISTED.map((urgency) => ({ urgency, count: posts.filter((post) => post.urgency === urgency).length })).filter(
    (entry) => entry.count > 0,
  );
}
