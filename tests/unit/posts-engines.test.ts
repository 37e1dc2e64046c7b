// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPosts, ownershipOf, type FoundPost } from '../../lib/page/posts';
import { RECOGNISERS } from '../../lib/page/posts/engines';
import { genericPosts } from '../../lib/page/posts/generic';
import { wordsOf } from '../../lib/page/posts/read';
import { buildTextIndex } from '../../lib/page/text-index';

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

function fixture(folder: 'threads' | 'pages', name: string): Document {
  return parse(readFileSync(resolve(import.meta.dirname, '../fixtures', folder, name), 'utf8'));
}

interface Expected {
  engine: string;
  authors: (string | null)[];
  /** Each quote: the post it is in, whom it names, words it holds. */
  quotes: [post: number, author: string | null, words: string][];
  /** Posts whose element sits inside another post's (replies in a threaded tree). */
  nested: number;
  /** The first post's time as read. */
  firstTime: string;
  /**
   * Whether the generic reader, on its own, reads the same posts, writers and quotes (a figure for
   * the README): most engines defeat it somewhere — quotes it cannot name, post bodies that are
   * blockquotes, nested replies, or no author class at all.
   */
  generic: boolean;
}

const FIXTURES: Record<string, Expected> = {
  'discourse.html': {
    engine: 'discourse',
    authors: ['hannah_r', 'colin.w', 'maisie_t', 'nurse_jo'],
    quotes: [
      [1, 'hannah_r', 'I had bowel cancer three years ago and finished chemo in 2021'],
      [2, 'nurse_jo', 'A leg that is getting weaker is not one to wait on.'],
      [3, 'maisie_t', 'since Sunday my left leg has gone weak, my foot slaps down when I walk'],
    ],
    nested: 0,
    firstTime: '3d',
    generic: false, // names no quote (`aside.quote` says "hannah_r:", not "wrote") and misses the inline reply
  },
  'phpbb.html': {
    engine: 'phpbb',
    authors: ['derek_p', 'sue_b', 'ravi_k', 'derek_p'],
    quotes: [
      [2, 'sue_b', 'since yesterday both my legs have gone weak and wobbly'],
      [3, null, 'Keep moving gently.'],
    ],
    nested: 0,
    firstTime: '2024-02-11T18:22:05+00:00',
    generic: true, // `div.post` rows (zebra classes `bg1`/`bg2` are one kind) with `p.author` and `cite` headers
  },
  'xenforo.html': {
    engine: 'xenforo',
    authors: ['joanne_m', 'big_steve', 'kath77', 'joanne_m'],
    quotes: [
      [2, 'big_steve', "Since last night I've got numbness in the saddle area, can't feel the paper when I wipe"],
      [3, 'big_steve', 'worth a routine GP chat'],
    ],
    nested: 0,
    firstTime: '2024-05-20T21:04:11+0100',
    generic: true, // data-author and "said:" headers are enough for it
  },
  'vbulletin.html': {
    engine: 'vbulletin',
    authors: ['ironmike', 'gran_b', 'lou_lou', 'dr_ash'],
    quotes: [[3, 'lou_lou', "I've lost nearly a stone without trying and the pain wakes me every night"]],
    nested: 0,
    firstTime: '03-02-2024, 09:14 PM',
    generic: false, // the post body is a `blockquote.postcontent`, so it takes every post for a quote
  },
  'invision.html': {
    engine: 'invision',
    authors: ['pete_lx', 'tilly.m', 'SpineCoach'],
    quotes: [[2, 'tilly.m', 'numbness creeping up both feet and shins, and my legs keep buckling on the stairs']],
    nested: 0,
    firstTime: '2024-04-08T17:20:31Z',
    generic: false, // reads the posts but cannot name the quote (its citation is no header it knows)
  },
  'reddit-new.html': {
    engine: 'reddit',
    authors: ['tired_teacher_88', 'quietgardener', 'ERnurse_uk', 'quietgardener', 'liftheavy'],
    quotes: [
      [2, null, "today that leg has become weak, I can't stand on tiptoe on that side"],
      [4, null, 'finished treatment in 2021'],
    ],
    nested: 2,
    firstTime: '2024-04-12T19:44:02.511Z',
    generic: false, // names are attributes of custom elements: it finds nothing
  },
  'reddit-old.html': {
    engine: 'reddit',
    authors: ['pitstop_pete', 'hollyhock_22', 'Spine_Doc_PT', 'deskjockey_ldn', 'pitstop_pete'],
    quotes: [
      [2, null, 'numbness between my legs and I wet myself without noticing'],
      [4, null, 'a hot shower first thing'],
    ],
    nested: 2,
    firstTime: '2024-03-06T18:02:11+00:00',
    generic: false, // finds no posts at all
  },
  'khoros.html': {
    engine: 'khoros',
    authors: ['sam_rivers', 'Bev_W', 'Community_Al', 'sam_rivers'],
    quotes: [
      [2, 'Bev_W', 'since Sunday he says the numbness is in his privates and he has no feeling when he sits on the toilet'],
      [3, null, 'Sam, May sounds fine for an ache like that.'],
    ],
    nested: 0,
    firstTime: '03-11-2024 09:48 AM',
    generic: false, // reads the writers but cannot name a quote whose "wrote:" is inside it
  },
  'healthunlocked.html': {
    engine: 'healthunlocked',
    authors: ['Rosie_M54', 'Douglas_K', 'BackPainSupport_Admin', 'Jen_Bristol'],
    quotes: [[2, null, "both my legs went weak yesterday, I'm dragging my feet"]],
    nested: 1,
    firstTime: '2024-07-01T16:05:00.000Z',
    generic: false, // generated class names: nothing says "author"
  },
  'mumsnet.html': {
    engine: 'mumsnet',
    authors: ['TiredOfTheAche', 'Bunty1975', 'NotThatKindOfNurse', 'TiredOfTheAche'],
    quotes: [
      [2, 'Bunty1975', 'my left leg has been numb from knee to ankle for a fortnight'],
      [3, 'NotThatKindOfNurse', "I'd ask about postnatal physio too"],
    ],
    nested: 0,
    firstTime: 'Sun 12-May-24 09:14:55',
    generic: false, // `.nickname` is no author class it knows, and bold quotes are invisible to it
  },
  'patient.html': {
    engine: 'patient',
    authors: ['wendy_k63', 'chris_h', 'wendy_k63', 'Gina_physio'],
    quotes: [
      [2, null, 'I had leukaemia as a teenager'],
      [3, null, "I've lost two stone without trying"],
    ],
    nested: 1,
    firstTime: '2024-06-02T19:20+01:00',
    generic: true, // `article` posts with `.author__name`
  },
  'stackexchange.html': {
    engine: 'stackexchange',
    authors: ['anxious_runner', 'L.Moore', 'Dr. K. Patel', 'anxious_runner', 'Ben Ortiz'],
    quotes: [
      [2, null, 'worse when I lie down at night and often wakes me'],
      [4, null, 'since yesterday he has sudden weakness in both legs and can barely get out of his chair'],
    ],
    nested: 2,
    firstTime: 'Feb 27 at 21:10',
    generic: false, // reads the two answers only: the question and the comments are lost
  },
  'disqus.html': {
    engine: 'disqus',
    authors: ['Gwen Hollis', 'Mark T', 'Move Well Magazine', 'Mark T'],
    quotes: [[2, null, 'no feeling down the outside of my left thigh and calf']],
    nested: 2,
    firstTime: '3 days ago',
    generic: false, // reads the two top-level comments and folds the replies into them
  },
  'wordpress.html': {
    engine: 'wordpress',
    authors: ['Claire Dunmore', 'Tom Hargreaves', 'Priya S', 'Claire Dunmore', 'Priya S'],
    quotes: [[3, null, 'steadily worse every week for two months and nothing eases it']],
    nested: 2,
    firstTime: '2024-01-15T09:00:00+00:00',
    generic: true, // `article.comment-body` with `.comment-author`
  },
};

/** What a reading says: each post's writer and its quotes (whom, what). */
function reading(posts: FoundPost[]): unknown {
  return posts.map((post) => [post.author, post.quotes.map((quote) => [quote.author, wordsOf(quote.element)])]);
}

function nestedCount(posts: FoundPost[]): number {
  return posts.filter((post) => posts.some((other) => other !== post && other.element.contains(post.element))).length;
}

describe.each(Object.entries(FIXTURES))('thread fixture %s', (name, expected) => {
  it('is read by its engine: writers in page order, times, nested replies each their own post', () => {
    const { engine, posts } = findPosts(fixture('threads', name));
    expect(engine).toBe(expected.engine);
    expect(posts.map((post) => post.author)).toEqual(expected.authors);
    expect(posts[0]!.time).toBe(expected.firstTime);
    expect(posts.every((post) => post.time !== null)).toBe(true);
    expect(nestedCount(posts)).toBe(expected.nested);
  });

  it('finds the quotes, with the quoted writer where the markup says it', () => {
    const { posts } = findPosts(fixture('threads', name));
    const quotes = posts.flatMap((post, index) => post.quotes.map((quote) => ({ index, quote })));
    expect(quotes.map(({ index, quote }) => [index, quote.author])).toEqual(expected.quotes.map(([post, author]) => [post, author]));
    quotes.forEach(({ quote }, i) => expect(wordsOf(quote.element)).toContain(expected.quotes[i]![2]));
  });

  it("leaves the quoted words out of the replier's own words", () => {
    const document = fixture('threads', name);
    const { posts } = findPosts(document);
    const index = buildTextIndex(document.body);
    const owned = ownershipOf(posts, index.nodes, index.starts);
    expect(owned.posts.map((text) => text.post)).toEqual(posts);
    for (const [post, , words] of expected.quotes) {
      const own = owned.posts[post]!.own.map((span) => index.text.slice(span.start, span.end)).join(' ');
      expect(own.replace(/\s+/g, ' ')).not.toContain(words);
    }
  });

  it('is rejected by every other recogniser', () => {
    const document = fixture('threads', name);
    for (const recogniser of RECOGNISERS.filter((other) => other.engine !== expected.engine)) {
      expect(recogniser.read(document), recogniser.engine).toBeNull();
    }
  });

  it('reads a post appended later from its own element as the whole page reads it', () => {
    const document = fixture('threads', name);
    const whole = findPosts(document).posts;
    const last = whole.findLast((post) => !whole.some((other) => other !== post && other.element.contains(post.element)))!;
    const [parent, next] = [last.element.parentNode!, last.element.nextSibling];
    last.element.remove();
    const before = findPosts(document);
    expect(before.engine).toBe(expected.engine);
    parent.insertBefore(last.element, next);
    const appended = whole.filter((post) => last.element.contains(post.element));
    expect(reading(before.around(last.element))).toEqual(reading(appended));
    expect(before.around(last.element).map((post) => [post.element, post.time])).toEqual(appended.map((post) => [post.element, post.time]));
  });

  it(`is ${expected.generic ? 'also' : 'not'} read the same by the generic reader alone`, () => {
    const document = fixture('threads', name);
    expect(JSON.stringify(reading(genericPosts(document))) === JSON.stringify(reading(findPosts(document).posts))).toBe(
      expected.generic,
    );
  });
});

describe('pages that are no engine thread', () => {
  it.each(['page-confusables.html', 'demo-forum.html'])('%s is rejected by every recogniser', (name) => {
    const document = fixture('pages', name);
    for (const recogniser of RECOGNISERS) expect(recogniser.read(document), recogniser.engine).toBeNull();
  });
});

describe('engine variants without a fixture of their own', () => {
  it('reads vBulletin 5 posts (`li.b-post`) and their quote boxes', () => {
    const post = (id: number, name: string, body: string) =>
      `<li data-node-id="${id}" class="b-post js-post" itemscope itemtype="http://schema.org/Comment">
        <div class="userinfo b-userinfo"><div class="b-userinfo__details"><div class="author h-text-size--14"><strong><a href="#member/${id}">${name}</a></strong></div><div class="usertitle">Member</div></div></div>
        <div class="b-post__content js-post__content"><div class="b-post__timestamp"><time itemprop="dateCreated" datetime="2024-01-0${id}T09:00:03">01-0${id}-2024, 09:00 AM</time></div>
        <div class="js-post__content-text restore h-wordwrap" itemprop="text">${body}</div></div></li>`;
    const document = parse(`<html><body id="vb-page-body" class="l-desktop vb-page"><ul class="conversation-list">
      ${post(1, 'caffeine', 'Lower back twinges when I run downhill, otherwise fine.')}
      ${post(2, 'yurikuzn', `<div class="bbcode_container"><div class="bbcode_quote"><div class="quote_container"><div class="bbcode_quote_container"></div><div class="bbcode_postedby">Originally Posted by <strong>caffeine</strong></div><div class="message">twinges when I run downhill</div></div></div></div>Try shorter strides on the descents.`)}
    </ul></body></html>`);
    const { engine, posts } = findPosts(document);
    expect(engine).toBe('vbulletin');
    expect(posts.map((found) => [found.author, found.time])).toEqual([
      ['caffeine', '2024-01-01T09:00:03'],
      ['yurikuzn', '2024-01-02T09:00:03'],
    ]);
    expect(posts[1]!.quotes.map((quote) => quote.author)).toEqual(['caffeine']);
  });

  it('reads XenForo 1 posts (`li.message[data-author]`) and their quotes (`.bbCodeQuote[data-author]`)', () => {
    const document = parse(`<html id="XenForo"><body><ol class="messageList" id="messageList">
      <li id="post-11" class="message" data-author="ann"><div class="messageInfo"><div class="messageContent"><article><blockquote class="messageText">My sciatica is easing with the nerve glides.</blockquote></article></div>
        <div class="messageMeta"><span class="DateTime" title="Jan 3, 2024">Jan 3, 2024</span></div></div></li>
      <li id="post-12" class="message" data-author="bo"><div class="messageInfo"><div class="messageContent"><article><blockquote class="messageText">
        <div class="bbCodeBlock bbCodeQuote" data-author="ann"><aside><div class="attribution type">ann said:</div><blockquote class="quoteContainer"><div class="quote">the nerve glides</div></blockquote></aside></div>Which ones, please?</blockquote></article></div></div></li>
    </ol></body></html>`);
    const { engine, posts } = findPosts(document);
    expect(engine).toBe('xenforo');
    expect(posts.map((found) => found.author)).toEqual(['ann', 'bo']);
    expect(posts[0]!.time).toBe('Jan 3, 2024');
    expect(posts[1]!.quotes.map((quote) => quote.author)).toEqual(['ann']);
    expect(wordsOf(posts[1]!.quotes[0]!.element)).toContain('the nerve glides');
  });

  it('takes Mumsnet bold for a quote only when an earlier message says it', () => {
    const message = (name: string, body: string) =>
      `<div class="post "><span class="nickname"><a href="#">${name}</a></span><div class="talk-post  message">${body}</div></div>`;
    const document = parse(`<html><body>${message('Ann', '<p>My back aches after the school run every day.</p>')}${message(
      'Bea',
      '<p><strong>I really need some advice here</strong> and <b>aches after the school run</b></p>',
    )}</body></html>`);
    const { posts } = findPosts(document);
    expect(posts[1]!.quotes.map((quote) => [quote.author, wordsOf(quote.element)])).toEqual([['Ann', 'aches after the school run']]);
  });
});
