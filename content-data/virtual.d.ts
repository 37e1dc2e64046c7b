/** Modules served at build time by `content-data/vite-plugin.ts`. */

declare module 'virtual:bpl-knowledge-base' {
  const knowledgeBase: import('./schema').KnowledgeBase;
  export default knowledgeBase;
}

/** The lexicon compiled and packed for the content script (lib/page-lexicon.ts). */
declare module 'virtual:bpl-page-lexicon' {
  const pageLexicon: string;
  export default pageLexicon;
}

declare module 'virtual:bpl-search-index' {
  const searchIndex: import('../lib/search/index').SerializedSearchIndex;
  export default searchIndex;
}

/** A hash of the packed lexicon: which build's lexicon a stored copy is (see lib/lexicon-store.ts). */
declare module 'virtual:bpl-lexicon-version' {
  const lexiconVersion: string;
  export default lexiconVersion;
}
