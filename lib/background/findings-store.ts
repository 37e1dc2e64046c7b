/**
 * The findings each tab's content script reported, kept in memory and mirrored to
 * `storage.session` (where it exists) so a restarted service worker still has them.
 */
import { browser } from 'wxt/browser';
import type { TabFindings } from '../messages';

const keyOf = (tabId: number) => `findings:${tabId}`;

function sessionArea() {
  return browser.storage.session;
}

export class FindingsStore {
  private readonly byTab = new Map<number, TabFindings>();

  async set(findings: TabFindings): Promise<void> {
    this.byTab.set(findings.tabId, findings);
    // Memory is what answers; the session copy only outlives a restart, so a full session
    // storage (its quota is small, big pages report thousands of matches) loses nothing now.
    await sessionArea()
      ?.set({ [keyOf(findings.tabId)]: findings })
      .catch(() => undefined);
  }

  async get(tabId: number): Promise<TabFindings | null> {
    const known = this.byTab.get(tabId);
    if (known) return known;
    const stored = (await sessionArea()?.get(keyOf(tabId)))?.[keyOf(tabId)] as TabFindings | undefined;
    if (!stored) return null;
    this.byTab.set(tabId, stored);
    return stored;
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
