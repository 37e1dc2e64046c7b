/** Opening the side panel (Chrome) or sidebar (Firefox). */
import { browser } from 'wxt/browser';
import { sendToBackground, type PanelRequest } from '../messages';

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
 * first, with no `await` before it; the background hands the request to the panel when it connects, or at once if it is open.
 */
export async function openSidePanelAt(windowId: number, request: PanelRequest): Promise<void> {
  const opening = openSidePanel(windowId);
  await Promise.all([sendToBackground({ type: 'set-panel-request', windowId, request }), opening]);
}
