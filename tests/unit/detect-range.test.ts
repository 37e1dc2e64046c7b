import { describe, expect, it } from 'vitest';
import { toLexiconSource } from '../../content-data/build';
import { loadKnowledgeBase } from '../../content-data/load';
import { compileLexicon, detect, detectRange, textGenre } from '../../lib/detect';
import type { Match } from '../../lib/types';

const lexicon = compileLexicon(toLexiconSource(loadKnowledgeBase()));

/** Page-shaped texts written for these tests: blocks one per line, as the page's text index gives them. */
const HEALTH_PAGE = [
  'Back pain',
  'Most back pain gets better on its own within a few weeks.',
  'When to get help',
  'Call 999 or go to A&E if you have back pain and:',
  'numbness around your bottom or genitals',
  'you cannot pee',
  'loss of feeling in one or both legs',
  'weakness in both legs that is getting worse',
  'See a GP if:',
  'you have lost weight without trying',
  'the pain is worse at night',
  'Causes of back pain',
  'Back pain is often caused by a pulled muscle or a slipped disc.',
].join('\n');

const FORUM_THREAD = [
  'Lower back pain for months, now worried',
  'posted by dave_k',
  "Hi all. I've had sciatica down my left leg since March, and the physio says it's a slipped disc.",
  'Since yesterday I have numbness down there as well, and peeing feels weird, like I have to push.',
  'My GP said it should settle, but it has not. No weight loss so far, thankfully.',
  'Reply from carer_sue',
  'My mum has myeloma and since yesterday she cant walk and her legs are numb. She is so thirsty too.',
  'We went to A&E and they did an MRI. It was cord compression.',
  'Reply from runner_jo',
  'Three weeks of back pain after deadlifts. No numbness, no tingling, bladder fine. It went away with rest.',
].join('\n');

/** A long personal post: the story of one person over many sentences, a list of what they have. */
const LONG_POST = [
  'Symptom diary, week three.',
  ...Array.from({ length: 30 }, (_, i) => `Day ${i + 1}: the back pain was bad again and I slept badly, walking to the shops was hard.`),
  'What I have now:',
  '- pins and needles in both feet',
  '- my legs went wobbly on the stairs twice',
  '- control of my bladder has gone at night',
  'My dad had prostate cancer, but that was years ago.',
].join('\n');

/** A personal story told in the past that ends in a recovery a thousand characters later. */
const RECOVERY_STORY = [
  'Two years ago my back went while I was lifting a wardrobe.',
  'Within a week I could not lift my left foot and my leg was numb from the knee down.',
  ...Array.from({ length: 12 }, (_, i) => `Week ${i + 2}: physio, heat packs and walks round the block, each a little longer.`),
  'The operation was a success and I am back to normal.',
  'My right foot is still numb though.',
].join('\n');

const key = (match: Match) => `${match.start}-${match.end} ${match.context} ${match.experiencer} ${match.redFlagIds.join('+')} ${match.topicIds.join('+')}`;

/** Detection of `text` in ranges cut at every `step` characters, each read in its window. */
function chunked(text: string, step: number): string[] {
  const genre = textGenre(text, lexicon);
  const keys: string[] = [];
  for (let from = 0; from < text.length; from += step) keys.push(...detectRange(text, from, Math.min(text.length, from + step), lexicon, genre).map(key));
  return keys;
}

describe('detectRange: the same answer however the text arrives', () => {
  it.each([
    ['a health page with warning lists under headings', HEALTH_PAGE],
    ['a forum thread of several posts', FORUM_THREAD],
    ['a long personal post with a list at its end', LONG_POST],
    ['a story told in the past that ends in a recovery', RECOVERY_STORY],
  ])('%s, cut anywhere, gives the matches and contexts of the whole', (_, text) => {
    const whole = detect(text, lexicon).matches.map(key);
    expect(whole.length).toBeGreaterThan(3);
    for (const step of [37, 101, 256, 700, 1500]) expect(chunked(text, step)).toEqual(whole);
  });

  it('gives a part appended later the contexts it gets when the page loads at once', () => {
    const before = FORUM_THREAD;
    const appended = '\nReply from dave_k\nUpdate: at A&E now, they think it is cauda equina. My legs feel weak.';
    const page = before + appended;
    const genre = textGenre(page, lexicon);
    const later = detectRange(page, before.length, page.length, lexicon, genre).map(key);
    const atOnce = detect(page, lexicon).matches.filter((match) => match.start >= before.length).map(key);
    expect(later).toEqual(atOnce);
    expect(later.some((entry) => entry.includes('rf-leg-weakness') && entry.includes('affirmed'))).toBe(true);
  });

  it('reads the warning list on a health page as hypothetical in every chunk', () => {
    const genre = textGenre(HEALTH_PAGE, lexicon);
    const listStart = HEALTH_PAGE.indexOf('numbness around');
    const flags = detectRange(HEALTH_PAGE, listStart, HEALTH_PAGE.length, lexicon, genre).filter((match) => match.redFlagIds.length > 0);
    expect(flags.length).toBeGreaterThan(3);
    expect(new Set(flags.map((match) => match.context))).toEqual(new Set(['hypothetical']));
  });
});
