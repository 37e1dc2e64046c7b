/**
 * The window of text a range is detected in. Every stage that reads across sentences reads at most
 * LOOKBACK_CHARS before a mention (a story carried over, a lead-in above a list, an open quotation
 * mark) and LOOKAHEAD_CHARS after it (the sentence after, "It went away"; a story's recovery), so
 * detecting a range inside this window gives it the contexts the whole text gives it. The window is
 * cut at line breaks (or spaces, in one huge line), where a token and the line facts of the
 * tokenizer start afresh.
 */
import { MAX_BLOCK_CHARS } from '../context/blocks';
import { MAX_ENDING_CHARS } from '../context/endings';
import { MAX_CARRIED_CHARS } from '../context/voice';
import { MAX_QUOTE_CHARS } from '../text';

export const LOOKBACK_CHARS = Math.max(MAX_BLOCK_CHARS, MAX_CARRIED_CHARS, MAX_QUOTE_CHARS) + 200;
export const LOOKAHEAD_CHARS = MAX_ENDING_CHARS + 200;
/** How far past the wanted cut a line break is looked for before a space is taken instead. */
const SNAP_CHARS = 1_000;

/** Where a window for text[from, ...) starts: at a line start at least LOOKBACK_CHARS before `from`. */
export function windowStart(text: string, from: number): number {
  const wanted = from - LOOKBACK_CHARS;
  if (wanted <= 0) return 0;
  const lineStart = text.lastIndexOf('\n', wanted);
  if (lineStart >= 0 && wanted - lineStart <= SNAP_CHARS) return lineStart + 1;
  const space = text.lastIndexOf(' ', wanted);
  return space >= 0 && wanted - space <= SNAP_CHARS ? space + 1 : Math.max(0, wanted - SNAP_CHARS);
}

/** Where a window for text[..., to) ends: at a line end at least LOOKAHEAD_CHARS after `to`. */
export function windowEnd(text: string, to: number): number {
  const wanted = to + LOOKAHEAD_CHARS;
  if (wanted >= text.length) return text.length;
  const lineEnd = text.indexOf('\n', wanted);
  if (lineEnd >= 0 && lineEnd - wanted <= SNAP_CHARS) return lineEnd;
  const space = text.indexOf(' ', wanted);
  return space >= 0 && space - wanted <= SNAP_CHARS ? space : Math.min(text.length, wanted + SNAP_CHARS);
}
