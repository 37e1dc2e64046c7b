import { openSidePanel } from '../../lib/background/side-panel';
import { sendMessage, type PanelRequest } from '../../lib/messages';

/**
 * Opens the side panel (Firefox: the sidebar) of `windowId` at `request`. The open call comes first,
 * with no `await` before it, since both browsers allow it only inside the user's gesture; the panel
 * picks the request up from the background whichever arrives first.
 */
export async function openSidePanelAt(windowId: number, request: PanelRequest): Promise<void> {
  const opening = openSidePanel(windowId);
  await Promise.all([sendMessage({ type: 'set-panel-request', windowId, request }), opening]);
}
