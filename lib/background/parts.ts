/** Injects a part of the content script into the frame that asked for it (see lib/page/parts.ts). */
import { browser, type Browser } from 'wxt/browser';
import { isPartName, PART_FILES, type PartName } from '../page/parts';

/**
 * Runs the part's file in the sender's frame, in the content script's isolated world. Injecting a
 * part twice does no harm: the second copy hands over the same thing again. Answers whether it ran.
 */
export async function injectPart(part: PartName, sender: Browser.runtime.MessageSender): Promise<boolean> {
  const tabId = sender.tab?.id;
  if (tabId === undefined || !isPartName(part)) return false;
  await browser.scripting.executeScript({
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    files: [PART_FILES[part]],
  });
  return true;
}
