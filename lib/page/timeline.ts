/**
 * The content script's timings (`bpl:scan`, `bpl:compile`, `bpl:first-mark`). Performance entries
 * land in the page's own timeline, where any page script can read them and learn that the reader
 * runs a back-pain extension, so they are published only when the developer setting is on
 * (`TIMELINE_SETTING_KEY` in `storage.local`, off unless set: the end-to-end tests and
 * `npm run bench:page` set it). Every entry goes through `publishTiming`.
 */

/** `storage.local` key of the developer setting; `true` publishes the timings. */
export const TIMELINE_SETTING_KEY = 'developer:publishTimings';

let publishing = false;

/** Called once the setting is read, before the first scan. */
export function setTimingsPublished(on: boolean): void {
  publishing = on;
}

/** A mark (no `measure`) or a measure on the page's timeline, if the setting is on. */
export function publishTiming(name: string, measure?: PerformanceMeasureOptions): void {
  if (!publishing) return;
  if (measure) performance.measure(name, measure);
  else performance.mark(name);
}
