import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FindingsStore, packFindings, unpackFindings } from '../../lib/background/findings-store';
import { lookUp, MAX_LOOKUP_CHARS } from '../../lib/background/lookup';
import { PanelRequests } from '../../lib/background/panel-requests';
import type { Detection, Match } from '../../lib/types';
import type { TabFindings } from '../../lib/messages';

const emptyDetection: Detection = { urgency: 'none', reasons: [], matches: [], redFlags: [], topics: [], subject: 'writer' };
const findingsOf = (tabId: number, url = 'https://example.org/'): TabFindings => ({
  tabId,
  url,
  title: 'Thread',
  detection: emptyDetection,
  scannedAt: 1,
});

describe('FindingsStore', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps findings per tab and clears them', async () => {
    const store = new FindingsStore();
    await store.set(findingsOf(1));
    await store.set(findingsOf(2, 'https://example.org/2'));
    expect((await store.get(2))?.url).toBe('https://example.org/2');
    expect(await store.clear(1)).toBe(true);
    expect(await store.get(1)).toBeNull();
    expect(await store.clear(1)).toBe(false);
  });

  it('survives a restarted service worker through storage.session, packed', async () => {
    const findings = { ...findingsOf(5), detection: longDetection(300) };
    await new FindingsStore().set(findings);
    expect((await fakeBrowser.storage.session.get('findings:5'))['findings:5']).toEqual(packFindings(findings));
    const restarted = new FindingsStore();
    expect(await restarted.get(5)).toEqual(findings);
    expect(await restarted.clear(5)).toBe(true);
    expect(await new FindingsStore().get(5)).toBeNull();
  });

  it('takes a copy in the old unpacked layout as none: the tab reports again on its next scan', async () => {
    await fakeBrowser.storage.session.set({ 'findings:6': findingsOf(6) });
    expect(await new FindingsStore().get(6)).toBeNull();
  });
});

/** A long thread's detection: thousands of mentions of the same few terms. */
function longDetection(mentions: number): Detection {
  const kinds: Omit<Match, 'start' | 'end'>[] = [
    { text: 'sciatica', termId: 'sciatica', topicIds: ['sciatica'], redFlagIds: [], context: 'affirmed', experiencer: 'writer' },
    { text: 'numbness down there', termId: 'saddle-numbness', topicIds: ['cauda-equina-syndrome'], redFlagIds: ['rf-saddle-numbness'], context: 'affirmed', experiencer: 'writer' },
    { text: 'Sciatica', termId: 'sciatica', topicIds: ['sciatica'], redFlagIds: [], context: 'negated', experiencer: 'other' },
  ];
  const matches = Array.from({ length: mentions }, (_, i) => {
    const kind = kinds[i % kinds.length]!;
    const start = i * 37 + (i % 5);
    return { start, end: start + kind.text.length, ...kind };
  });
  return { urgency: 'emergency', reasons: [], matches, redFlags: [{ id: 'rf-saddle-numbness', context: 'affirmed', experiencer: 'writer' }], topics: ['sciatica'], subject: 'writer' };
}

describe('packFindings', () => {
  it('round-trips a detection exactly, with no matches too', () => {
    const findings = { ...findingsOf(3), detection: longDetection(500) };
    expect(unpackFindings(packFindings(findings))).toEqual(findings);
    expect(unpackFindings(packFindings(findingsOf(4)))).toEqual(findingsOf(4));
  });

  it('stores each distinct match once and the mentions as numbers in one string', () => {
    const findings = { ...findingsOf(3), detection: longDetection(4000) };
    const packed = packFindings(findings);
    expect(packed.detection.kinds).toHaveLength(3);
    expect(typeof packed.detection.spans).toBe('string');
    expect(JSON.stringify(packed).length * 15).toBeLessThan(JSON.stringify(findings).length);
  });
});

describe('PanelRequests', () => {
  it('hands each window its latest request once', () => {
    const requests = new PanelRequests();
    requests.set(1, { kind: 'topic', id: 'sciatica' });
    requests.set(1, { kind: 'red-flag', id: 'rf-night-pain' });
    requests.set(2, { kind: 'topic', id: 'multiple-myeloma' });
    expect(requests.take(1)).toEqual({ kind: 'red-flag', id: 'rf-night-pain' });
    expect(requests.take(1)).toBeNull();
    expect(requests.take(2)).toEqual({ kind: 'topic', id: 'multiple-myeloma' });
  });
});

describe('lookUp', () => {
  const seen: string[] = [];
  const engine = {
    detect: (text: string) => {
      seen.push(text);
      return emptyDetection;
    },
    search: (query: string) => [{ id: 'sciatica', kind: 'topic' as const, title: query.slice(0, 10), score: 0.1 }],
  };

  it('cuts a long selection at the limit and says so', () => {
    const request = lookUp('a'.repeat(MAX_LOOKUP_CHARS + 5), engine);
    expect(request.text).toHaveLength(MAX_LOOKUP_CHARS);
    expect(request.truncated).toBe(true);
    expect(seen.at(-1)).toHaveLength(MAX_LOOKUP_CHARS);
  });

  it('keeps a short selection whole, markup included as plain text', () => {
    const request = lookUp('<img src=x onerror=alert(1)> sciatica', engine);
    expect(request).toMatchObject({ kind: 'lookup', text: '<img src=x onerror=alert(1)> sciatica', truncated: false });
    expect(request.results).toHaveLength(1);
  });

  it('gives an empty lookup for a blank selection', () => {
    expect(lookUp(' \n\t ', engine)).toEqual({ kind: 'lookup', text: '', truncated: false, detection: emptyDetection, results: [] });
  });
});
