import { describe, expect, it } from 'vitest';
import { createCatalog, isHttpsUrl, resolveIds } from '../../lib/panel/catalog';
import { findingsView, redFlagsFirst } from '../../lib/panel/findings';
import { nextActiveIndex } from '../../lib/panel/listbox';
import { selfCheckOutcome, selfCheckQuestions } from '../../lib/panel/self-check';
import { countedRedFlagIds, mentionStatus } from '../../lib/panel/mention';
import { findingsLine, pauseOf, signsOf } from '../../lib/panel/summary';
import { parseSettings } from '../../lib/settings';
import type { Detection } from '../../lib/types';
import { carerDetection, emergencyDetection, uiKb } from '../fixtures/ui-kb';

describe('findingsView', () => {
  const view = findingsView(emergencyDetection, uiKb);

  it('makes only affirmed red flags findings, with the indexes of their mentions', () => {
    expect(view.redFlags.map((finding) => [finding.redFlag.id, finding.matchIndexes])).toEqual([['rf-bladder-bowel', [0]]]);
  });

  it('lists topics in the detection order with every mention counted', () => {
    expect(view.topics.map((finding) => [finding.topic.id, finding.matchIndexes])).toEqual([
      ['sciatica', [1, 2]],
      ['cauda-equina-syndrome', [0]],
      ['back-pain-and-cancer', [3]],
    ]);
  });

  it('lists the cancer topics after the everyday ones unless a mention names cancer', () => {
    const noCancer = { ...emergencyDetection, matches: emergencyDetection.matches.slice(0, 3), topics: ['back-pain-and-cancer', 'sciatica'] };
    expect(findingsView(noCancer, uiKb).topics.map((finding) => finding.topic.id)).toEqual(['sciatica', 'back-pain-and-cancer']);
    // "My mum had cancer": the text is about cancer, so the order of mentions stands.
    const withCancer = { ...noCancer, matches: emergencyDetection.matches };
    expect(findingsView(withCancer, uiKb).topics.map((finding) => finding.topic.id)).toEqual(['back-pain-and-cancer', 'sciatica']);
  });

  it('sets apart red-flag mentions that are negated, hypothetical or about someone else', () => {
    expect(view.setAside.map(({ index, context }) => [index, context])).toEqual([
      [3, 'other-person'],
      [4, 'negated'],
    ]);
  });

  it('makes the red flags of the person a carer writes about findings, and sets the writer’s negated one apart', () => {
    const carer = findingsView(carerDetection, uiKb);
    expect(carer.redFlags.map((finding) => [finding.redFlag.id, finding.matchIndexes])).toEqual([
      ['rf-cancer-history', [0]],
      ['rf-night-pain', [1]],
    ]);
    expect(carer.setAside.map(({ index, context }) => [index, context])).toEqual([[3, 'negated']]);
    expect([...countedRedFlagIds(carerDetection)]).toEqual(['rf-cancer-history', 'rf-night-pain']);
    expect([...countedRedFlagIds(emergencyDetection)]).toEqual(['rf-bladder-bowel']);
  });

  it('orders several affirmed red flags by urgency and skips ids the knowledge base lacks', () => {
    const affirmedAll = {
      ...emergencyDetection,
      matches: emergencyDetection.matches.map((match) => ({ ...match, context: 'affirmed' as const })),
      topics: ['no-such-topic', 'sciatica'],
    };
    const all = findingsView(affirmedAll, uiKb);
    expect(all.redFlags.map((finding) => finding.redFlag.id)).toEqual(['rf-bladder-bowel', 'rf-cancer-history', 'rf-night-pain']);
    expect(all.topics.map((finding) => finding.topic.id)).toEqual(['sciatica']);
    expect(all.setAside).toEqual([]);
  });
});

describe('redFlagsFirst', () => {
  it('puts red flags first, most urgent first, then topics in their order, dropping unknown red flags', () => {
    const catalog = createCatalog(uiKb);
    const results = [
      { id: 'sciatica', kind: 'topic' as const, title: 'Sciatica', score: 0.01 },
      { id: 'rf-night-pain', kind: 'red-flag' as const, title: 'Night', score: 0.1 },
      { id: 'rf-gone', kind: 'red-flag' as const, title: 'Gone', score: 0.1 },
      { id: 'back-pain-and-cancer', kind: 'topic' as const, title: 'Cancer', score: 0.2 },
      { id: 'rf-bladder-bowel', kind: 'red-flag' as const, title: 'Bladder', score: 0.3 },
    ];
    expect(redFlagsFirst(results, (id) => catalog.redFlag(id)?.urgency).map((result) => result.id)).toEqual([
      'rf-bladder-bowel',
      'rf-night-pain',
      'sciatica',
      'back-pain-and-cancer',
    ]);
  });
});

describe('self-check', () => {
  it('asks the most urgent questions first', () => {
    expect(selfCheckQuestions(uiKb.redFlags).map((redFlag) => redFlag.id)).toEqual([
      'rf-bladder-bowel',
      'rf-cancer-history',
      'rf-night-pain',
    ]);
  });

  it('gives no urgency before any answer', () => {
    const outcome = selfCheckOutcome({}, uiKb.redFlags);
    expect(outcome).toMatchObject({ answeredCount: 0, complete: false, unsure: [] });
    expect(outcome.triage.urgency).toBe('none');
  });

  it('counts only "yes" answers, raising the urgency through combinations', () => {
    const alone = selfCheckOutcome({ 'rf-cancer-history': 'yes', 'rf-night-pain': 'no' }, uiKb.redFlags);
    expect(alone.triage.urgency).toBe('urgent');
    const together = selfCheckOutcome({ 'rf-cancer-history': 'yes', 'rf-night-pain': 'yes', 'rf-bladder-bowel': 'no' }, uiKb.redFlags);
    expect(together.triage.urgency).toBe('emergency');
    expect(together.triage.reasons[0]?.text).toBe('Cancer history with night pain: get checked now.');
    expect(together.complete).toBe(true);
  });

  it('keeps count of the emergency questions not answered yet; an unanswered question is not a "no"', () => {
    expect(selfCheckOutcome({ 'rf-night-pain': 'no' }, uiKb.redFlags).unansweredEmergency.map((redFlag) => redFlag.id)).toEqual([
      'rf-bladder-bowel',
    ]);
    expect(selfCheckOutcome({ 'rf-bladder-bowel': 'no' }, uiKb.redFlags).unansweredEmergency).toEqual([]);
    expect(selfCheckOutcome({ 'rf-bladder-bowel': 'unsure' }, uiKb.redFlags).unansweredEmergency).toEqual([]);
  });

  it('lists "not sure" answers back without raising the urgency', () => {
    const outcome = selfCheckOutcome({ 'rf-night-pain': 'unsure', 'rf-bladder-bowel': 'unsure', 'rf-cancer-history': 'no' }, uiKb.redFlags);
    expect(outcome.triage.urgency).toBe('none');
    expect(outcome.unsure.map((redFlag) => redFlag.id)).toEqual(['rf-bladder-bowel', 'rf-night-pain']);
    expect(outcome.answeredCount).toBe(3);
  });
});

describe('nextActiveIndex', () => {
  it('moves down and up, wrapping, and starts at either end from none', () => {
    expect(nextActiveIndex('ArrowDown', null, 3)).toBe(0);
    expect(nextActiveIndex('ArrowDown', 2, 3)).toBe(0);
    expect(nextActiveIndex('ArrowUp', null, 3)).toBe(2);
    expect(nextActiveIndex('ArrowUp', 0, 3)).toBe(2);
    expect(nextActiveIndex('ArrowUp', 2, 3)).toBe(1);
  });

  it('leaves other keys to the text box and has nothing to choose from no options', () => {
    expect(nextActiveIndex('Home', 1, 3)).toBe(1);
    expect(nextActiveIndex('ArrowDown', null, 0)).toBeNull();
  });
});

describe('findingsLine', () => {
  const page = (detection: Detection, english = true) => ({ detection, english });

  it('says nothing was found without a detection or without matches', () => {
    expect(findingsLine(null, null)).toEqual({ message: 'pageLineNothing', counts: [], urgency: 'none' });
    expect(findingsLine(page({ ...emergencyDetection, matches: [] }), null).message).toBe('pageLineNothing');
  });

  it('says the extension reads English only, rather than "nothing found", on a page in another language', () => {
    expect(findingsLine(page({ ...emergencyDetection, matches: [] }, false), null).message).toBe('englishOnly');
  });

  it('counts affirmed red flags and topics, with the urgency', () => {
    expect(findingsLine(page(emergencyDetection), null)).toEqual({ message: 'pageLineCounts', counts: [1, 3], urgency: 'emergency' });
  });

  it('says the signs are about someone else when the text is, with the urgency for that person', () => {
    expect(signsOf(carerDetection)).toBe('someone-else');
    // Mum's two red flags, not the writer's negated one.
    expect(findingsLine(page(carerDetection), null)).toEqual({ message: 'pageLineSomeoneElse', counts: [2, 3], urgency: 'emergency' });
  });

  it('says the warning signs are someone else’s, with no urgency, when they are only mentioned in a text about the writer', () => {
    const inPassing: Detection = {
      ...emergencyDetection,
      matches: [emergencyDetection.matches[1]!, emergencyDetection.matches[3]!],
      redFlags: [{ id: 'rf-cancer-history', context: 'other-person', experiencer: 'other' }],
      topics: ['sciatica', 'back-pain-and-cancer'],
      urgency: 'routine',
      reasons: [],
    };
    expect(signsOf(inPassing)).toBe('others-in-passing');
    expect(findingsLine(page(inPassing), null)).toEqual({ message: 'pageLineOthersOnly', counts: [2], urgency: 'none' });
    expect(signsOf(emergencyDetection)).toBe('own');
    expect(signsOf({ ...emergencyDetection, redFlags: [] })).toBe('own');
  });

  it('says the site or everything is paused rather than repeating findings from before the pause', () => {
    expect(findingsLine(page(emergencyDetection), 'site')).toEqual({ message: 'pageLinePausedSite', counts: [], urgency: 'none' });
    expect(findingsLine(page(emergencyDetection), 'everywhere').message).toBe('pageLinePausedEverywhere');
  });

  it('tells a site paused (itself or a parent domain) from everything paused', () => {
    const settings = parseSettings({ pausedSites: ['example.com'] });
    expect(pauseOf(settings, 'forum.example.com')).toBe('site');
    expect(pauseOf(settings, 'example.org')).toBeNull();
    expect(pauseOf(settings, null)).toBeNull();
    expect(pauseOf(parseSettings({ pausedEverywhere: true }), null)).toBe('everywhere');
  });
});

describe('mentionStatus', () => {
  it('counts only a red flag the writer says they have', () => {
    expect(mentionStatus({ context: 'affirmed', experiencer: 'writer', redFlagIds: ['rf-bladder-bowel'] })).toEqual({
      message: 'mentionAffirmed',
      counted: true,
    });
    expect(mentionStatus({ context: 'affirmed', experiencer: 'writer', redFlagIds: [] })).toEqual({ message: null, counted: false });
  });

  it.each([
    ['negated', 'mentionNegated'],
    ['hypothetical', 'mentionHypothetical'],
    ['other-person', 'mentionOtherPerson'],
  ] as const)('says a %s mention is not counted', (context, message) => {
    const experiencer = context === 'other-person' ? 'other' : 'writer';
    expect(mentionStatus({ context, experiencer, redFlagIds: ['rf-bladder-bowel'] })).toEqual({ message, counted: false });
    expect(mentionStatus({ context, experiencer, redFlagIds: [] })).toEqual({ message, counted: false });
  });

  it('says whose a sign is by its experiencer, whatever its context', () => {
    expect(mentionStatus({ context: 'affirmed', experiencer: 'other', redFlagIds: ['rf-leg-weakness'] })).toEqual({
      message: 'mentionOtherPerson',
      counted: false,
    });
  });
});

describe('catalog', () => {
  it('resolves ids in order, skipping unknown ones', () => {
    const catalog = createCatalog(uiKb);
    expect(resolveIds(['sciatica', 'nope', 'cauda-equina-syndrome'], catalog.topic).map((topic) => topic.id)).toEqual([
      'sciatica',
      'cauda-equina-syndrome',
    ]);
  });

  it.each([
    ['https://www.nice.org.uk/x', true],
    ['http://example.com', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('isHttpsUrl(%j) is %j', (url, expected) => {
    expect(isHttpsUrl(url)).toBe(expected);
  });
});
