/** Urgency order, for everything that lists red flags most urgent first. */
import { URGENCIES, type Urgency } from './types';

/** Lower is more urgent. */
export function urgencyRank(urgency: Urgency): number {
  return URGENCIES.indexOf(urgency);
}

/** The items, most urgent first; equal urgencies keep their given order. */
export function byUrgency<T>(items: readonly T[], urgencyOf: (item: T) => Urgency): T[] {
  return [...items].sort((a, b) => urgencyRank(urgencyOf(a)) - urgencyRank(urgencyOf(b)));
}
