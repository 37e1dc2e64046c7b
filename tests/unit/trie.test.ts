import { describe, expect, it } from 'vitest';
import { createTrie, insertPhrase, longestAt, scanPhrases } from '../../lib/match/trie';

const keys = (text: string) => text.split(' ');

describe('the phrase trie', () => {
  it('finds the longest phrase at a token, and only phrases that start there', () => {
    const trie = createTrie<string>();
    insertPhrase(trie, keys('back'), 'back');
    insertPhrase(trie, keys('back pain'), 'back pain');
    insertPhrase(trie, keys('lower back pain'), 'lower back pain');
    const text = keys('my lower back pain and back ache');
    expect(longestAt(trie, text, 1)).toEqual({ value: 'lower back pain', end: 4 });
    expect(longestAt(trie, text, 2)).toEqual({ value: 'back pain', end: 4 });
    expect(longestAt(trie, text, 5)).toEqual({ value: 'back', end: 6 });
    expect(longestAt(trie, text, 0)).toBeUndefined();
    expect(longestAt(trie, text, 3)).toBeUndefined();
  });

  it('keeps a phrase’s values in the order first inserted, each once, and takes the first that is accepted', () => {
    const trie = createTrie<string>();
    insertPhrase(trie, keys('leg pain'), 'first');
    insertPhrase(trie, keys('leg pain'), 'second');
    insertPhrase(trie, keys('leg pain'), 'first');
    insertPhrase(trie, keys('leg'), 'leg');
    const text = keys('leg pain');
    expect(longestAt(trie, text, 0)?.value).toBe('first');
    expect(longestAt(trie, text, 0, (value) => value !== 'first')?.value).toBe('second');
    // `accept` is told where the phrase would end: refusing the long one falls back to the short.
    expect(longestAt(trie, text, 0, (_value, end) => end < 2)).toEqual({ value: 'leg', end: 1 });
  });

  it('finds a word at the root and under any number of other words, whatever order they came in', () => {
    const trie = createTrie<number>();
    // "pain" is inserted under many parents before it is a phrase of its own, then under more.
    const before = ['back', 'leg', 'nerve', 'neck', 'hip', 'knee', 'shoulder', 'chest', 'joint'];
    before.forEach((word, i) => insertPhrase(trie, [word, 'pain'], i));
    insertPhrase(trie, ['pain'], 100);
    insertPhrase(trie, ['arm', 'pain'], 200);
    insertPhrase(trie, ['back', 'pain', 'worse'], 300);
    before.forEach((word, i) => expect(longestAt(trie, [word, 'pain'], 0)).toEqual({ value: i, end: 2 }));
    expect(longestAt(trie, ['pain'], 0)).toEqual({ value: 100, end: 1 });
    expect(longestAt(trie, ['arm', 'pain'], 0)).toEqual({ value: 200, end: 2 });
    expect(longestAt(trie, keys('back pain worse'), 0)).toEqual({ value: 300, end: 3 });
    expect(longestAt(trie, keys('pain worse'), 0)).toEqual({ value: 100, end: 1 });
    expect(longestAt(trie, ['arm'], 0)).toBeUndefined();
  });

  it('scans left to right without overlaps, resuming after each hit, phrases running past the end', () => {
    const trie = createTrie<string>();
    for (const phrase of ['numb', 'numb legs', 'legs', 'weak']) insertPhrase(trie, keys(phrase), phrase);
    const text = keys('numb legs and weak legs');
    expect(scanPhrases(trie, text).map((hit) => [hit.value, hit.start, hit.end])).toEqual([
      ['numb legs', 0, 2],
      ['weak', 3, 4],
      ['legs', 4, 5],
    ]);
    expect(scanPhrases(trie, text, 0, 1).map((hit) => [hit.value, hit.start, hit.end])).toEqual([['numb legs', 0, 2]]);
  });
});
