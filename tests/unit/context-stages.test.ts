/**
 * Each context stage alone, on the tiny rule set of the fixtures: what a stage does follows from
 * the rules it is given, not from the project's lists.
 */
import { describe, expect, it } from 'vitest';
import { compileContext } from '../../lib/context';
import { inLeadInBlocks } from '../../lib/context/blocks';
import { overByEnding } from '../../lib/context/endings';
import { genreOf } from '../../lib/context/genre';
import { resolveScopes, type TokenSpan } from '../../lib/context/scope';
import { readVoices } from '../../lib/context/voice';
import { tokenize, type Tokens } from '../../lib/text';
import { TINY_CONTEXT } from '../fixtures/context-data';

const tiny = compileContext(TINY_CONTEXT);

/** The token span of the first `phrase` in `tokens`' text. */
function spanOf(text: string, tokens: Tokens, phrase: string): TokenSpan {
  const start = text.indexOf(phrase);
  const end = start + phrase.length;
  let firstToken = -1;
  let endToken = -1;
  for (let i = 0; i < tokens.count; i++) {
    if (firstToken < 0 && tokens.starts[i]! >= start) firstToken = i;
    if (tokens.ends[i]! <= end) endToken = i + 1;
  }
  return { firstToken, endToken };
}

function scopeOf(text: string, phrase: string): string | null {
  const tokens = tokenize(text);
  return resolveScopes(tokens, [spanOf(text, tokens, phrase)], tiny.cues, new Set(), 'personal')[0]!;
}

describe('scope stage (ConText cues)', () => {
  it('governs forward within the rule’s reach', () => {
    expect(scopeOf('There is no pain in my leg.', 'pain')).toBe('negated');
    expect(scopeOf('If the pain spreads, ring.', 'pain')).toBe('hypothetical');
    expect(scopeOf('The pain is here.', 'pain')).toBeNull();
  });

  it('governs nothing where its clause holds a word that undoes the rule', () => {
    expect(scopeOf('When the pain gets bad, ring.', 'pain')).toBe('hypothetical');
    expect(scopeOf('When the pain got bad I rang.', 'pain')).toBeNull();
    // Only the cue's own clause counts.
    expect(scopeOf('When the pain gets bad, ring, as I got told.', 'pain')).toBe('hypothetical');
  });
  it('stops at a terminating cue and at the maximum scope', () => {
    expect(scopeOf('No fever but the pain is bad.', 'pain')).toBeNull();
    expect(scopeOf('No one two three four five six pain.', 'pain')).toBeNull();
  });
  it('lets a pseudo-trigger hide the cue inside it', () => {
    expect(scopeOf('No doubt the pain is real.', 'pain')).toBeNull();
  });
  it('knows only the cues it was given', () => {
    expect(scopeOf('I deny any pain.', 'pain')).toBeNull();
  });
});

function voiceOf(text: string, phrase: string) {
  const tokens = tokenize(text);
  return readVoices(tokens, [spanOf(text, tokens, phrase)], tiny, 'personal').voices[0]!;
}

describe('voice stage (whose a mention is)', () => {
  it('follows another person through pronouns until the writer speaks of themself', () => {
    expect(voiceOf('My mum fell. Now she has numb legs.', 'numb legs')).toMatchObject({ experiencer: 'other', person: 'mum' });
    expect(voiceOf('My mum fell. I have numb legs.', 'numb legs')).toMatchObject({ experiencer: 'writer' });
  });
  it('tells a question and advice', () => {
    expect(voiceOf('Is it numb legs?', 'numb legs').question).toBe(true);
    expect(voiceOf('Call the doctor about numb legs.', 'numb legs').advice).toBe(true);
  });
  it('reads a relation it was not given as no one', () => {
    expect(voiceOf('My aunt has numb legs.', 'numb legs')).toMatchObject({ experiencer: 'writer' });
  });
});

describe('blocks stage (lead-ins)', () => {
  const text = 'Warning signs:\n- numb legs\n- weak legs\nI had those once.\n- cold feet';
  const tokens = tokenize(text);
  const firstTokens = ['numb legs', 'weak legs', 'cold feet'].map((phrase) => spanOf(text, tokens, phrase).firstToken);

  it('governs the items under a lead-in, up to the writer’s own words', () => {
    const writerLine = (first: number, end: number) => tokens.keys.slice(first, end).includes('i');
    expect(inLeadInBlocks(tokens, firstTokens, tiny.leadIns, writerLine)).toEqual([true, true, false]);
  });
  it('governs nothing without the lead-in phrase', () => {
    const other = 'Some notes:\n- numb legs';
    const otherTokens = tokenize(other);
    expect(inLeadInBlocks(otherTokens, [spanOf(other, otherTokens, 'numb').firstToken], tiny.leadIns, () => false)).toEqual([false]);
  });
});

describe('endings stage (an episode that is over)', () => {
  const overOf = (text: string, phrase: string) => {
    const tokens = tokenize(text);
    return overByEnding(tokens, [spanOf(text, tokens, phrase)], tiny)[0];
  };
  it('ends what a sentence told in the past said, once a later one says the writer recovered', () => {
    expect(overOf('My leg was numb. I fully recovered.', 'numb')).toBe(true);
    expect(overOf('My leg numbed. I fully recovered.', 'numb')).toBe(true);
  });
  it('leaves what is told as still so, too recent, after the recovery, or a recovery denied', () => {
    expect(overOf('My leg is numb. I fully recovered.', 'numb')).toBe(false);
    expect(overOf('My leg was still numb. I fully recovered.', 'numb')).toBe(false);
    expect(overOf('My leg was numb yesterday. I fully recovered.', 'numb')).toBe(false);
    expect(overOf('I fully recovered. My leg was numb.', 'numb')).toBe(false);
    expect(overOf('My leg was numb. I have not fully recovered.', 'numb')).toBe(false);
    expect(overOf('My leg was numb. Then mum fully recovered.', 'numb')).toBe(false);
  });
  it('knows only the recoveries it was given', () => {
    expect(overOf('My leg was numb. I made a full recovery.', 'numb')).toBe(false);
  });
});

describe('genre stage', () => {
  const filler = 'the back and the spine and the muscles and the nerves are all part of it. ';
  it('reads first-person prose as personal, third-person as a story, neither as information', () => {
    expect(genreOf(tokenize(`I hurt my back and my legs ache. ${filler.repeat(3)}`), tiny.genreKeys)).toBe('personal');
    expect(genreOf(tokenize(`She hurt her back and her legs ache. ${filler.repeat(3)}`), tiny.genreKeys)).toBe('story');
    expect(genreOf(tokenize(filler.repeat(4)), tiny.genreKeys)).toBe('info');
    expect(genreOf(tokenize('numb legs'), tiny.genreKeys)).toBe('snippet');
  });
  it('reads a text that names people in general more than its writer as information (a clinician writing)', () => {
    const clinician = `I see people with back pain every week. Most people get better, and people worry. ${filler.repeat(3)}`;
    expect(genreOf(tokenize(clinician), tiny.genreKeys)).toBe('info');
    expect(genreOf(tokenize(`I hurt my back and I worry, people say it gets better. ${filler.repeat(3)}`), tiny.genreKeys)).toBe('personal');
  });
});
