/**
 * The findings each tab's content script reported, kept in memory and mirrored to
 * `storage.session` (where it exists) so a restarted service worker still has them.
 *
 * storage.session holds 10 MB for every tab together, counted in the browser's in-memory sizes
 * (an array of numbers costs about 32 bytes a number), and a long thread reports thousands of
 * matches that repeat the same few terms. So the session copy is packed (lib/packed-detection.ts):
 * each distinct match once, and every mention as four small numbers in one string. A 200 kB thread
 * with 4,400 matches takes about 25 kB instead of 1.2 MB. The content script sends its findings
 * packed, and they are stored as they came.
 */
import { browser } from 'wxt/browser';
import type { TabFindings } from '../messages';
import { isPackedDetection, type PackedDetection, unpackDetection } from '../packed-detection';

const keyOf = (tabId: number) => `findings:${tabId}`;

function sessionArea() {
  return browser.storage.session;
}

/** TabFindings as stored and as the content script sends them: the detection packed (lib/packed-detection.ts). */
export interface PackedFindings extends Omit<TabFindings, 'detection'> {
  detection: PackedDetection;
}

function unpackFindings(packed: PackedFindings): TabFindings {
  return { ...packed, detection: unpackDetection(packed.detection) };
}

export class FindingsStore {
  private readonly byTab = new Map<number, TabFindings>();

  /** Keep a tab's findings as they came, packed (see lib/packed-detection.ts); returns them unpacked. */
  async set(packed: PackedFindings): Promise<TabFindings> {
    const findings = unpackFindings(packed);
    this.byTab.set(findings.tabId, findings);
    // Memory is what answers; the session copy only outlives a restart, so a full session
    // storage loses nothing now.
    await sessionArea()
      ?.set({ [keyOf(findings.tabId)]: packed })
      .catch(() => undefined);
    return findings;
  }

  async get(tabId: number): Promise<TabFindings | null> {
    const known = this.byTab.get(tabId);
    if (known) return known;
    const stored: unknown = (await sessionArea()?.get(keyOf(tabId)))?.[keyOf(tabId)];
    // Anything else (a copy from an older version) is as good as none: the tab reports again on its next scan.
    if (!isPackedDetection((stored as Partial<PackedFindings> | undefined)?.detection)) return null;
    const findings = unpackFindings(stored as PackedFindings);
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
