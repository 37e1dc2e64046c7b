import type { Level } from '../content-data/schema';
import { t, type MessageKey } from '../lib/i18n';

const LEVEL_WORDS: Record<Level, MessageKey> = {
  emergency: 'urgencyEmergency',
  urgent: 'urgencyUrgent',
  soon: 'urgencySoon',
  routine: 'urgencyRoutine',
  none: 'urgencyNone',
};

const LEVEL_MEANINGS: Record<Level, MessageKey> = {
  emergency: 'urgencyEmergencyMeaning',
  urgent: 'urgencyUrgentMeaning',
  soon: 'urgencySoonMeaning',
  routine: 'urgencyRoutineMeaning',
  none: 'urgencyNoneMeaning',
};

/** The word for an urgency level, e.g. "Emergency". */
export function urgencyWord(level: Level): string {
  return t(LEVEL_WORDS[level]);
}

/** What an urgency level asks of the reader, e.g. "Contact a doctor today". */
export function urgencyMeaning(level: Level): string {
  return t(LEVEL_MEANINGS[level]);
}

/** A distinct shape per level so urgency never rests on colour alone. */
function UrgencyIcon({ level }: { level: Level }) {
  const shape = {
    // Octagon with an exclamation mark: stop.
    emergency: (
      <>
        <path d="M5 1h6l4 4v6l-4 4H5l-4-4V5z" fill="currentColor" />
        <path d="M8 4v5M8 11.2v.6" stroke="var(--bpl-icon-mark)" stroke-width="2" stroke-linecap="round" />
      </>
    ),
    // Triangle with an exclamation mark: warning.
    urgent: (
      <>
        <path d="M8 1l7.5 13.5H.5z" fill="currentColor" />
        <path d="M8 6v4M8 12v.4" stroke="var(--bpl-icon-mark)" stroke-width="1.8" stroke-linecap="round" />
      </>
    ),
    // Clock: book soon.
    soon: (
      <>
        <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="M8 4.5V8l2.5 2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
      </>
    ),
    // Circle with a tick: manage at home.
    routine: (
      <>
        <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="M5 8.2l2 2 4-4.4" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
      </>
    ),
    // Dash in a circle: nothing found.
    none: (
      <>
        <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="M5 8h6" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
      </>
    ),
  }[level];
  return (
    <svg class="bpl-badge__icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {shape}
    </svg>
  );
}

/** An urgency level as an icon plus its word; `title` carries what the level means. */
export function UrgencyBadge({ level }: { level: Level }) {
  return (
    <span class={`bpl-badge bpl-badge--${level}`} title={urgencyMeaning(level)}>
      <UrgencyIcon level={level} />
      <span class="bpl-badge__word">{urgencyWord(level)}</span>
    </span>
  );
}
