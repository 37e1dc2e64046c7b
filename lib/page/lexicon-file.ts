/**
 * The lexicon source is not bundled into the content script: it is a file of the build
 * (`lexicon.json`, written by content-data/vite-plugin.ts and checked there), fetched when scanning
 * starts. Paused pages and frames that are not scanned never load it, and the script every tab
 * parses at start stays small. Being data, not code, it needs no `import()` of an extension URL.
 */
import { browser, type PublicPath } from 'wxt/browser';
import type { LexiconSource } from '../../content-data/schema';

/** Loads the file once, on the first call; a failed load is tried again on the next call. */
export function lexiconLoader(path: string): () => Promise<LexiconSource> {
  let loading: Promise<LexiconSource> | undefined;
  return () => {
    // WXT's list of public paths does not know files that a Vite plugin writes.
    loading ??= fetch(browser.runtime.getURL(path as PublicPath))
      .then(async (response) => {
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
        return (await response.json()) as LexiconSource;
      })
      .catch((error: unknown) => {
        loading = undefined;
        throw error;
      });
    return loading;
  };
}
