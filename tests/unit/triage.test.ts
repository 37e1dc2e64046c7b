import { describe, expect, it } from 'vitest';
import type { LexiconSource } from '../../content-data/schema';
import { mostUrgent, triage } from '../../lib/triage';

const redFlags: LexiconSource['redFlags'] = [
  { id: 'rf-bladder', label: 'Bladder', urgency: 'emergency', combinations: [] },
  { id: 'rf-numb', label: 'Numb legs', urgency: 'urgent', combinations: [{ with: ['rf-cancer'], urgency: 'emergency', reason: 'Numb legs after cancer' }] },
  { id: 'rf-cancer', label: 'Cancer', urgency: 'urgent', combinations: [] },
  { id: 'rf-night', label: 'Night pain', urgency: 'soon', combinations: [{ with: ['rf-cancer', 'rf-weight'], urgency: 'urgent', reason: 'Night pain, cancer and weight loss' }] },
  { id: 'rf-weight', label: 'Weight loss', urgency: 'soon', combinations: [] },
];

describe('triage', () => {
  it('is none without red flags', () => {
    expect(triage([], redFlags)).toEqual({ urgency: 'none', reasons: [] });
  });
  it('takes the most urgent single red flag, reasons most urgent first', () => {
    const result = triage(['rf-night', 'rf-bladder'], redFlags);
    expect(result.urgency).toBe('emergency');
    expect(result.reasons.map((reason) => reason.redFlagIds)).toEqual([['rf-bladder'], ['rf-night']]);
    expect(result.reasons[0]!.text).toBe('Bladder');
  });
  it('raises the level when a whole combination is present', () => {
    const result = triage(['rf-numb', 'rf-cancer'], redFlags);
    expect(result.urgency).toBe('emergency');
    expect(result.reasons[0]).toEqual({ redFlagIds: ['rf-numb', 'rf-cancer'], urgency: 'emergency', text: 'Numb legs after cancer' });
  });
  it('needs every red flag of a combination', () => {
    expect(triage(['rf-night', 'rf-cancer'], redFlags).urgency).toBe('urgent');
    expect(triage(['rf-night', 'rf-weight'], redFlags).urgency).toBe('soon');
    expect(triage(['rf-night', 'rf-weight', 'rf-cancer'], redFlags).reasons[0]!.text).toBe('Night pain, cancer and weight loss');
  });
  it('gives one reason for a combination both red flags list', () => {
    const mutual: LexiconSource['redFlags'] = [
      { id: 'rf-a', label: 'A', urgency: 'soon', combinations: [{ with: ['rf-b'], urgency: 'urgent', reason: 'A and B' }] },
      { id: 'rf-b', label: 'B', urgency: 'soon', combinations: [{ with: ['rf-a'], urgency: 'urgent', reason: 'B and A' }] },
    ];
    expect(triage(['rf-a', 'rf-b'], mutual).reasons.map((reason) => reason.text)).toEqual(['A and B', 'A', 'B']);
  });
  it('ignores unknown ids', () => {
    expect(triage(['rf-unknown'], redFlags).urgency).toBe('none');
  });
});

describe('mostUrgent', () => {
  it('orders emergency > urgent > soon > routine > none', () => {
    expect(mostUrgent(['soon', 'routine', 'urgent'])).toBe('urgent');
    expect(mostUrgent(['routine'])).toBe('routine');
    expect(mostUrgent([])).toBe('none');
  });
});
