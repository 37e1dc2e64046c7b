/**
 * The findings each tab's content script reported, kept in memory and mirrored to
 * `storage.session` (where it exists) so a restarted service worker still has them.
 *
 * storage.session holds 10 MB for every tab together, counted in the browser's in-memory sizes
 * (an array of numbers costs about 32 bytes a number), and a long thread reports thousands of
 * matches that repeat the same few terms. So the session copy is packed (`packFindings`): each
 * distinct match once, and every mention as three small numbers in one string. A 200 kB thread
 * with 4,400 matches takes about 25 kB instead of 1.2 MB.
 */
import { browser } from 'wxt/browser';
import type { TabFindings } from '../messages';
import type { Match } from '../types';

const keyOf = (tabId: number) => `findings:${tabId}`;

function sessionArea() {
  return browser.storage.session;
}

/** A match apart from where it is: what mentions of the same words in the same sense share. */
type MatchKind = Omit<Match, 'start' | 'end'>;

/** TabFindings as stored: the detection's matches as kinds and spans. */
export interface PackedFindings extends Omit<TabFindings, 'detection'> {
  detection: Omit<TabFindings['detection'], 'matches'> & {
    /** Each distinct match kind once. */
    kinds: MatchKind[];
    /**
     * Per match, in order: its start minus the previous match's start, its length, its kind's
     * index; base-36 numbers joined by commas.
     */
    spans: string;
  };
}

export function packFindings(findings: TabFindings): PackedFindings {
  const { matches, ...summary } = findings.detection;
  const kinds: MatchKind[] = [];
  const kindIndex = new Map<string, number>();
  const spans: number[] = [];
  let previousStart = 0;
  for (const { start, end, ...kind } of matches) {
    const key = JSON.stringify(kind);
    let index = kindIndex.get(key);
    if (index === undefined) {
      index = kinds.push(kind) - 1;
      kindIndex.set(key, index);
    }
    spans.push(start - previousStart, end - start, index);
    previousStart = start;
  }
  return { ...findings, detection: { ...summary, kinds, spans: spans.map((n) => n.toString(36)).join(',') } };
}

export function unpackFindings(packed: PackedFindings): TabFindings {
  const { kinds, spans: packedSpans, ...summary } = packed.detection;
  const spans = packedSpans === '' ? [] : packedSpans.split(',').map((n) => parseInt(n, 36));
  const matches: Match[] = [];
  let start = 0;
  for (let at = 0; at + 2 < spans.length; at += 3) {
    start += spans[at]!;
    matches.push({ start, end: start + spans[at + 1]!, ...kinds[spans[at + 2]!]! });
  }
  return { ...packed, detection: { ...summary, matches } };
}

function isPacked(value: unknown): value is PackedFindings {
  const detection = (value as { detection?: { spans?: unknown; kinds?: unknown } } | undefined)?.detection;
  return typeof detection?.spans === 'string' && Array.isArray(detection?.kinds);
}

export class FindingsStore {
  private readonly byTab = new Map<number, TabFindings>();

  async set(findings: TabFindings): Promise<void> {
    this.byTab.set(findings.tabId, findings);
    // Memory is what answers; the session copy only outlives a restart, so a full session
    // storage loses nothing now.
    await sessionArea()
      ?.set({ [keyOf(findings.tabId)]: packFindings(findings) })
      .catch(() => undefined);
  }

  async get(tabId: number): Promise<TabFindings | null> {
    const known = this.byTab.get(tabId);
    if (known) return known;
    const stored: unknown = (await sessionArea()?.get(keyOf(tabId)))?.[keyOf(tabId)];
    // Anything else (a copy from an older version) is as good as none: the tab reports again on its next scan.
    if (!isPacked(stored)) return null;
    const findings = unpackFindings(stored);
    this.byTab.set(tabId, findings);
    return findings;
  }

  /** Forget a tab's findings; true if there were any. */
  async clear(tabId: number): Promise<boolean> {
    const had = this.byTab.delete(tabId);
    const area = sessionArea();
    if (!area) return had;
    const stored = await area.get(keyOf(tabId));
    await area.remove(keyOf(tabId));
    return had || stored[keyOf(tabId)] !== undefined;
  }
}
