import { describe, expect, it } from 'vitest';
import { assignContexts } from '../../lib/context';
import { tokenize } from '../../lib/text';

/** The context of the first occurrence of `phrase` in `text`, treated as one match. */
function contextOf(text: string, phrase: string): string {
  const tokens = tokenize(text);
  const start = text.indexOf(phrase);
  const end = start + phrase.length;
  let firstToken = -1;
  let endToken = -1;
  for (let i = 0; i < tokens.count; i++) {
    if (tokens.starts[i]! >= start && firstToken < 0) firstToken = i;
    if (tokens.ends[i]! <= end) endToken = i + 1;
  }
  return assignContexts(tokens, [{ firstToken, endToken }])[0]!;
}

describe('negation', () => {
  it.each([
    ['No numbness, no tingling.', 'tingling'],
    ['I deny any leg weakness.', 'leg weakness'],
    ["I don't have any weakness in my legs", 'weakness in my legs'],
    ["I didn't lose bladder control", 'lose bladder control'],
    ['Never had cancer in my life', 'cancer'],
    ['Free of numbness since the op', 'numbness'],
    ['Negative for cauda equina', 'cauda equina'],
    ['Cauda equina was ruled out', 'Cauda equina'],
    ['Cauda equina ruled out', 'Cauda equina'],
    ['They ruled out cauda equina', 'cauda equina'],
    ['Numbness has gone now', 'Numbness'],
    ['I used to have night pain', 'night pain'],
    ['The night pain has settled down', 'night pain'],
    ['I no longer have sciatica', 'sciatica'],
  ])('%s', (text, phrase) => expect(contextOf(text, phrase)).toBe('negated'));

  it.each([
    ['No pain at first, but now numb legs.', 'numb legs'],
    ['No doubt about it: numb legs', 'numb legs'],
    ['I no longer have sciatica... kidding, numb legs again', 'numb legs'],
    ['No. My legs are numb.', 'legs are numb'],
    ['Not only back pain, my legs are numb', 'legs are numb'],
    ['no fever, no cough, lost feeling down there', 'lost feeling down there'],
  ])('scope ends or pseudo-trigger: %s', (text, phrase) => expect(contextOf(text, phrase)).toBe('affirmed'));

  it('stops after the window of tokens', () => {
    expect(contextOf('No idea why but after six long weeks of physio my legs give way', 'legs give way')).toBe('affirmed');
  });
});

describe('hypothetical', () => {
  it.each([
    ['If I lose bladder control I will go to A&E', 'lose bladder control'],
    ['Watch for numbness in the saddle area, weak legs or trouble peeing', 'trouble peeing'],
    ['Symptoms of cauda equina include saddle numbness, incontinence and leg weakness.', 'leg weakness'],
    ['Seek help if you have:\n- numb legs\n- trouble peeing', 'trouble peeing'],
    ['What are the symptoms of spinal cord compression?', 'spinal cord compression'],
    ['Could it be sciatica?', 'sciatica'],
    ['I am worried about cauda equina', 'cauda equina'],
    ['Get emergency help if back pain: causes new bladder problems, or numb legs', 'numb legs'],
    ['It can make you very thirsty', 'very thirsty'],
    ['Does sciatica ever cause incontinence?', 'incontinence'],
    ['Some people get numb legs after surgery', 'numb legs'],
    ['I read that saddle numbness is a sign of CES', 'saddle numbness'],
    ['Saddle numbness is a red flag', 'Saddle numbness'],
  ])('%s', (text, phrase) => expect(contextOf(text, phrase)).toBe('hypothetical'));

  it('ends at a new sentence', () => {
    expect(contextOf('Watch for signs. My legs are numb.', 'legs are numb')).toBe('affirmed');
  });
  it('a generic "you" ends at the reader', () => {
    expect(contextOf('I told you my legs are numb', 'legs are numb')).toBe('affirmed');
  });
  it('ends at "but"', () => {
    expect(contextOf("If it gets worse I'll call, but right now my legs are numb", 'legs are numb')).toBe('affirmed');
  });
});

describe('other person', () => {
  it.each([
    ['My dad had prostate cancer', 'prostate cancer'],
    ["My mum's legs feel weak", 'legs feel weak'],
    ['A patient of mine has saddle numbness', 'saddle numbness'],
    ['He was diagnosed with myeloma', 'myeloma'],
    ['his legs keep giving way', 'legs keep giving way'],
    ['She said her back aches all night', 'aches all night'],
    ['Family history of breast cancer', 'breast cancer'],
    ['My 80 year old mum has numb legs', 'numb legs'],
    ['He was diagnosed last year. The backache got worse.', 'backache'],
  ])('%s', (text, phrase) => expect(contextOf(text, phrase)).toBe('other-person'));

  it.each([
    ['My dad had cancer and I have sciatica', 'sciatica'],
    ['My GP said he thinks it is sciatica', 'sciatica'],
    ['My wife is great. I have numb legs.', 'numb legs'],
    ['He was diagnosed last year. I have numb legs.', 'numb legs'],
  ])('stops at the reader: %s', (text, phrase) => expect(contextOf(text, phrase)).toBe('affirmed'));

  it('carries over at most three sentences', () => {
    const text = 'My dad is 80. He walks daily. Sleeps well. Eats well. Reads. Numb legs today.';
    expect(contextOf(text, 'Numb legs')).toBe('affirmed');
  });
});

describe('precedence and cues inside matches', () => {
  it('prefers negated over other-person', () => {
    expect(contextOf('My dad has no numbness', 'numbness')).toBe('negated');
  });
  it('ignores a trigger inside the match itself', () => {
    expect(contextOf('Pain not better with rest', 'not better with rest')).toBe('affirmed');
  });
  it('ignores a trigger that is part of another match', () => {
    const text = 'Not better with rest and my legs are numb';
    const tokens = tokenize(text);
    const contexts = assignContexts(tokens, [
      { firstToken: 0, endToken: 4 },
      { firstToken: 6, endToken: 9 },
    ]);
    expect(contexts).toEqual(['affirmed', 'affirmed']);
  });
  it('handles no spans and empty text', () => {
    expect(assignContexts(tokenize(''), [])).toEqual([]);
  });
});
