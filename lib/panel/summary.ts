/** A page's findings in a line (the popup), and what the side panel's summary leads with. */
import type { Level } from '../../content-data/schema';
import type { Detection } from '../types';
import type { MessageKey } from '../i18n';
import { isPausedOn, type Settings } from '../settings';

export interface FindingsLine {
  message: MessageKey;
  /** The numbers the message's placeholders take, in order. */
  counts: number[];
  urgency: Level;
}

/** Why a page is not scanned: paused on its site (or a parent domain), or everywhere. */
export type Pause = 'site' | 'everywhere' | null;

/** `site`: the page's hostname, null when it is not a web page the extension scans. */
export function pauseOf(settings: Settings, site: string | null): Pause {
  if (settings.pausedEverywhere) return 'everywhere';
  return site !== null && isPausedOn(settings, site) ? 'site' : null;
}

/**
 * Every red flag mentioned is someone else's (a carer's post, a story about a parent): then the
 * summary says whose they are instead of "Routine", and any urgency is theirs (`subject: 'other'`).
 */
export function onlyOthersRedFlags(detection: Pick<Detection, 'redFlags'>): boolean {
  return detection.redFlags.length > 0 && detection.redFlags.every((redFlag) => redFlag.experiencer === 'other');
}

/** The urgency the page sets for the person it is about, when that is someone else; else none. */
export function othersUrgency(detection: Pick<Detection, 'subject' | 'urgency'>): Level {
  return detection.subject === 'other' ? detection.urgency : 'none';
}

/**
 * `findings`: the page's last report, null when none came (yet). A paused page shows as paused,
 * whatever it reported before; a page that does not read as English says so rather than "nothing".
 */
export function findingsLine(findings: { detection: Detection; english: boolean } | null, pause: Pause): FindingsLine {
  if (pause) return { message: pause === 'site' ? 'pageLinePausedSite' : 'pageLinePausedEverywhere', counts: [], urgency: 'none' };
  const detection = findings?.detection;
  if (!detection || detection.matches.length === 0) {
    return { message: findings && !findings.english ? 'englishOnly' : 'pageLineNothing', counts: [], urgency: 'none' };
  }
  if (onlyOthersRedFlags(detection)) {
    return { message: 'pageLineOthersOnly', counts: [detection.topics.length], urgency: othersUrgency(detection) };
  }
  const affirmedRedFlags = detection.redFlags.filter((redFlag) => redFlag.context === 'affirmed').length;
  return { message: 'pageLineCounts', counts: [affirmedRedFlags, detection.topics.length], urgency: detection.urgency };
}
