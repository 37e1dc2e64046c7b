import { describe, expect, it } from 'vitest';
import { DetectionPacker, packDetection, unpackDetection } from '../../lib/packed-detection';
import type { Detection, Match } from '../../lib/types';

const match = (overrides: Partial<Match>): Match => ({
  start: 0,
  end: 8,
  text: 'sciatica',
  termId: 'sciatica',
  topicIds: ['sciatica'],
  redFlagIds: [],
  context: 'affirmed',
  experiencer: 'writer',
  ...overrides,
});

const detectionOf = (matches: Match[]): Detection => ({ matches, urgency: 'routine', reasons: [], redFlags: [], topics: [] }) as unknown as Detection;

describe('packed detections', () => {
  it('keep apart match kinds that differ in any one field, page text with control characters included', () => {
    const matches = [
      match({}),
      match({ text: 'Sciatica' }),
      match({ termId: 'other' }),
      match({ topicIds: ['sciatica', 'pain-relief'] }),
      match({ redFlagIds: ['rf-night-pain'] }),
      match({ context: 'negated' }),
      match({ experiencer: 'other' }),
      match({ experiencer: 'other', person: 'mum' }),
      match({ experiencer: 'other', person: 'mum\u0001x', text: 'y' }),
      match({ experiencer: 'other', person: 'mum', text: 'x\u0001y' }),
      match({ start: 20, end: 28, post: 3 }),
    ].map((each, i) => ({ ...each, start: each.start + i * 100, end: each.end + i * 100 }));
    const packed = packDetection(detectionOf(matches));
    expect(packed.kinds).toHaveLength(matches.length - 1);
    expect(unpackDetection(packed).matches).toEqual(matches);
  });

  it('pack groups written ahead, one by one, as they pack written at once', () => {
    const groups = [0, 1, 2].map((group) => [match({ start: group * 100, end: group * 100 + 8 }), match({ start: group * 100 + 20, end: group * 100 + 28, context: 'negated' })]);
    const { matches: _, ...summary } = detectionOf(groups.flat());
    const ahead = new DetectionPacker();
    for (const group of groups) ahead.write(group);
    expect(ahead.pack(summary, groups)).toEqual(new DetectionPacker().pack(summary, groups));
  });
});
