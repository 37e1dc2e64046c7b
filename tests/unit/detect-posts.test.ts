import { describe, expect, it } from 'vitest';
import { toLexiconSource } from '../../content-data/build';
import { loadKnowledgeBase } from '../../content-data/load';
import { compileLexicon, detect } from '../../lib/detect';
import { detectPage, detectSpans, detectSpansRange, detectThread } from '../../lib/detect/posts';
import { textGenre } from '../../lib/detect';
import type { TextSpan } from '../../lib/types';

const lexicon = compileLexicon(toLexiconSource(loadKnowledgeBase()));

/** The span of `part` in `text` (its first occurrence). */
function spanOf(text: string, part: string): TextSpan {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`"${part}" is not in the text`);
  return { start, end: start + part.length };
}

describe('detectSpans', () => {
  it('maps matches in later runs back to their place in the page text', () => {
    const text = 'Sciatica again.\nQUOTED WORDS HERE\nNow my legs keep giving way.';
    const detection = detectSpans(text, [spanOf(text, 'Sciatica again.'), spanOf(text, 'Now my legs keep giving way.')], lexicon);
    expect(detection.genre).toBe('snippet');
    for (const match of detection.matches) expect(text.slice(match.start, match.end)).toBe(match.text);
    expect(detection.matches.map((match) => match.text)).toEqual(['Sciatica', 'legs keep giving way']);
  });
});

describe('detectSpansRange', () => {
  it('gives a post read in ranges the matches and contexts of the post read whole', () => {
    const own = 'My mum had breast cancer. Since Monday she has had numb legs.\nShe cannot walk far.\nI am fine, no numbness.';
    const text = `${own.slice(0, 40)}\nSOMEONE ELSE: my legs are weak.\n${own.slice(40)}`;
    const spans = [spanOf(text, own.slice(0, 40)), spanOf(text, own.slice(40))];
    const whole = detectSpans(text, spans, lexicon).matches;
    const genre = textGenre(own, lexicon);
    const cuts = [0, 30, 75, 100, text.length];
    const inRanges = cuts.slice(1).flatMap((to, i) => detectSpansRange(text, spans, cuts[i]!, to, lexicon, genre));
    expect(inRanges).toEqual(whole);
    expect(whole.map((match) => match.text)).not.toContain('legs are weak');
  });
});

describe('detectThread', () => {
  const ann = 'I had breast cancer years ago and my back aches at night.';
  const bob = 'My legs have gone weak since yesterday.';
  const text = `${ann}\n${bob}`;
  const posts = [
    { author: 'ann', time: null, own: [spanOf(text, ann)] },
    { author: 'bob', time: null, own: [spanOf(text, bob)] },
  ];

  it('never combines red flags across posts', () => {
    const whole = detect(text, lexicon);
    expect(whole.reasons.some((reason) => reason.redFlagIds.includes('rf-cancer-history') && reason.redFlagIds.includes('rf-leg-weakness'))).toBe(true);
    const thread = detectThread(text, posts, [], lexicon);
    for (const post of thread.posts) {
      for (const reason of post.reasons) expect(reason.redFlagIds.includes('rf-cancer-history') && reason.redFlagIds.includes('rf-leg-weakness')).toBe(false);
    }
    expect(thread.posts.map((post) => [post.author, post.urgency])).toEqual([['ann', 'urgent'], ['bob', 'emergency']]);
    expect(thread.urgency).toBe('emergency');
    expect(new Set(thread.matches.map((match) => match.post))).toEqual(new Set([0, 1]));
  });

  it('counts a quote for no one: the replier is not given the quoted signs', () => {
    const quoted = 'My legs have gone weak since yesterday.';
    const reply = 'That sounds scary, please get seen today.';
    const page = `${ann}\n${quoted}\n${reply}`;
    const thread = detectThread(page, [{ author: 'cy', time: null, own: [spanOf(page, reply)] }], [spanOf(page, quoted)], lexicon);
    expect(thread.posts[0]!.redFlags).toEqual([]);
    expect(thread.urgency).not.toBe('emergency');
    // Its words are still found (for marks), in their place in the page text.
    expect(thread.matches.map((match) => page.slice(match.start, match.end))).toContain('legs have gone weak');
    expect(thread.matches.find((match) => match.text === 'legs have gone weak')!.post).toBeUndefined();
  });

  it("reads a reply's \"you\" as the person it answers, whose signs the reply does not take on", () => {
    const question = 'I have lost weight without trying and my back has ached at night for weeks now.';
    const reply = 'I had the same thing last year. Weight loss you cannot explain and back pain that wakes you at night need your GP this week, I would ring them tomorrow and I hope it settles.';
    const page = `${question}\n${reply}`;
    const thread = detectThread(page, [
      { author: 'ann', time: null, own: [spanOf(page, question)] },
      { author: 'bob', time: null, own: [spanOf(page, reply)] },
    ], [], lexicon);
    const bob = thread.posts[1]!;
    const weightLoss = bob.matches.find((match) => match.redFlagIds.includes('rf-weight-loss'))!;
    expect(weightLoss).toMatchObject({ context: 'other-person', experiencer: 'other', person: 'you' });
    expect(bob).toMatchObject({ urgency: 'routine', subject: 'writer' });
    expect(thread.posts[0]!.urgency).toBe('urgent');
    // The same words as a post of its own: "you" is the writer's own "one".
    const alone = detectThread(reply, [{ author: 'bob', time: null, own: [{ start: 0, end: reply.length }] }], [], lexicon);
    expect(alone.posts[0]!.urgency).toBe('urgent');
  });

  it('reads a reply that names no doctor and no pain as the thread that does', () => {
    const question = 'Back pain for a week now, the GP says rest. Anyone had this?';
    const reply = 'Same here last spring. My bladder kept leaking whenever I coughed, and one night it just stopped altogether, so my wife drove me in at midnight and they kept me for a week. Go in if that happens.';
    const page = `${question}\n${reply}`;
    const posts = [
      { author: 'ann', time: null, own: [spanOf(page, question)] },
      { author: 'bob', time: null, own: [spanOf(page, reply)] },
    ];
    expect(detectThread(page, posts, [], lexicon).posts[1]!.redFlags.map((flag) => flag.id)).toContain('rf-bladder-bowel');
    // The reply as a page of its own does not speak of health: nothing is read in it.
    expect(detectPage(reply, lexicon).matches).toEqual([]);
  });

  it('reads a page that is not a thread as one post by no one named', () => {
    const page = detectPage(text, lexicon);
    expect(page.posts).toHaveLength(1);
    expect(page.posts[0]).toMatchObject({ index: 0, author: null, urgency: 'emergency' });
  });
});
