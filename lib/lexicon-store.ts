/**
 * The lexicon the content script scans with, compiled and packed by the build (lib/page-lexicon.ts).
 * It is not bundled into the content script (the script every tab parses at start stays small, and
 * paused pages never load it) and it is not a web-accessible file (any page could fetch one and
 * learn that the reader has a back-pain extension). The background keeps it in `storage.local`,
 * which pages cannot read, and answers `get-lexicon` when the stored copy is missing or from
 * another build.
 */
import { browser } from 'wxt/browser';

export const LEXICON_STORAGE_KEY = 'lexicon';

export interface StoredLexicon {
  /** A hash of the packed lexicon (`virtual:bpl-lexicon-version`): which build wrote it. */
  version: string;
  /** The packed lexicon (`virtual:bpl-page-lexicon`): one string, which storage and messages carry whole. */
  packed: string;
}

function isStoredLexicon(value: unknown, version: string): value is StoredLexicon {
  return typeof value === 'object' && value !== null && (value as StoredLexicon).version === version && typeof (value as StoredLexicon).packed === 'string';
}

/** Background: keep the current lexicon where content scripts read it. */
export async function storeLexicon(lexicon: StoredLexicon): Promise<void> {
  await browser.storage.local.set({ [LEXICON_STORAGE_KEY]: lexicon });
}

/** `load`, run once, on the first call; a load that failed is run again on the next call. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

/**
 * Content script: loads the packed lexicon of build `version` once, on the first call, from
 * `storage.local`, else by asking the background (`ask`); a failed load is tried again on the
 * next call.
 */
export function lexiconLoader(version: string, ask: () => Promise<StoredLexicon | undefined>): () => Promise<string> {
  return loadOnce(async () => {
    const stored: unknown = (await browser.storage.local.get(LEXICON_STORAGE_KEY))[LEXICON_STORAGE_KEY];
    if (isStoredLexicon(stored, version)) return stored.packed;
    const answer = await ask();
    if (!isStoredLexicon(answer, version)) throw new Error('The lexicon is not available yet.');
    return answer.packed;
  });
}
