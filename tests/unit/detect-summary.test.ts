import { describe, expect, it } from 'vitest';
import type { LexiconSource } from '../../content-data/schema';
import type { Match } from '../../lib/types';
import { summarizeMatches } from '../../lib/detect';

const redFlags: LexiconSource['redFlags'] = [
  { id: 'rf-night-pain', label: 'Pain at night', urgency: 'soon', combinations: [] },
  {
    id: 'rf-cancer-history',
    label: 'Cancer history',
    urgency: 'urgent',
    combinations: [{ with: ['rf-night-pain'], urgency: 'emergency', reason: 'Both together' }],
  },
];

function match(termId: string, context: Match['context'], topicIds: string[], redFlagIds: string[] = []): Match {
  return { start: 0, end: 1, text: termId, termId, topicIds, redFlagIds, context, experiencer: context === 'other-person' ? 'other' : 'writer' };
}

describe('summarizeMatches', () => {
  it('reports each red flag once with its strongest context and triages affirmed ones only', () => {
    const detection = summarizeMatches(
      [
        match('night', 'negated', ['a'], ['rf-night-pain']),
        match('night', 'affirmed', ['a'], ['rf-night-pain']),
        match('cancer', 'other-person', ['b'], ['rf-cancer-history']),
        match('cancer', 'hypothetical', ['b'], ['rf-cancer-history']),
      ],
      redFlags,
    );
    expect(detection.redFlags).toEqual([
      { id: 'rf-night-pain', context: 'affirmed', experiencer: 'writer' },
      { id: 'rf-cancer-history', context: 'other-person', experiencer: 'other' },
    ]);
    expect(detection.urgency).toBe('soon');
    expect(detection.reasons.map((reason) => reason.redFlagIds)).toEqual([['rf-night-pain']]);
  });

  it('orders topics by mentions and calls terms without red flags routine', () => {
    const detection = summarizeMatches([match('x', 'affirmed', ['a']), match('y', 'affirmed', ['b', 'a'])], redFlags);
    expect(detection.topics).toEqual(['a', 'b']);
    expect(detection.urgency).toBe('routine');
    expect(summarizeMatches([], redFlags).urgency).toBe('none');
  });
});
