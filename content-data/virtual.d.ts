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

/** The extension path of the lexicon source written as a file of the build (`/lexicon.json`). */
declare module 'virtual:bpl-lexicon-file' {
  const lexiconPath: string;
  export default lexiconPath;
}
