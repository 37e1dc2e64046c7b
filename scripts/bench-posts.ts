/**
 * `npm run bench:posts`: the cost of finding a thread's posts on synthetic 1,000-post pages, the
 * engine's recogniser (`findPosts`) against the generic reader (`genericPosts`) on the same page in
 * the same run: a flat phpBB topic and an old-Reddit comment tree nested ten deep. Median of five
 * runs each, after a warm-up, in happy-dom (a browser is faster; compare the columns, not the
 * numbers across machines).
 */
import { performance } from 'node:perf_hooks';
import { Window } from 'happy-dom';
import { findPosts } from '../lib/page/posts';
import { genericPosts } from '../lib/page/posts/generic';

const POSTS = 1_000;
const RUNS = 5;
const DEPTH = 10;

const WORDS = [
  'My lower back has ached since I moved the sofa, worse in the mornings.',
  'Walking helps a little and the heat pad takes the edge off at night.',
  'The physio gave me three exercises and said to keep moving gently.',
  'Sitting at my desk all day is the worst part, I stand up every half hour now.',
];

function phpbbPost(i: number): string {
  const quote = i % 5 === 4 ? `<blockquote><div><cite><a href="#">member${i - 1}</a> wrote:</cite>${WORDS[(i - 1) % 4]}</div></blockquote>` : '';
  return `<div id="p${1000 + i}" class="post has-profile bg${(i % 2) + 1}"><div class="inner">
    <dl class="postprofile"><dt class="has-avatar"><a href="#" class="username">member${i}</a></dt><dd class="profile-posts"><strong>Posts:</strong> ${i * 3}</dd></dl>
    <div class="postbody"><div id="post_content${1000 + i}"><h3><a href="#p${1000 + i}">Re: Sore back</a></h3>
    <p class="author"><span class="responsive-hide">by <strong><a href="#" class="username">member${i}</a></strong> &raquo; </span><time datetime="2024-02-11T18:22:05+00:00">Sun Feb 11, 2024 6:22 pm</time></p>
    <div class="content">${quote}${WORDS[i % 4]} ${WORDS[(i + 1) % 4]}</div><div class="signature">Signature ${i}</div></div></div></div></div><hr class="divider">`;
}

function phpbbPage(): string {
  return `<!doctype html><html><body id="phpbb"><div id="wrap"><h2 class="topic-title">Sore back</h2>${Array.from({ length: POSTS }, (_, i) => phpbbPost(i)).join('')}</div></body></html>`;
}

function redditComment(i: number, children: string): string {
  const quote = i % 5 === 4 ? `<blockquote><p>${WORDS[(i - 1) % 4]}</p></blockquote>` : '';
  return `<div class="thing comment" id="thing_t1_${i}" data-author="member${i}"><p class="parent"></p><div class="entry unvoted">
    <p class="tagline"><a href="#" class="author">member${i}</a> <span class="score">3 points</span> <time datetime="2024-03-06T20:11:40+00:00" class="live-timestamp">2 days ago</time></p>
    <form class="usertext"><div class="usertext-body"><div class="md">${quote}<p>${WORDS[i % 4]}</p></div></div></form>
    <ul class="flat-list buttons"><li><a href="#">permalink</a></li></ul></div><div class="child"><div class="sitetable listing">${children}</div></div></div>`;
}

function redditPage(): string {
  const chains: string[] = [];
  for (let start = 0; start < POSTS; start += DEPTH) {
    let chain = '';
    for (let i = Math.min(start + DEPTH, POSTS) - 1; i >= start; i--) chain = redditComment(i, chain);
    chains.push(chain);
  }
  return `<!doctype html><html><body class="comments-page"><div class="content"><div class="commentarea"><div class="sitetable nestedlisting">${chains.join('')}</div></div></div></body></html>`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed(run: () => number): { ms: number; posts: number } {
  run();
  let posts = 0;
  const times = Array.from({ length: RUNS }, () => {
    const start = performance.now();
    posts = run();
    return performance.now() - start;
  });
  return { ms: median(times), posts };
}

function bench(name: string, html: string): void {
  const window = new Window();
  const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  const engine = timed(() => findPosts(document).posts.length);
  const generic = timed(() => genericPosts(document).length);
  console.log(
    `${name.padEnd(30)} recogniser ${engine.ms.toFixed(1).padStart(7)} ms (${engine.posts} posts)   generic ${generic.ms.toFixed(1).padStart(7)} ms (${generic.posts} posts)`,
  );
  void window.happyDOM.close();
}

console.log(`Finding posts on synthetic ${POSTS}-post pages, median of ${RUNS} runs (happy-dom):`);
bench('phpBB topic, flat', phpbbPage());
bench(`old Reddit, nested ${DEPTH} deep`, redditPage());
