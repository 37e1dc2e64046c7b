import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FindingsStore, type PackedFindings } from '../../lib/background/findings-store';
import { lookUp, MAX_LOOKUP_CHARS } from '../../lib/background/lookup';
import { type PanelPort, PanelPorts } from '../../lib/background/panel-ports';
import type { Detection, Match } from '../../lib/types';
import type { TabFindings } from '../../lib/messages';
import { DetectionPacker, packDetection, unpackDetection } from '../../lib/packed-detection';

const emptyDetection: Detection = { urgency: 'none', reasons: [], matches: [], redFlags: [], topics: [], subject: 'writer' };
const findingsOf = (tabId: number, url = 'https://example.org/'): TabFindings => ({
  tabId,
  url,
  title: 'Thread',
  detection: emptyDetection,
  english: true,
  scannedAt: 1,
});

/** Findings as the content script sends them. */
const packed = (findings: TabFindings): PackedFindings => ({ ...findings, detection: packDetection(findings.detection) });

describe('FindingsStore', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps findings per tab and clears them', async () => {
    const store = new FindingsStore();
    expect(await store.set(packed(findingsOf(1)))).toEqual(findingsOf(1));
    await store.set(packed(findingsOf(2, 'https://example.org/2')));
    expect((await store.get(2))?.url).toBe('https://example.org/2');
    expect(await store.clear(1)).toBe(true);
    expect(await store.get(1)).toBeNull();
    expect(await store.clear(1)).toBe(false);
  });

  it('survives a restarted service worker through storage.session, packed', async () => {
    const findings = { ...findingsOf(5), detection: longDetection(300) };
    await new FindingsStore().set(packed(findings));
    expect((await fakeBrowser.storage.session.get('findings:5'))['findings:5']).toEqual(packed(findings));
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

describe('packDetection', () => {
  it('round-trips a detection exactly, with no matches too', () => {
    const detection = longDetection(500);
    expect(unpackDetection(packDetection(detection))).toEqual(detection);
    expect(unpackDetection(packDetection(emptyDetection))).toEqual(emptyDetection);
  });

  it("keeps a thread's matches as few kinds, each mention's post among its numbers", () => {
    const long = longDetection(600);
    const posts = Array.from({ length: 40 }, (_, index) => ({
      index,
      author: index % 7 === 0 ? null : `poster${index % 5}`,
      time: index % 2 === 0 ? '2 days ago' : null,
      urgency: (['emergency', 'routine', 'none'] as const)[index % 3]!,
      subject: index === 4 ? ('other' as const) : ('writer' as const),
    }));
    const detection = { ...long, posts, matches: long.matches.map((match, i) => (i % 3 === 0 ? match : { ...match, post: i % 40 })) };
    const packedDetection = packDetection(detection);
    expect(packedDetection.kinds).toHaveLength(3);
    expect(unpackDetection(packedDetection)).toEqual(detection);
  });

  it('stores each distinct match once and the mentions as numbers in one string', () => {
    const findings = { ...findingsOf(3), detection: longDetection(4000) };
    const packedFindings = packed(findings);
    expect(packedFindings.detection.kinds).toHaveLength(3);
    expect(typeof packedFindings.detection.spans).toBe('string');
    expect(JSON.stringify(packedFindings).length * 15).toBeLessThan(JSON.stringify(findings).length);
  });
});

describe('DetectionPacker', () => {
  it('packs report after report from groups of matches as one detection of them all would be', () => {
    const { matches, ...summary } = longDetection(90);
    const groups = [matches.slice(0, 30), matches.slice(30, 31), [], matches.slice(31)];
    const packer = new DetectionPacker();
    expect(unpackDetection(packer.pack(summary, groups))).toEqual({ ...summary, matches });
    // The next report: a group went, a new one came (a rescanned piece); the kinds keep their numbers.
    const fresh = matches.slice(31).map((match) => ({ ...match, context: 'hypothetical' as const }));
    const next = packer.pack(summary, [groups[0]!, fresh]);
    expect(unpackDetection(next)).toEqual({ ...summary, matches: [...groups[0]!, ...fresh] });
    expect(next.kinds.slice(0, 3)).toEqual(packDetection(longDetection(3)).kinds);
  });
});

describe('PanelPorts', () => {
  const port = () => {
    const received: unknown[] = [];
    return { received, postMessage: (message: unknown) => void received.push(message) } satisfies PanelPort & { received: unknown[] };
  };

  it('pushes a request to the connected panels of its window only', () => {
    const panels = new PanelPorts();
    const [first, second, elsewhere] = [port(), port(), port()];
    panels.connect(1, first);
    panels.connect(1, second);
    panels.connect(2, elsewhere);
    panels.request(1, { kind: 'topic', id: 'sciatica' });
    expect(first.received).toEqual([{ type: 'panel-request', request: { kind: 'topic', id: 'sciatica' } }]);
    expect(second.received).toEqual(first.received);
    expect(elsewhere.received).toEqual([]);
  });

  it('keeps the latest request for a window with no panel and hands it to the first that connects, once', () => {
    const panels = new PanelPorts();
    panels.request(1, { kind: 'topic', id: 'sciatica' });
    panels.request(1, { kind: 'red-flag', id: 'rf-night-pain' });
    const late = port();
    panels.connect(1, late);
    expect(late.received).toEqual([{ type: 'panel-request', request: { kind: 'red-flag', id: 'rf-night-pain' } }]);
    const later = port();
    panels.connect(1, later);
    expect(later.received).toEqual([]);
  });

  it('keeps requests again once the window’s last panel went away', () => {
    const panels = new PanelPorts();
    const gone = port();
    panels.connect(3, gone);
    panels.disconnect(3, gone);
    panels.request(3, { kind: 'page' });
    expect(gone.received).toEqual([]);
    const next = port();
    panels.connect(3, next);
    expect(next.received).toEqual([{ type: 'panel-request', request: { kind: 'page' } }]);
  });

  it('tells every panel of every window about changed findings; a port closed meanwhile costs nothing', () => {
    const panels = new PanelPorts();
    const [one, two] = [port(), port()];
    const closed = { postMessage: () => { throw new Error('Attempting to use a disconnected port object'); } };
    panels.connect(1, one);
    panels.connect(2, two);
    panels.connect(2, closed);
    panels.tabFindingsChanged(9);
    expect(one.received).toEqual([{ type: 'tab-findings-changed', tabId: 9 }]);
    expect(two.received).toEqual([{ type: 'tab-findings-changed', tabId: 9 }]);
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
    expect(lookUp(' \n\t ', engine)).toEqual({
      kind: 'lookup',
      text: '',
      truncated: false,
      english: true,
      detection: emptyDetection,
      results: [],
    });
  });

  it('says whether the selection reads as English', () => {
    expect(lookUp('My back has been killing me since the weekend and it is getting worse every day.', engine).english).toBe(true);
    expect(lookUp('Tengo dolor de espalda desde hace tres semanas y el médico dice que es una contractura.', engine).english).toBe(false);
  });
});
