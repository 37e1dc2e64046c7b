/** Looking up selected text: detection plus fuzzy search, with the selection cut to a limit. */
import type { Detection } from '../types';
import type { PanelRequest } from '../messages';
import type { SearchResult } from '../search/types';
import { languageOf } from '../language';

/** Past this, the selection is cut (with a notice): detection stays quick and the panel readable. */
export const MAX_LOOKUP_CHARS = 20_000;

export interface LookupEngine {
  detect(text: string): Detection;
  search(query: string): SearchResult[];
}

/** An empty or whitespace-only selection gives an empty lookup: the panel says to select text. */
export function lookUp(selection: string, engine: LookupEngine): Extract<PanelRequest, { kind: 'lookup' }> {
  const truncated = selection.length > MAX_LOOKUP_CHARS;
  const text = truncated ? selection.slice(0, MAX_LOOKUP_CHARS) : selection;
  if (text.trim() === '') {
    return { kind: 'lookup', text: '', truncated: false, english: true, detection: engine.detect(''), results: [] };
  }
  return {
    kind: 'lookup',
    text,
    truncated,
    english: languageOf(text) !== 'other',
    detection: engine.detect(text),
    results: engine.search(text.trim()),
  };
}
