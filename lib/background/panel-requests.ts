/** The latest thing each window's side panel should show, until the panel takes it. */
import type { PanelRequest } from '../messages';

export class PanelRequests {
  private readonly byWindow = new Map<number, PanelRequest>();

  set(windowId: number, request: PanelRequest): void {
    this.byWindow.set(windowId, request);
  }

  take(windowId: number): PanelRequest | null {
    const request = this.byWindow.get(windowId) ?? null;
    this.byWindow.delete(windowId);
    return request;
  }
}
