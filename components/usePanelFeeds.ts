import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { connectPanel, sendToBackground, type TabFindings } from '../lib/messages';
import type { IncomingRequest } from './SidePanel';

export interface PanelFeeds {
  /** The active tab of the panel's window and its findings, following tab switches and navigation. */
  tabId: number | null;
  findings: TabFindings | null;
  /** The latest request for this window's panel (hover card, popup, selection look-up). */
  incoming: IncomingRequest | null;
}

/** What the side panel of `windowId` hears: its port to the background, and the window's tabs. */
export function usePanelFeeds(windowId: number | null): PanelFeeds {
  const [tab, setTab] = useState<{ tabId: number | null; findings: TabFindings | null }>({ tabId: null, findings: null });
  const [incoming, setIncoming] = useState<IncomingRequest | null>(null);
  useEffect(() => {
    if (windowId === null) return;
    let latest = 0;
    let activeTabId: number | null = null;
    const refresh = async () => {
      const call = ++latest;
      const [active] = await browser.tabs.query({ active: true, windowId });
      const tabId = active?.id ?? null;
      const findings = tabId === null ? null : await sendToBackground({ type: 'get-tab-findings', tabId });
      // A slower, older refresh must not overwrite a newer one.
      if (call !== latest) return;
      activeTabId = tabId;
      setTab({ tabId, findings });
    };
    const disconnect = connectPanel(windowId, (message) => {
      if (message.type === 'panel-request') {
        setIncoming((previous) => ({ request: message.request, seq: (previous?.seq ?? 0) + 1 }));
      } else if (message.tabId === activeTabId) {
        void refresh();
      }
    });
    const onActivated = (info: { windowId: number }) => info.windowId === windowId && void refresh();
    const onUpdated = (tabId: number, change: { url?: string; status?: string }) =>
      tabId === activeTabId && (change.url !== undefined || change.status === 'complete') && void refresh();
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    void refresh();
    return () => {
      disconnect();
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [windowId]);
  return { ...tab, incoming };
}
