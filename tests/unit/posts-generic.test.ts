// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { findPosts, ownershipOf } from '../../lib/page/posts';
import { PostRegistry } from '../../lib/page/posts/registry';
import { buildTextIndex } from '../../lib/page/text-index';

function load(html: string): void {
  document.documentElement.innerHTML = html;
}

function fixture(name: string): string {
  return readFileSync(resolve(import.meta.dirname, '../fixtures/pages', name), 'utf8');
}

beforeEach(() => load('<body></body>'));

describe('generic post segmentation', () => {
  it('reads the demo thread as its six posts, with authors, times and the quote', () => {
    load(fixture('demo-forum.html'));
    const { engine, posts } = findPosts(document);
    expect(engine).toBe('generic');
    expect(posts.map((post) => post.author)).toEqual(['marta_k', 'physio_dan', 'GaryT', 'anon_lurker', 'physio_dan', 'marta_k']);
    expect(posts[0]!.time).toBe('3 days ago');
    expect(posts[2]!.quotes.map((quote) => quote.element.textContent)).toEqual(['most back pain is mechanical']);
  });

  it('finds schema.org comments nested in a posting, each its own post', () => {
    load(`<body><div itemscope itemtype="https://schema.org/DiscussionForumPosting">
      <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ann</span></span>
      <p itemprop="text">My back has been sore since I moved house last month, mostly in the mornings.</p>
      <div itemprop="comment" itemscope itemtype="https://schema.org/Comment">
        <span itemprop="author">Bob</span><p itemprop="text">Mine too after lifting boxes, it settled with walking.</p>
        <div itemprop="comment" itemscope itemtype="https://schema.org/Comment">
          <span itemprop="author">Cy</span><p itemprop="text">Same here, a hot water bottle helped me a lot.</p>
        </div>
      </div></div></body>`);
    expect(findPosts(document).posts.map((post) => post.author)).toEqual(['Ann', 'Bob', 'Cy']);
  });

  it('finds repeated blocks that name an author, whatever the classes are called', () => {
    const block = (name: string, words: string) =>
      `<div class="msg row"><span class="msg-username">${name}</span><div class="txt">${words}</div></div>`;
    load(`<body><div class="list">${block('ann', 'My lower back aches after long drives, any tips on seating?')}${block(
      'bob',
      'A lumbar roll and stopping every hour made all the difference for me.',
    )}</div><div class="sidebar"><a class="username">me</a></div></body>`);
    const { posts } = findPosts(document);
    expect(posts.map((post) => post.author)).toEqual(['ann', 'bob']);
  });

  it('leaves a page without posts as one unit', () => {
    load(fixture('page-confusables.html'));
    expect(findPosts(document)).toMatchObject({ engine: null, posts: [] });
    load('<body><article><h1>Back pain</h1><p>Most back pain gets better within a few weeks on its own.</p></article></body>');
    expect(findPosts(document).posts).toEqual([]);
  });

  it('names a quote by its header', () => {
    const post = (name: string, body: string) =>
      `<article><div class="author">${name}</div><div>${body}</div></article>`;
    load(`<body>${post('ann', 'My legs have felt heavy since Tuesday and the ache is worse.')}${post(
      'bob',
      '<blockquote><cite>ann wrote:</cite>My legs have felt heavy</blockquote>That needs a doctor today, please ring them.',
    )}</body>`);
    expect(findPosts(document).posts[1]!.quotes.map((quote) => quote.author)).toEqual(['ann']);
  });
});

describe('text ownership', () => {
  it('gives each text node to the innermost post, and quotes and furniture to no post', () => {
    load(`<body><h1>Title words</h1><article><b class="author">ann</b><p>first post words here, long enough to be a post</p>
      <article><b class="author">bob</b><blockquote>quoted words</blockquote><p>a reply nested inside the first one, long enough</p></article>
      <p>ann again after the reply</p></article></body>`);
    const { posts } = findPosts(document);
    const index = buildTextIndex(document.body);
    const owned = ownershipOf(posts, index.nodes, index.starts);
    const words = (spans: { start: number; end: number }[]) => spans.map((span) => index.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim());
    expect(owned.posts.map((post) => post.post.author)).toEqual(['ann', 'bob']);
    expect(words(owned.posts[0]!.own)).toEqual(['ann first post words here, long enough to be a post', 'ann again after the reply']);
    expect(words(owned.posts[1]!.own)).toEqual(['bob', 'a reply nested inside the first one, long enough']);
    expect(words(owned.unowned)).toEqual(['Title words', 'quoted words']);
  });
});

describe('live posts', () => {
  const post = (name: string, words: string) =>
    `<article class="post"><b class="author">${name}</b><p>${words}</p></article>`;

  it('keeps the posts already read and numbers the ones added later after them', () => {
    load(`<body><main>${post('ann', 'My lower back has ached for a week after gardening.')}${post('bob', 'Try gentle walks, it helped me within days.')}</main></body>`);
    const registry = new PostRegistry();
    const reading = findPosts(document);
    const first = registry.join(reading.posts);
    expect(first.map((found) => [found.index, found.author])).toEqual([[0, 'ann'], [1, 'bob']]);
    document.querySelector('main')!.insertAdjacentHTML('beforeend', post('cy', 'Same here, and a warm bath in the evening.'));
    document.querySelector('article')!.remove();
    const added = document.querySelector('main')!.lastElementChild!;
    expect(registry.join([...reading.around(added), ...findPosts(document).posts]).map((found) => found.author)).toEqual(['cy']);
    const { posts, left } = registry.current();
    expect(posts.map((found) => [found.index, found.author])).toEqual([[1, 'bob'], [2, 'cy']]);
    expect(posts[0]).toBe(first[1]);
    expect(left).toEqual([first[0]]);
    expect(registry.get(0)).toBeUndefined();
  });

  it('finds an added post from its own subtree, by the evidence the page was read by', () => {
    const block = (name: string, words: string) => `<div class="entry"><span class="username">${name}</span><p>${words}</p></div>`;
    load(`<body><div id="list">${block('ann', 'My lower back has ached for a week after gardening.')}${block('bob', 'Try gentle walks, it helped me within days.')}</div>
      <aside><div class="entry"><span class="username">ad</span><p>An advert that also names someone and is long enough.</p></div></aside></body>`);
    const reading = findPosts(document);
    expect(reading.posts.map((found) => found.author)).toEqual(['ann', 'bob']);
    const list = document.getElementById('list')!;
    list.insertAdjacentHTML('beforeend', block('cy', 'Same here, and a warm bath in the evening helps.'));
    expect(reading.around(list.lastElementChild!).map((found) => found.author)).toEqual(['cy']);
    // Text added inside the new post finds the post around it; a block elsewhere is not one of the posts.
    expect(reading.around(list.lastElementChild!.querySelector('p')!).map((found) => found.author)).toEqual(['cy']);
    expect(reading.around(document.querySelector('aside .entry')!)).toEqual([]);
  });

  it('finds marked posts at, inside and around a changed element', () => {
    load(`<body><main>${post('ann', 'My lower back has ached for a week after gardening.')}${post('bob', 'Try gentle walks, it helped me within days.')}</main></body>`);
    const reading = findPosts(document);
    const main = document.querySelector('main')!;
    main.insertAdjacentHTML('beforeend', `<section>${post('cy', 'Same here, and a warm bath in the evening.')}${post('di', 'Me too, the physio exercises helped me most.')}</section>`);
    expect(reading.around(main.lastElementChild!).map((found) => found.author)).toEqual(['cy', 'di']);
    expect(reading.around(main.querySelector('section article p')!).map((found) => found.author)).toEqual(['cy']);
    // Text added: the post around it, never every post beside it.
    expect(reading.around(main.querySelector('section article p')!.firstChild as Text).map((found) => found.author)).toEqual(['cy']);
    main.append('words between the posts');
    expect(reading.around(main.lastChild as Text)).toEqual([]);
  });
});
