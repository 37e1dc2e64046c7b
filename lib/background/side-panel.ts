/** Opening the side panel (Chrome) or sidebar (Firefox). */
import { browser } from 'wxt/browser';

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
