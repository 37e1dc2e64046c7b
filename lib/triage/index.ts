/**
 * From red flags (affirmed on a page, or ticked by the user) to one urgency level with the
 * reasons: each red flag sets at least its own urgency, and a combination listed in the knowledge
 * base raises it when all its red flags are present together.
 */
import { LEVELS, type Level, type LexiconSource } from '../../content-data/schema';
import type { Triage, TriageReason } from '../types';

const rank = (level: Level) => LEVELS.indexOf(level);

export function mostUrgent(levels: Level[]): Level {
  return levels.reduce<Level>((best, level) => (rank(level) < rank(best) ? level : best), 'none');
}

export function triage(redFlagIds: string[], redFlags: LexiconSource['redFlags']): Triage {
  const present = new Set(redFlagIds);
  const reasons: TriageReason[] = [];
  const combined = new Set<string>();
  for (const flag of redFlags) {
    if (!present.has(flag.id)) continue;
    reasons.push({ redFlagIds: [flag.id], urgency: flag.urgency, text: flag.label });
    for (const combination of flag.combinations) {
      const redFlagIds = [flag.id, ...combination.with];
      // Two red flags may each list the other: one reason per set of red flags.
      const key = [...redFlagIds].sort().join(' ');
      if (combination.with.every((id) => present.has(id)) && !combined.has(key)) {
        combined.add(key);
        reasons.push({ redFlagIds, urgency: combination.urgency, text: combination.reason });
      }
    }
  }
  // Most urgent first; at one level, combinations (the more specific reasons) first.
  reasons.sort((a, b) => rank(a.urgency) - rank(b.urgency) || b.redFlagIds.length - a.redFlagIds.length);
  return { urgency: mostUrgent(reasons.map((reason) => reason.urgency)), reasons };
}
