/** A page's findings in a line (the popup), and what the side panel's summary leads with. */
import type { Level } from '../../content-data/schema';
import type { Detection } from '../types';
import type { MessageKey } from '../i18n';
import { isPausedOn, type Settings } from '../settings';
import { countedRedFlagIds } from './mention';
import { postsThatMatter } from './posts';

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
 * Whose warning signs a page's summary speaks of: the reader's own; those of the one other person the
 * text is about (a carer's post: the urgency is theirs, `subject: 'other'`); or only other people's,
 * in passing, in a text about the writer (then they set no urgency for anyone).
 */
export type SignsOf = 'own' | 'someone-else' | 'others-in-passing';

export function signsOf(detection: Pick<Detection, 'subject' | 'redFlags'>): SignsOf {
  if (detection.subject === 'other') return 'someone-else';
  const othersOnly = detection.redFlags.length > 0 && detection.redFlags.every((redFlag) => redFlag.experiencer === 'other');
  return othersOnly ? 'others-in-passing' : 'own';
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
  const redFlags = countedRedFlagIds(detection).size;
  const topics = detection.topics.length;
  // A thread's signs are its posters': the line says how many posts, not "you".
  const posts = postsThatMatter(detection).length;
  if (posts > 0) return { message: 'pageLineThread', counts: [posts, topics], urgency: detection.urgency };
  switch (signsOf(detection)) {
    case 'someone-else':
      return { message: 'pageLineSomeoneElse', counts: [redFlags, topics], urgency: detection.urgency };
    case 'others-in-passing':
      return { message: 'pageLineOthersOnly', counts: [topics], urgency: 'none' };
    case 'own':
      return { message: 'pageLineCounts', counts: [redFlags, topics], urgency: detection.urgency };
  }
}
