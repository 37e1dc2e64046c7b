import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isMessage, sendMessage, type PanelRequest, type TabFindings } from '../lib/messages';
import type { IncomingRequest } from './SidePanel';

/** The active tab of the panel's window and its findings, following tab switches and navigation. */
export function useActiveTabFindings(windowId: number | null): { tabId: number | null; findings: TabFindings | null } {
  const [state, setState] = useState<{ tabId: number | null; findings: TabFindings | null }>({ tabId: null, findings: null });
  const tabIdRef = useRef<number | null>(null);
  useEffect(() => {
    if (windowId === null) return;
    let latest = 0;
    const refresh = async () => {
      const call = ++latest;
      const [tab] = await browser.tabs.query({ active: true, windowId });
      const tabId = tab?.id ?? null;
      const findings = tabId === null ? null : await sendMessage({ type: 'get-tab-findings', tabId });
      // A slower, older refresh must not overwrite a newer one.
      if (call !== latest) return;
      tabIdRef.current = tabId;
      setState({ tabId, findings });
    };
    const onActivated = (info: { windowId: number }) => info.windowId === windowId && void refresh();
    const onUpdated = (tabId: number, change: { url?: string; status?: string }) =>
      tabId === tabIdRef.current && (change.url !== undefined || change.status === 'complete') && void refresh();
    const onMessage = (message: unknown) => {
      if (isMessage(message) && message.type === 'tab-findings-changed' && message.tabId === tabIdRef.current) void refresh();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.runtime.onMessage.addListener(onMessage);
    void refresh();
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [windowId]);
  return state;
}

/** Requests for this window's panel: the one waiting when it opened, then each one broadcast. */
export function useIncomingRequests(windowId: number | null): IncomingRequest | null {
  const [incoming, setIncoming] = useState<IncomingRequest | null>(null);
  useEffect(() => {
    if (windowId === null) return;
    const receive = (request: PanelRequest | null) =>
      request && setIncoming((previous) => ({ request, seq: (previous?.seq ?? 0) + 1 }));
    const onMessage = (message: unknown) => {
      if (isMessage(message) && message.type === 'panel-request' && message.windowId === windowId) {
        receive(message.request);
        // Take it out of the store too, or the next opening of the panel would show it again.
        void sendMessage({ type: 'take-panel-request', windowId });
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    void sendMessage({ type: 'take-panel-request', windowId }).then(receive);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [windowId]);
  return incoming;
}
