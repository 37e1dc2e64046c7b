/** Opening the side panel (Chrome) or sidebar (Firefox). */
import { browser } from 'wxt/browser';
import { sendMessage, type PanelRequest } from '../messages';

interface ChromeSidePanel {
  open(options: { windowId: number }): Promise<void>;
}

/** Firefox only; absent from the Chrome-based browser types. */
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

/**
 * Both browsers allow this only during a user gesture, so call it synchronously from the
 * gesture's event handler, before any `await`.
 */
export function openSidePanel(windowId: number): Promise<void> {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  if (sidePanel) return sidePanel.open({ windowId });
  return (browser as unknown as { sidebarAction: FirefoxSidebarAction }).sidebarAction.open();
}

/**
 * Opens the side panel of `windowId` at `request` from an extension page's gesture. The open call comes
 * first, with no `await` before it; the panel picks the request up from the background whichever arrives first.
 */
export async function openSidePanelAt(windowId: number, request: PanelRequest): Promise<void> {
  const opening = openSidePanel(windowId);
  await Promise.all([sendMessage({ type: 'set-panel-request', windowId, request }), opening]);
}
