/** What the command line reads from saved thread pages, for the browsers' readings to match. */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURES = join(ROOT, 'tests/fixtures');

/** [author, urgency] per post. */
export type PostLine = [string | null, string];

/** `detect --json --html` on fixture files (paths under tests/fixtures), one list of posts per file. */
export function savedPosts(paths: string[]): PostLine[][] {
  const result = spawnSync(
    join(ROOT, 'node_modules/.bin/tsx'),
    [join(ROOT, 'scripts/detect.ts'), '--json', '--html', ...paths.map((path) => join(FIXTURES, path))],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`detect --html failed: ${result.stderr}`);
  return result.stdout
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { posts: { author: string | null; urgency: string }[] }).posts.map((post): PostLine => [post.author, post.urgency]));
}

/** A thread's posts as the findings store keeps them (see lib/background/findings-store.ts). */
export interface PackedPosts {
  names: (string | null)[];
  rows: string;
}

const LEVELS = ['emergency', 'urgent', 'soon', 'routine', 'none'];

/** The stored posts' authors and urgencies, in order. */
export function unpackPosts({ names, rows }: PackedPosts): { index: number; author: string | null; urgency: string }[] {
  const numbers = rows === '' ? [] : rows.split(',').map((n) => parseInt(n, 36));
  const posts = [];
  for (let at = 0; at + 4 < numbers.length; at += 5) {
    posts.push({ index: numbers[at]!, urgency: LEVELS[numbers[at + 1]!]!, author: names[numbers[at + 3]!] ?? null });
  }
  return posts;
}

/** Words that make a late reply on the demo thread an emergency. */
export const LATE_REPLY_WORDS = 'Since this morning my legs have gone weak and I keep tripping on the stairs.';

/**
 * Run in the demo thread's page: adds a copy of its last post by "late_reply" whose body is `body`
 * (HTML of our own), the way a live thread grows.
 */
export function addLateReply(body: string): void {
  const last = document.querySelectorAll('article.post')[5]!;
  const added = last.cloneNode(true) as HTMLElement;
  added.id = 'post-7';
  added.querySelector('.author b')!.textContent = 'late_reply';
  added.querySelector('.body')!.innerHTML = body;
  last.after(added);
}
