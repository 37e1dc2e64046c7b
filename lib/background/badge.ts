/**
 * The toolbar badge of a tab: the red flags that set its urgency in red (the reader's own, or those of
 * the person a carer writes about), or else its terms in a quiet grey.
 */
import { browser } from 'wxt/browser';
import { countedRedFlagIds } from '../panel/mention';
import type { Detection } from '../types';

export interface Badge {
  text: string;
  color: string;
}

export const RED_FLAG_BADGE_COLOR = '#b3261e';
export const TERM_BADGE_COLOR = '#5f6368';

/** Badge text stays readable in its few pixels. */
function countText(count: number): string {
  if (count === 0) return '';
  return count > 99 ? '99+' : String(count);
}

export function badgeFor(detection: Detection | null): Badge {
  if (!detection) return { text: '', color: TERM_BADGE_COLOR };
  const redFlags = countedRedFlagIds(detection).size;
  if (redFlags > 0) return { text: countText(redFlags), color: RED_FLAG_BADGE_COLOR };
  const terms = new Set(detection.matches.map((match) => match.termId)).size;
  return { text: countText(terms), color: TERM_BADGE_COLOR };
}

/** Chrome MV3 has `action`; Firefox MV2 has `browserAction` with the same badge calls. */
function toolbarButton() {
  return browser.action ?? browser.browserAction;
}

export async function showBadge(tabId: number, detection: Detection | null): Promise<void> {
  const badge = badgeFor(detection);
  const button = toolbarButton();
  await Promise.all([
    button.setBadgeText({ tabId, text: badge.text }),
    button.setBadgeBackgroundColor({ tabId, color: badge.color }),
  ]);
}
