import { describe, expect, it } from 'vitest';
import { toLexiconSource } from '../../content-data/build';
import { loadKnowledgeBase } from '../../content-data/load';
import { compileLexicon, detect } from '../../lib/detect';
import type { MentionContext } from '../../lib/types';

const lexicon = compileLexicon(toLexiconSource(loadKnowledgeBase()));

/** The context of the red flag `id` in `text`, or 'absent'. */
function redFlagContext(text: string, id: string): MentionContext | 'absent' {
  return detect(text, lexicon).redFlags.find((flag) => flag.id === id)?.context ?? 'absent';
}

describe('detect on forum sentences', () => {
  const cases: [string, string, MentionContext | 'absent'][] = [
    ["I can't hold my pee since yesterday and my back is agony", 'rf-bladder-bowel', 'affirmed'],
    ['Wet myself twice this week, lower back pain for a month.', 'rf-bladder-bowel', 'affirmed'],
    ['No problems with my bladder or bowels, no numbness down there.', 'rf-saddle-numbness', 'negated'],
    ["I didn't lose control of my bladder, thankfully.", 'rf-bladder-bowel', 'negated'],
    ['Seek help if you have: loss of bladder control, numbness down there or weak legs.', 'rf-leg-weakness', 'hypothetical'],
    ['Warning signs include saddle numbness and difficulty passing urine.', 'rf-bladder-bowel', 'hypothetical'],
    ['What if my legs give way on the stairs?', 'rf-leg-weakness', 'hypothetical'],
    ['The physio said to go to A&E if I get numb bum or can\'t pee.', 'rf-saddle-numbness', 'hypothetical'],
    ['My mum had breast cancer and now she has back pain at night.', 'rf-cancer-history', 'other-person'],
    ['A patient of mine presented with leg weakness and back pain.', 'rf-leg-weakness', 'other-person'],
    ['My husband says his legs feel weak after walking.', 'rf-leg-weakness', 'other-person'],
    ['My dad had cancer but I have never had it. My legs feel weak though.', 'rf-leg-weakness', 'affirmed'],
    ["I've lost 8 kg without trying and the back pain wakes me up at night.", 'rf-weight-loss', 'affirmed'],
    ["I've lost 8 kg without trying and the back pain wakes me up at night.", 'rf-night-pain', 'affirmed'],
    ['Denies any saddle anaesthesia.', 'rf-saddle-numbness', 'negated'],
    ['Cauda equina was ruled out, no leg weakness.', 'rf-leg-weakness', 'negated'],
    ['The pain is no longer just in my back, my legs feel weak.', 'rf-leg-weakness', 'affirmed'],
    ['Not only does it ache, I also have numbness in my legs.', 'rf-leg-numbness', 'affirmed'],
    ['Back pain is worse at night and not relieved by rest.', 'rf-rest-pain', 'affirmed'],
    ['I had prostate cancer 5 years ago and now my lower back aches.', 'rf-cancer-history', 'affirmed'],
    ['No history of cancer, just a sore back from lifting.', 'rf-cancer-history', 'negated'],
    ['Can\'t get an erection since the back pain started.', 'rf-sexual-dysfunction', 'affirmed'],
    ["My back aches but I haven't lost any weight and my appetite is fine.", 'rf-weight-loss', 'negated'],
    ['No numbness anywhere and my legs feel normal.', 'rf-leg-weakness', 'negated'],
    ['No numbness anywhere and my legs feel normal.', 'rf-leg-numbness', 'negated'],
    ["Since Friday I'm not walking fine.", 'rf-leg-weakness', 'affirmed'],
    ["My legs aren't fine and my back aches.", 'rf-leg-weakness', 'affirmed'],
    ['No problems with my bladder and walking is normal.', 'rf-leg-weakness', 'negated'],
    ['No problems with my bladder and walking is normal.', 'rf-bladder-bowel', 'negated'],
    ['Carried boxes up the stairs all day and now my back aches.', 'rf-leg-weakness', 'absent'],
    ['Since Sunday I have had to be carried up the stairs.', 'rf-leg-weakness', 'affirmed'],
    ["The weird thing is it doesn't ease when I lie down, lower back agony.", 'rf-rest-pain', 'affirmed'],
    ["It doesn't get better when I lie down and my back is agony.", 'rf-rest-pain', 'affirmed'],
    ['Lower back agony. No better lying down, no better sitting.', 'rf-rest-pain', 'affirmed'],
    ['Contact your cancer team straight away if your legs go weak.', 'rf-leg-weakness', 'hypothetical'],
    ['Back pain for a week and now both legs becoming weak.', 'rf-leg-weakness', 'affirmed'],
    ['That was me last year! Sciatica, pins and needles down to my toes. It went away after physio.', 'rf-leg-numbness', 'negated'],
    ['I had breast cancer five years ago, all clear since, and now my mid back aches.', 'rf-cancer-history', 'affirmed'],
    ['Had breast cancer in 2015, all sorted now. New back pain since June.', 'rf-cancer-history', 'affirmed'],
    ['Upper back pain for weeks. Been losing weight too, not dieting.', 'rf-weight-loss', 'affirmed'],
    ['Numb legs and back pain since Friday. Which settled a bit overnight.', 'rf-leg-numbness', 'affirmed'],
    ["I can't feel my left foot properly and my back hurts.", 'rf-leg-numbness', 'affirmed'],
    ["My back is fine by day but at night it's unbearable.", 'rf-night-pain', 'affirmed'],
    ["Mid back pain and I've dropped a lot of weight.", 'rf-weight-loss', 'affirmed'],
    ['I have numbness down there.\nNo weight loss so far, thankfully.', 'rf-weight-loss', 'negated'],
    ['My weight loss journey: lost 10 kg with walking and no sugar!', 'rf-weight-loss', 'absent'],
    ['My knees go weak when I see him, and my back hurts.', 'rf-leg-weakness', 'absent'],
    ["I'm confused about my back pain diagnosis.", 'rf-high-calcium', 'absent'],
    ['The baby wakes her up at night, so she is shattered.', 'rf-night-pain', 'absent'],
    ["Mum's back pain wakes her up at night.", 'rf-night-pain', 'other-person'],
    ['My leg is going weak and my back hurts.', 'rf-leg-weakness', 'affirmed'],
    ['My wife woke up unable to move her legs properly. She had a bad back for weeks.', 'rf-leg-weakness', 'other-person'],
    ["Lying down makes it worse, not better. It's a deep ache in my back.", 'rf-rest-pain', 'affirmed'],
    ['Three years clear of bowel cancer. Now a constant ache in my lower back.', 'rf-cancer-history', 'affirmed'],
    ['Finished 6 rounds of chemo for ovarian cancer and my lower back has ached since.', 'rf-cancer-history', 'affirmed'],
    ["It's a muscle spasm, GP says, but it's been 8 weeks and it's getting worse not better.", 'rf-progressive-pain', 'affirmed'],
    ['See a GP if the back pain has not improved after 4 weeks.', 'rf-progressive-pain', 'hypothetical'],
    ['Back pain and difficulty controlling my bladder since Sunday.', 'rf-bladder-bowel', 'affirmed'],
    ["His legs feel like they don't belong to him and his back hurts.", 'rf-leg-weakness', 'other-person'],
    ["Haven't slept because the pain wakes me up at night.", 'rf-night-pain', 'affirmed'],
    ['The doctor asked if I had any numbness down there, I said no.', 'rf-saddle-numbness', 'hypothetical'],
    ['The leg weakness has gone now.', 'rf-leg-weakness', 'negated'],
    ['Thankfully no saddle numbness and no incontinence.', 'rf-bladder-bowel', 'negated'],
    ['Mum (76) has had back pain for 8 weeks, now she has lost her appetite.', 'rf-weight-loss', 'other-person'],
    ['Get emergency help if back pain causes new bladder problems.', 'rf-bladder-bowel', 'hypothetical'],
    ['Symptoms include:\n\n• numb legs\n• weak legs\n• trouble peeing', 'rf-bladder-bowel', 'hypothetical'],
    ['I keep weeing myself a little when I cough.', 'rf-bladder-bowel', 'affirmed'],
    ['My legs went from under me in the kitchen.', 'rf-leg-weakness', 'affirmed'],
    ['No numbness, incontinence or weakness in my legs.', 'rf-bladder-bowel', 'negated'],
    ['No numbness, incontinence or weakness in my legs.', 'rf-leg-weakness', 'negated'],
    ['No fever, my legs feel weak.', 'rf-leg-weakness', 'affirmed'],
    ['No numbness, legs feel weak.', 'rf-leg-weakness', 'affirmed'],
    ['Gall bladder problems again, pain goes through to my back.', 'rf-bladder-bowel', 'absent' as MentionContext],
    // Lay wording of long forum posts: word order, slang, US speech, dropped g's, a pronoun in place of "I".
    ['bum numb when I sit on the loo', 'rf-saddle-numbness', 'affirmed'],
    ['my taint feels kinda numb since I did my back', 'rf-saddle-numbness', 'affirmed'],
    ['I keep catching my toes on the stairs since the disc went', 'rf-leg-weakness', 'affirmed'],
    ['peeing feels weird, like i gotta push to get it going', 'rf-bladder-bowel', 'affirmed'],
    ['Mum says her back is agony, worse when she lies down.', 'rf-rest-pain', 'other-person'],
    ['lower back pain that keeps gettin worse, cant lay down without it throbbing', 'rf-rest-pain', 'affirmed'],
    ['lower back pain that keeps gettin worse', 'rf-progressive-pain', 'affirmed'],
    ['its worst at nite, my back is killing me', 'rf-night-pain', 'affirmed'],
    ['ive lost like 15 lbs without trying and my back aches', 'rf-weight-loss', 'affirmed'],
    ["he says his legs feel heavy and he can't feel the floor under his feet", 'rf-leg-numbness', 'other-person'],
    // A part said to work is a sign denied, and a denial reaches back over a short story.
    ['- back pain 7/10\n- bladder ok, bowels ok', 'rf-bladder-bowel', 'negated'],
    ['Back pain and my lady parts feel numb.', 'rf-saddle-numbness', 'affirmed'],
    ['Since my back went, my bum feels a bit odd when I wipe.', 'rf-saddle-numbness', 'affirmed'],
    // What something causes in one person's story is that person's, not a possibility.
    ["Dad's tumour sits low in his spine, which causes him awful pain and means he can hardly walk now.", 'rf-leg-weakness', 'other-person'],
    ['Myeloma can raise the calcium in the blood, which causes bone pain and great thirst.', 'rf-high-calcium', 'hypothetical'],
    // A condition reaches every item of its list, across the commas: "if A, B or C".
    ['She said if my bladder, my bowels or my legs stopped working to phone an ambulance.', 'rf-bladder-bowel', 'hypothetical'],
    ['If it hurts, I lie down or my legs go numb.', 'rf-leg-numbness', 'affirmed'],
    // ...and over a series of short items naming no one, up to what follows from it.
    ['I see many worried patients. If the ache never lets up, is no easier with rest, is bad at night and keeps getting worse, we arrange a scan.', 'rf-night-pain', 'hypothetical'],
    ['I see many worried patients. If the ache never lets up, is no easier with rest, is bad at night and keeps getting worse, we arrange a scan.', 'rf-progressive-pain', 'hypothetical'],
    ['If I sit for an hour, my legs go numb.', 'rf-leg-numbness', 'affirmed'],
    // In a story (a text long enough to tell), a quoted "you" is whom the story is about, unless it asks.
    ['Brian had aches for a year before his scan and a lot of worry about it. The consultant sat him down in a small room. "We think you have cancer in your spine," she said.', 'rf-cancer-history', 'other-person'],
    ['Brian had aches for a year before his scan and a lot of worry about it. The nurse sat him down in a small room. "Do you have any numbness around your bottom?" she asked.', 'rf-saddle-numbness', 'hypothetical'],
    // A sign said to be absent, supposed: "you may be able to walk again" says nothing of anyone's legs now.
    ['You may be able to walk again after a few weeks.', 'rf-leg-weakness', 'hypothetical'],
    ['I have lost the use of my left leg since Sunday.', 'rf-leg-weakness', 'affirmed'],
    // Words that deny a part works ("stopped his legs from working") state the sign; before other signs they deny nothing.
    ['The tumour has stopped his legs from working.', 'rf-leg-weakness', 'other-person'],
    ['Since I stopped running my numb legs are worse.', 'rf-leg-numbness', 'affirmed'],
    ['My right leg has no power at all.', 'rf-leg-weakness', 'affirmed'],
    // "The wee hours" are small, not a bladder's.
    ['My sciatica has been bad for weeks. I have struggled each night, and in the wee hours I just lie there.', 'rf-bladder-bowel', 'absent'],
    ['My sciatica has been bad for weeks. I have struggled to wee since Monday.', 'rf-bladder-bowel', 'affirmed'],
    // "Can't sit long without having to pee": what one cannot do without, happens.
    ["My lower back has been sore since the summer. I can't sit for very long without having to pee, which is new.", 'rf-bladder-bowel', 'affirmed'],
    // "can" supposes on a health page or in a story when no one is its subject; in a personal post it is the writer's.
    ['My dad was told last year that he has prostate cancer, and in the spring they found that it has spread to his bones. A tumour pressing on the spine can keep the legs from working.', 'rf-leg-weakness', 'hypothetical'],
    ['I have had back pain for a month now and it is really getting me down at work. It can get so bad that my legs go numb and I have to sit.', 'rf-leg-numbness', 'affirmed'],
    ["I couldn't straighten my legs or extend them.", 'rf-leg-weakness', 'affirmed'],
    ['My dad has a gait disturbance now.', 'rf-leg-weakness', 'other-person'],
    ['I felt nothing when the nurse touched my foot.', 'rf-leg-numbness', 'affirmed'],
    ["I didn't have any feeling in my right leg after the fall.", 'rf-leg-numbness', 'affirmed'],
    ['By the evening he was unable to void at all.', 'rf-bladder-bowel', 'other-person'],
    // A sign said to be fine shares no word with one said to be there.
    ['There is a lot of back pain in my family and my bladder is fine.', 'rf-bladder-bowel', 'negated'],
    ['Since the op the feeling in her legs is deteriorating again, my sister says.', 'rf-leg-numbness', 'other-person'],
    ["Mum's appetite vanished this spring and her back pain is constant.", 'rf-weight-loss', 'other-person'],
    ['my lower back is shot and my right leg keeps giving out', 'rf-leg-weakness', 'affirmed'],
    ['Call your doctor if you have back pain or pain that wakes you from sleep.', 'rf-night-pain', 'hypothetical'],
    ['Pain that is worse when lying down or at night may be a sign of something serious.', 'rf-rest-pain', 'hypothetical'],
    // One list names two signs: "numbness in your legs, buttocks or genitals".
    ['Tell your team if you notice numbness in your legs, buttocks or genitals.', 'rf-saddle-numbness', 'hypothetical'],
    ['Tell your team if you notice numbness in your legs, buttocks or genitals.', 'rf-leg-numbness', 'hypothetical'],
    ["Back's been bad, and I've lost feeling in my foot.", 'rf-leg-numbness', 'affirmed'],
    ['The pounds just fell off me and my back aches.', 'rf-weight-loss', 'affirmed'],
    ['I wake up at 3am in agony with my back.', 'rf-night-pain', 'affirmed'],
    ['my back is killin me, cant get out of bed lol. prob slept funny. no numbness or nothin', 'rf-leg-numbness', 'negated'],
    ["Back's been sore since I moved house. Mostly when I bend. Took some paracetamol. For the record, no numbness. No weakness either. Peeing normally.", 'rf-leg-weakness', 'negated'],
    ["Back's been sore since I moved house. Mostly when I bend. Took some paracetamol. For the record, no numbness. No weakness either. Peeing normally.", 'rf-bladder-bowel', 'negated'],
    // A named cancer is a cancer history when it is someone's; what a cancer can do is no one's.
    ['The scan showed myeloma and my back has ached ever since.', 'rf-cancer-history', 'affirmed'],
    ['Her lung cancer was found in spring and her back is sore.', 'rf-cancer-history', 'other-person'],
    ['Could my back pain be myeloma?', 'rf-cancer-history', 'hypothetical'],
    ['Lung cancer can spread to the spine and cause back pain.', 'rf-cancer-history', 'hypothetical'],
    // "Have to" is what must be done, not a cancer one has.
    ['My back hurts and I have to see a cancer specialist about my dad.', 'rf-cancer-history', 'absent'],
    ['As a Cancer I am loyal and moody, my horoscope says, and my back aches from yoga.', 'rf-cancer-history', 'absent'],
    // Pain that has lasted a few weeks or longer; a time ago, a short spell or "within" says nothing of how long.
    ["I've had a sore back for about four months now.", 'rf-progressive-pain', 'affirmed'],
    ['My back has hurt since last October.', 'rf-progressive-pain', 'affirmed'],
    ['After several weeks of sciatica I finally saw someone.', 'rf-progressive-pain', 'affirmed'],
    ['I hurt my back three years ago and it healed.', 'rf-progressive-pain', 'absent'],
    ['My back ached for a couple of days.', 'rf-progressive-pain', 'absent'],
    ['My back ached for two weeks.', 'rf-progressive-pain', 'absent'],
    ['Most back pain settles within six weeks.', 'rf-progressive-pain', 'absent'],
    // A personal story told in the past that ends in a recovery: its signs are over, unless still so or too recent.
    ['I could not walk and my legs were numb before the operation. The surgery was a success and I am back to normal.', 'rf-leg-weakness', 'negated'],
    ['My left foot was numb for a while. The surgery was a success, but my right foot is still numb.', 'rf-leg-numbness', 'affirmed'],
    ['My legs went numb last night. Feeling much better now.', 'rf-leg-numbness', 'affirmed'],
    ['My legs gave way on the stairs and I fell. I have not fully recovered.', 'rf-leg-weakness', 'affirmed'],
    ['My legs gave way on the stairs and I fell. Then she made a full recovery.', 'rf-leg-weakness', 'affirmed'],
    // A yes/no question at the end of a sentence asks about what it names, not about what was said before it.
    ['My back has been sore for months, could it be cancer in my spine?', 'rf-cancer-history', 'hypothetical'],
    ['My back has been sore for months, could it be cancer in my spine?', 'rf-progressive-pain', 'affirmed'],
    ['I am frightened that the cancer has reached my bones.', 'rf-cancer-history', 'hypothetical'],
    // Inability said with a negated "able", legs that will not move, a leg that falls asleep, pain on lying down.
    ["I haven't been able to lift my left foot since Tuesday.", 'rf-leg-weakness', 'affirmed'],
    ["This morning my legs just wouldn't move when I tried to stand.", 'rf-leg-weakness', 'affirmed'],
    ['My right foot keeps falling asleep and my lower back aches.', 'rf-leg-numbness', 'affirmed'],
    ['My back hurts when I lie down, every single time.', 'rf-rest-pain', 'affirmed'],
    ['Back when I was lying on a beach in Spain my back was fine; it aches now.', 'rf-rest-pain', 'absent'],
    ['A biopsy found a tumour in my lung and my back aches.', 'rf-cancer-history', 'affirmed'],
    // A "when" told in the past tells what happened; told in the present, it supposes a case.
    ['When my legs went numb I rang 111.', 'rf-leg-numbness', 'affirmed'],
    ['Ring 111 when the pain keeps getting worse.', 'rf-progressive-pain', 'hypothetical'],
    // "Very little" of a symptom denies it; very little feeling is numbness.
    ['Very little numbness in my feet this week, the physio helped.', 'rf-leg-numbness', 'negated'],
    ['I have hardly any feeling in my left foot.', 'rf-leg-numbness', 'affirmed'],
    // Weight lost in order to lose it; a back pain that "persisted"; nights spent tossing and turning.
    ['I cut out sugar in order to lose weight, and lost 6 kg. My back aches.', 'rf-weight-loss', 'absent'],
    ['My back went again in March and this time it persisted.', 'rf-progressive-pain', 'affirmed'],
    ['Most nights I am tossing and turning with the back pain.', 'rf-night-pain', 'affirmed'],
    ['Since the back operation my dad has to wear incontinence pads.', 'rf-bladder-bowel', 'other-person'],
    ['My back hurts and I suddenly needed to wee, I nearly did not make it.', 'rf-bladder-bowel', 'affirmed'],
    // Sensation said to be normal denies numbness; said not to be, states it. "Don't" denies; "don't know why" does not.
    ['Since the disc went, the skin between my legs does not have normal sensation.', 'rf-saddle-numbness', 'affirmed'],
    ['The feeling in my groin is normal, only my back aches.', 'rf-saddle-numbness', 'negated'],
    ["My legs don't feel normal, and my back hurts.", 'rf-leg-numbness', 'affirmed'],
    ["My legs don't go numb, it is just my back.", 'rf-leg-numbness', 'negated'],
    ["I don't know why my legs are numb.", 'rf-leg-numbness', 'affirmed'],
  ];
  it.each(cases)('%s -> %s is %s', (text, id, context) => {
    expect(redFlagContext(text, id)).toBe(context);
  });
});

describe('detect never matches confusables', () => {
  const confusables = [
    'Our backup ran overnight and I had to roll back the release.',
    "I'll come back to this thread later; back home now.",
    'The chair has good lumbar support.',
    'The spine of the book is cracked.',
    'File compression makes the upload faster.',
    'Red flag for me in this job ad: backend role, back office.',
    'Please record the cord length in the notes.',
    'She got back from the gym and went to bed.',
    'Being numb to the news is normal, my friend said.',
    'The CES trade show is in January.',
    'He scored in the NHL playoffs.',
    'Set a reminder to back up your phone; it will be back soon.',
    'The compression ratio of this codec is great.',
    'Too many options lead to analysis paralysis.',
    'He spent a month in drug rehab.',
    'Good posture matters when you present on stage.',
    'A yoga and pilates studio opens downtown.',
    'The electric shock warning label is missing.',
    "I'll get back to you tomorrow. Honestly I feel numb about the whole thing.",
    'Is this a cancel culture thing?',
    'physio_dan wrote: thanks! Physio2go has videos.',
    'Lost 10 kg this year with the gym, so proud! Back squats up to 100 kg.',
    'Gentle flow: hip openers and a hamstring stretch the teacher calls sciatic flossing.',
    'He has no spine when his mum is around. Dating red flags, lol.',
    'Chicken backs and necks make the best broth; the backbone gives it body.',
    'We met at the charity run; she works in cancer research.',
    'Glue the mull across the spine. If your fingers go numb after an hour of this, take a break.',
    'Marked the bothy on the map. The night was freezing and I couldn\'t feel my fingers.',
    'PLEASE HELP MY BACK HAS BEEN BAD BUT NOW ITS LIKE SITTING ON A BIKE SADDLE',
    // Odd is a feeling only when it is felt; "a bit" is not the lay word for the genitals; a mobile can be a phone.
    'It was a bit odd that she rang from her mobile so early.',
    'The bottom line is that this year feels different.',
    'The saddle on my new bike feels different.',
    'We skied all morning in a cold snap. By noon my fingers and toes had gone numb.',
    "It's difficult to explain, but I walked to the station and back.",
    // Falling asleep is the person's, a leg asleep from kneeling is the posture's, and a simile compares.
    'I had trouble falling asleep because my legs were restless after the walk.',
    'After kneeling for an hour my foot fell asleep.',
    'It tickles, like when your foot falls asleep.',
  ];
  it.each(confusables)('%s', (text) => {
    expect(detect(text, lexicon).matches).toEqual([]);
  });
});

describe('detect reads for signs only a text that speaks of health', () => {
  it('finds nothing on a page about gear, however its words look', () => {
    const gear = 'The new hydration pack holds three litres. Its bladder can leak at the seam, so check the cap before every ride and keep it out of the sun on a long climb.';
    expect(detect(gear, lexicon).matches).toEqual([]);
  });
  it('still reads a frightened post that names no doctor and no pain, only what is happening', () => {
    const post = 'WOKE UP AND I CANT FEEL MY LEGS PROPERLY, HAVENT BEEN ABLE TO PEE SINCE LAST NIGHT AND IT IS NUMB DOWN THERE. WHAT IS HAPPENING TO ME';
    expect(detect(post, lexicon).urgency).toBe('emergency');
  });
});

describe('detect results', () => {
  it('reads a back too sore to get out of bed as pain, not weak legs; legs that gave way getting up are weak', () => {
    expect(detect("Couldn't get out of bed this morning, my back went into spasm.", lexicon).redFlags).toEqual([]);
    expect(redFlagContext('My legs gave way when I tried to get out of bed.', 'rf-leg-weakness')).toBe('affirmed');
  });

  it('matches a phrase of little words but one word for word: "sitting still" is not any sitting, "a lot" no lot', () => {
    expect(detect('My back pain is worse when sitting at my desk all day.', lexicon).redFlags).toEqual([]);
    expect(detect('My back pain is worse when I keep still.', lexicon).redFlags.map((flag) => flag.id)).toContain('rf-rest-pain');
  });

  it('reports offsets into the original text and the matched text', () => {
    const text = 'Ugh.  My SCIATICA is back.';
    const [match] = detect(text, lexicon).matches;
    expect(match).toMatchObject({ text: 'SCIATICA', termId: 'sciatica', topicIds: ['sciatica'], context: 'affirmed' });
    expect(text.slice(match!.start, match!.end)).toBe('SCIATICA');
  });

  it('matches through invisible characters and full-width letters, offsets on the page text', () => {
    for (const written of ['sci\u00adatica', 'sci\u200bat\u200dica', 'ｓｃｉａｔｉｃａ', 'numb\u00adness down th\u200bere']) {
      const text = `Since Monday I have ${written}.`;
      const [match] = detect(text, lexicon).matches;
      expect(match, written).toBeDefined();
      expect(text.slice(match!.start, match!.end)).toBe(written);
      expect(match!.text).toBe(written);
    }
    expect(detect('I have numb\u00adness down th\u200bere.', lexicon).urgency).toBe('emergency');
  });

  it('counts only affirmed red flags towards the urgency', () => {
    expect(detect('If I lose bladder control I will go to A&E. Sciatica for now.', lexicon).urgency).toBe('routine');
    expect(detect('I have lost bladder control and my back hurts.', lexicon).urgency).toBe('emergency');
    expect(detect('Nice weather today.', lexicon).urgency).toBe('none');
  });

  it('reads the warning lists of a health page as hypothetical', () => {
    const page = [
      'Call 999 or go to A&E if you have back pain and:',
      'numbness around your bottom or genitals',
      'cannot pee',
      'loss of feeling in one or both legs',
      '',
      'See a GP if:',
      'you have lost weight without trying',
      '',
      'Back pain is often caused by a pulled muscle.',
    ].join('\n');
    const detection = detect(page, lexicon);
    expect(detection.redFlags.map((flag) => flag.context)).toEqual(['hypothetical', 'hypothetical', 'hypothetical', 'hypothetical']);
    expect(detection.urgency).toBe('routine');
  });

  it('raises the urgency for combinations', () => {
    const detection = detect('I had breast cancer. Now I have numb legs and back pain.', lexicon);
    expect(detection.urgency).toBe('emergency');
    expect(detection.reasons[0]!.redFlagIds.sort()).toEqual(['rf-cancer-history', 'rf-leg-numbness']);
  });

  it('keeps the strongest context per red flag: affirmed over the others', () => {
    const detection = detect('No numbness in my legs yesterday. Today my legs went numb.', lexicon);
    expect(detection.redFlags).toEqual([{ id: 'rf-leg-numbness', context: 'affirmed', experiencer: 'writer' }]);
  });

  it('copes with hostile text: one huge word, control characters, markup, astral characters', () => {
    expect(detect('a'.repeat(1_000_000), lexicon).matches).toEqual([]);
    const hostile = '<script>alert(1)</script>\u0000\u202e🙂 𝔰𝔠𝔦𝔞𝔱𝔦𝔠𝔞 sciatica\uFFFF';
    const [match] = detect(hostile, lexicon).matches;
    expect(match).toMatchObject({ text: 'sciatica', termId: 'sciatica' });
  });

  it('lists topics most mentioned first', () => {
    expect(detect('Sciatica, sciatica, siatica and an MRI.', lexicon).topics).toEqual(['sciatica', 'evaluating-back-pain']);
  });
});
