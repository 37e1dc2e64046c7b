import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../content-data/load';
import { assignContexts, compileContext } from '../../lib/context';
import { tokenize } from '../../lib/text';

const context = compileContext(loadKnowledgeBase().context);

/** The context of the first occurrence of `phrase` in `text`, treated as one match (a symptom unless `lasting`). */
function contextOf(text: string, phrase: string, lasting = false): string {
  const tokens = tokenize(text);
  const start = text.indexOf(phrase);
  const end = start + phrase.length;
  let firstToken = -1;
  let endToken = -1;
  for (let i = 0; i < tokens.count; i++) {
    if (tokens.starts[i]! >= start && firstToken < 0) firstToken = i;
    if (tokens.ends[i]! <= end) endToken = i + 1;
  }
  return assignContexts(tokens, [{ firstToken, endToken, lasting }], context)[0]!.context;
}

describe('negation', () => {
  it.each([
    ["I don't think I've got any numbness but my back hurts", 'numbness'],
    ['Dr asked about numbness in my legs, there isn\'t any.', 'numbness in my legs'],
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

  it.each([
    ['I lost 10 kg on purpose this year', 'lost 10 kg'],
    ['Lost a stone by dieting', 'Lost a stone'],
  ])('weight lost on purpose: %s', (text, phrase) => expect(contextOf(text, phrase)).toBe('negated'));

  it('stops after the window of tokens', () => {
    expect(contextOf('No idea why but after six long weeks of physio my legs give way', 'legs give way')).toBe('affirmed');
  });
});

describe('resolved symptoms', () => {
  it.each([
    ['Had a slipped disc in 2015 with numbness down my leg, all sorted after surgery.', 'numbness down my leg'],
    ['Pins and needles in my feet for weeks, cleared up after physio.', 'Pins and needles'],
    ["Sciatica for months, pins and needles to my toes. It went away completely and I've been fine since.", 'pins and needles'],
    ['Numb legs all spring. That cleared up by June.', 'Numb legs'],
    ['Years ago I had sciatica with numb toes but it cleared up with physio.', 'numb toes'],
  ])('%s', (text, phrase) => expect(contextOf(text, phrase)).toBe('negated'));

  it.each([
    ['Had breast cancer in 2015, all sorted after surgery.', 'breast cancer'],
    ['Breast cancer five years ago. It went away with treatment.', 'Breast cancer'],
  ])('a history stays affirmed: %s', (text, phrase) => expect(contextOf(text, phrase, true)).toBe('affirmed'));

  it.each([
    ['Numb legs since Monday. My appetite has gone too.', 'Numb legs'],
    ['Numb legs since Monday. Then my bladder went weird.', 'Numb legs'],
    ['My legs went numb last night. It is still there.', 'legs went numb'],
    ['My legs are numb but the back pain went away.', 'legs are numb'],
  ])('only a resolution of the same thing, or one opened by "it": %s', (text, phrase) =>
    expect(contextOf(text, phrase)).toBe('affirmed'),
  );
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
    ['Numbness in both legs, or pain that keeps getting worse, should be checked by a doctor.', 'Numbness in both legs'],
    ['New leg weakness needs urgent assessment.', 'leg weakness'],
    ['Hypercalcaemia can cause thirst and confusion.', 'Hypercalcaemia'],
    ['Numbness in your bum or not being able to pee with back pain = go to A&E, do not wait.', 'not being able to pee'],
  ])('%s', (text, phrase) => expect(contextOf(text, phrase)).toBe('hypothetical'));

  it('a fact introduced by "the thing is it" is not a question', () => {
    expect(contextOf("The weird thing is it doesn't ease when I lie down", "doesn't ease when I lie down")).toBe('affirmed');
    expect(contextOf("Is it bad that it doesn't ease when I lie down", "doesn't ease when I lie down")).toBe('hypothetical');
  });
  it('"what bothers me is it ..." states a fact', () => {
    expect(contextOf('The thing that bothers me is it wakes me up at night', 'wakes me up at night')).toBe('affirmed');
  });
  it('a sign asked about is not yet a sign had', () => {
    expect(contextOf('The GP asked about numbness in my legs.', 'numbness in my legs')).toBe('hypothetical');
  });
  it('a check-up the reader is told to get is still their own symptom', () => {
    expect(contextOf('My legs are numb and I think it should be checked', 'legs are numb')).toBe('affirmed');
    expect(contextOf('My legs are numb so I will go to A&E', 'legs are numb')).toBe('affirmed');
  });

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
    ["Our dog's back legs have gone weak", 'legs have gone weak'],
    ["My mum's legs feel weak", 'legs feel weak'],
    ['A patient of mine has saddle numbness', 'saddle numbness'],
    ['He was diagnosed with myeloma', 'myeloma'],
    ['his legs keep giving way', 'legs keep giving way'],
    ['She said her back aches all night', 'aches all night'],
    ['Family history of breast cancer', 'breast cancer'],
    ['My 80 year old mum has numb legs', 'numb legs'],
    ['He was diagnosed last year. The backache got worse.', 'backache'],
    ["Mum's got secondary breast cancer in her bones", 'breast cancer'],
    ['My gran has stomach cancer', 'stomach cancer'],
    ['DH has numb legs since Friday', 'numb legs'],
    ["He drags his foot, his back's been bad since xmas. 74, had prostate cancer years ago.", 'prostate cancer'],
  ])('%s', (text, phrase) => expect(contextOf(text, phrase)).toBe('other-person'));

  it.each([
    ['My dad had cancer and I have sciatica', 'sciatica'],
    ['My GP said he thinks it is sciatica', 'sciatica'],
    ['My wife is great. I have numb legs.', 'numb legs'],
    ['He was diagnosed last year. I have numb legs.', 'numb legs'],
    ['Mum of 3 here. Numb legs since Friday.', 'Numb legs'],
    ['As a dad, numb legs are scary.', 'numb legs'],
  ])('stops at the reader: %s', (text, phrase) => expect(contextOf(text, phrase)).toBe('affirmed'));

  it('carries over at most three sentences', () => {
    const text = 'My dad is 80. He walks daily. Sleeps well. Eats well. Reads. Numb legs today.';
    expect(contextOf(text, 'Numb legs')).toBe('affirmed');
  });
});

describe('a negation inside a condition', () => {
  it('is part of what is supposed: "if I wasn\'t incontinent" asks, it does not deny', () => {
    expect(contextOf("The nurse asked whether, if I had not been incontinent before, it began after the op.", 'incontinent')).toBe('hypothetical');
  });
  it('does not reach a denial after the mention', () => {
    expect(contextOf("The doctor asked about numbness in my legs, there isn't any.", 'numbness in my legs')).toBe('negated');
  });
});

describe('what the writer is told', () => {
  it('is not the writer\'s when it names no one: the writer only listened', () => {
    const text = 'I sat with my husband in the clinic. The surgeon came over to me and informed me that there was cancer in the spine.';
    expect(contextOf(text, 'cancer in the spine')).toBe('other-person');
  });
  it('is the writer\'s when it says so', () => {
    expect(contextOf('The surgeon told me that there is cancer in my spine.', 'cancer in my spine')).toBe('affirmed');
  });
});

describe('precedence and cues inside matches', () => {
  it('prefers negated over other-person', () => {
    expect(contextOf('My dad has no numbness', 'numbness')).toBe('negated');
  });
  it('negates a frame that says the part works, and affirms it when that is denied', () => {
    // The frame's words are "bladder" and "ok": a cue between them counts.
    const verdict = (text: string) => {
      const tokens = tokenize(text);
      const [bladder, ok] = [tokens.keys.indexOf('bladder'), tokens.keys.indexOf('ok')];
      const slots: [number, number][] = [[bladder, bladder + 1], [ok, ok + 1]];
      return assignContexts(tokens, [{ firstToken: bladder, endToken: ok + 1, absent: true, slots }], context)[0]!.context;
    };
    expect(verdict('Bladder ok')).toBe('negated');
    expect(verdict("Bladder isn't ok")).toBe('affirmed');
    expect(verdict('Watch for bladder ok')).toBe('hypothetical');
  });
  it('ignores a trigger inside the match itself', () => {
    expect(contextOf('Pain not better with rest', 'not better with rest')).toBe('affirmed');
  });
  it('ignores a trigger that is part of another match', () => {
    const text = 'Not better with rest and my legs are numb';
    const tokens = tokenize(text);
    const verdicts = assignContexts(
      tokens,
      [
        { firstToken: 0, endToken: 4 },
        { firstToken: 6, endToken: 9 },
      ],
      context,
    );
    expect(verdicts.map((verdict) => verdict.context)).toEqual(['affirmed', 'affirmed']);
  });
  it('handles no spans and empty text', () => {
    expect(assignContexts(tokenize(''), [], context)).toEqual([]);
  });
});
