/** Modules served at build time by `content-data/vite-plugin.ts`. */

declare module 'virtual:bpl-knowledge-base' {
  const knowledgeBase: import('./schema').KnowledgeBase;
  export default knowledgeBase;
}

declare module 'virtual:bpl-lexicon-source' {
  const lexiconSource: import('./schema').LexiconSource;
  export default lexiconSource;
}

declare module 'virtual:bpl-search-index' {
  const searchIndex: import('../lib/search/index').SerializedSearchIndex;
  export default searchIndex;
}

/** A hash of the lexicon source: which build's lexicon a stored copy is (see lib/lexicon-store.ts). */
declare module 'virtual:bpl-lexicon-version' {
  const lexiconVersion: string;
  export default lexiconVersion;
}
