import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeFor, RED_FLAG_BADGE_COLOR, showBadge, TERM_BADGE_COLOR } from '../../lib/background/badge';
import type { Detection, Match } from '../../lib/types';

function detectionOf(matches: Partial<Match>[], subject: Detection['subject'] = 'writer'): Detection {
  return {
    urgency: 'routine',
    reasons: [],
    redFlags: [],
    topics: [],
    subject,
    matches: matches.map((match) => ({ start: 0, end: 1, text: 'x', termId: 't', topicIds: [], redFlagIds: [], context: 'affirmed', experiencer: 'writer', ...match })),
  };
}

const mumsCancer: Partial<Match> = { termId: 'c', redFlagIds: ['rf-cancer-history'], context: 'other-person', experiencer: 'other', person: 'mum' };

describe('badgeFor', () => {
  it('counts the red flags the writer affirms in red, each once', () => {
    const badge = badgeFor(
      detectionOf([
        { termId: 'a', redFlagIds: ['rf-night-pain'] },
        { termId: 'b', redFlagIds: ['rf-weight-loss', 'rf-night-pain'] },
        mumsCancer,
      ]),
    );
    expect(badge).toEqual({ text: '2', color: RED_FLAG_BADGE_COLOR });
  });

  it('counts the red flags of the person a carer writes about, who is the subject', () => {
    const carer = [mumsCancer, { termId: 'w', redFlagIds: ['rf-leg-weakness'], context: 'other-person' as const, experiencer: 'other' as const, person: 'mum' }];
    expect(badgeFor(detectionOf(carer, 'other'))).toEqual({ text: '2', color: RED_FLAG_BADGE_COLOR });
    // The same mentions in passing, in a text about the writer, count for no one.
    expect(badgeFor(detectionOf(carer, 'writer'))).toEqual({ text: '2', color: TERM_BADGE_COLOR });
  });

  it('otherwise counts distinct terms in grey, and shows nothing for none', () => {
    const detection = detectionOf([{ termId: 'a' }, { termId: 'a' }, { termId: 'b', redFlagIds: ['rf-night-pain'], context: 'negated' }]);
    expect(badgeFor(detection)).toEqual({ text: '2', color: TERM_BADGE_COLOR });
    expect(badgeFor(detectionOf([])).text).toBe('');
    expect(badgeFor(null).text).toBe('');
  });

  it('caps the text at 99+', () => {
    const many = detectionOf(Array.from({ length: 120 }, (_, i) => ({ termId: `t${i}` })));
    expect(badgeFor(many).text).toBe('99+');
  });
});

describe('showBadge', () => {
  beforeEach(() => fakeBrowser.reset());

  it('sets the text and colour of one tab only', async () => {
    await showBadge(7, detectionOf([{ redFlagIds: ['rf-night-pain'] }]));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('1');
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('');
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 7 })).toEqual([179, 38, 30, 255]);
    await showBadge(7, null);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });
});
