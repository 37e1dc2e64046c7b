/**
 * Vite plugin: checks the knowledge base when a build starts (broken content fails the build with
 * the ContentError message) and serves it to browser bundles as virtual modules, so nothing is
 * validated at run time. In the dev server it loads lazily and reloads when a content file changes.
 */
import { createHash } from 'node:crypto';
import { resolve, sep } from 'node:path';
import type { Plugin } from 'vite';
import { ContentError, toLexiconSource } from './build';
import { CONTENT_DIR, contentFilePaths, loadKnowledgeBase } from './load';
import type { KnowledgeBase } from './schema';

/** The lexicon compiled and packed for the content script (lib/page-lexicon.ts), once per knowledge base. */
const pageLexicons = new WeakMap<KnowledgeBase, Promise<string>>();
function pageLexicon(kb: KnowledgeBase): Promise<string> {
  let packed = pageLexicons.get(kb);
  if (!packed) {
    // Imported on demand, like the search engine below.
    packed = import('../lib/page-lexicon').then(({ packPageLexicon }) => packPageLexicon(toLexiconSource(kb)));
    pageLexicons.set(kb, packed);
  }
  return packed;
}

/** What each virtual module exports by default, computed from the knowledge base. */
const MODULES = {
  'virtual:bpl-knowledge-base': (kb: KnowledgeBase): unknown => kb,
  'virtual:bpl-page-lexicon': pageLexicon,
  // Which lexicon a build has: the content script takes the copy in storage.local only if it
  // matches. A hash of the packed lexicon, so it changes with the content and with the compiler.
  'virtual:bpl-lexicon-version': async (kb: KnowledgeBase): Promise<unknown> => lexiconVersion(await pageLexicon(kb)),
  // Imported on demand so that loading the Vite config does not pull in the search engine.
  'virtual:bpl-search-index': async (kb: KnowledgeBase): Promise<unknown> =>
    (await import('../lib/search/index')).buildSearchIndex(kb),
} as const;

type ModuleId = keyof typeof MODULES;

/** A short hash of the packed lexicon. */
export function lexiconVersion(source: unknown): string {
  return createHash('sha256').update(JSON.stringify(source)).digest('hex').slice(0, 16);
}

// Rollup convention: a leading NUL keeps other plugins from touching virtual modules.
const RESOLVED_PREFIX = '\0';

const isModuleId = (id: string): id is ModuleId => Object.hasOwn(MODULES, id);

/** JSON.parse of a string literal is parsed faster by engines than the same object literal; a string is a literal. */
const jsonModule = (data: unknown): string =>
  typeof data === 'string' ? `export default ${JSON.stringify(data)};\n` : `export default JSON.parse(${JSON.stringify(JSON.stringify(data))});\n`;

export function contentDataPlugin(dir: string = CONTENT_DIR): Plugin {
  const contentRoot = resolve(dir) + sep;
  let knowledgeBase: KnowledgeBase | undefined;
  let loadAtBuildStart = true;

  /** Loads the knowledge base, turning a ContentError into a plugin error that shows only its message. */
  function loadOrFail(fail: (error: { message: string; stack: string }) => never): KnowledgeBase {
    try {
      return loadKnowledgeBase(dir);
    } catch (error) {
      if (error instanceof ContentError) fail({ message: error.message, stack: '' });
      throw error;
    }
  }

  return {
    name: 'bpl-content-data',

    configResolved(config) {
      loadAtBuildStart = config.command === 'build';
    },

    buildStart() {
      for (const path of contentFilePaths(dir)) this.addWatchFile(path);
      knowledgeBase = loadAtBuildStart ? loadOrFail((error) => this.error(error)) : undefined;
    },

    resolveId(id) {
      return isModuleId(id) ? RESOLVED_PREFIX + id : undefined;
    },

    async load(id) {
      if (!id.startsWith(RESOLVED_PREFIX)) return undefined;
      const moduleId = id.slice(RESOLVED_PREFIX.length);
      if (!isModuleId(moduleId)) return undefined;
      knowledgeBase ??= loadOrFail((error) => this.error(error));
      return jsonModule(await MODULES[moduleId](knowledgeBase));
    },

    handleHotUpdate({ file, server }) {
      if (!resolve(file).startsWith(contentRoot) || !file.endsWith('.json')) return undefined;
      knowledgeBase = undefined;
      for (const moduleId of Object.keys(MODULES)) {
        const module = server.moduleGraph.getModuleById(RESOLVED_PREFIX + moduleId);
        if (module) server.moduleGraph.invalidateModule(module);
      }
      server.ws.send({ type: 'full-reload' });
      return [];
    },
  };
}
