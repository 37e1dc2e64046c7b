/**
 * The side panels connected to the background, by window. A request for a window goes straight to
 * its connected panels; with none connected it is kept (the latest one only) and handed to the
 * first panel of that window that connects.
 */
import type { BackgroundToPanel, MessageOf, PanelRequest } from '../messages';

/** The part of a runtime port the background uses. */
export interface PanelPort {
  postMessage(message: MessageOf<BackgroundToPanel>): void;
}

/** A port can close between its disconnect event and a push: that panel is gone, nothing is lost. */
function post(port: PanelPort, message: MessageOf<BackgroundToPanel>): void {
  try {
    port.postMessage(message);
  } catch {
    // "Attempting to use a disconnected port object".
  }
}

export class PanelPorts {
  private readonly connected = new Map<number, Set<PanelPort>>();
  private readonly pending = new Map<number, PanelRequest>();

  /** A panel of `windowId` connected: it gets the request kept for its window, if any. */
  connect(windowId: number, port: PanelPort): void {
    const ports = this.connected.get(windowId) ?? new Set<PanelPort>();
    ports.add(port);
    this.connected.set(windowId, ports);
    const request = this.pending.get(windowId);
    if (request) {
      this.pending.delete(windowId);
      post(port, { type: 'panel-request', request });
    }
  }

  disconnect(windowId: number, port: PanelPort): void {
    const ports = this.connected.get(windowId);
    ports?.delete(port);
    if (ports?.size === 0) this.connected.delete(windowId);
  }

  request(windowId: number, request: PanelRequest): void {
    const ports = this.connected.get(windowId);
    if (!ports) {
      this.pending.set(windowId, request);
      return;
    }
    for (const port of ports) post(port, { type: 'panel-request', request });
  }

  /** Every panel hears of it: each follows the active tab of its own window. */
  tabFindingsChanged(tabId: number): void {
    for (const ports of this.connected.values()) {
      for (const port of ports) post(port, { type: 'tab-findings-changed', tabId });
    }
  }
}
