/** The page's findings in one line, for the popup. */
import type { Level } from '../../content-data/schema';
import type { Detection } from '../types';
import type { MessageKey } from '../i18n';

export interface FindingsLine {
  message: MessageKey;
  /** The numbers the message's placeholders take, in order. */
  counts: number[];
  urgency: Level;
}

/** `paused`: the extension does not scan this page (paused here or everywhere), whatever was found before. */
export function findingsLine(detection: Detection | null, paused: boolean): FindingsLine {
  if (paused) return { message: 'pageLinePaused', counts: [], urgency: 'none' };
  if (detection === null || detection.matches.length === 0) {
    return { message: 'pageLineNothing', counts: [], urgency: 'none' };
  }
  const affirmedRedFlags = detection.redFlags.filter((redFlag) => redFlag.context === 'affirmed').length;
  return { message: 'pageLineCounts', counts: [affirmedRedFlags, detection.topics.length], urgency: detection.urgency };
}
