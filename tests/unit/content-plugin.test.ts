import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toLexiconSource } from '../../content-data/build';
import { contentFilePaths, loadKnowledgeBase } from '../../content-data/load';
import { contentDataPlugin } from '../../content-data/vite-plugin';
import { packPageLexicon } from '../../lib/page-lexicon';
import { buildSearchIndex } from '../../lib/search/index';
import { brokenCases, tempContentDirs, validBase, writeContentDir } from '../fixtures/content-broken/valid-base';

const contentDir = tempContentDirs();

type Hook = (this: PluginContext, ...args: unknown[]) => unknown;
interface PluginContext {
  watched: string[];
  addWatchFile(path: string): void;
  error(error: { message: string; stack?: string }): never;
}

/** Drives the plugin's hooks the way Vite would, with `this.error` throwing like Rollup's. */
function drive(dir: string, command: 'build' | 'serve' = 'build') {
  const plugin = contentDataPlugin(dir);
  const context: PluginContext = {
    watched: [],
    addWatchFile(path) {
      this.watched.push(path);
    },
    error(error) {
      throw Object.assign(new Error(error.message), error);
    },
  };
  const hook = (name: 'configResolved' | 'buildStart' | 'resolveId' | 'load' | 'handleHotUpdate') =>
    plugin[name] as unknown as Hook;
  hook('configResolved').call(context, { command });
  return {
    context,
    buildStart: () => hook('buildStart').call(context),
    handleHotUpdate: (update: { file: string; server: unknown }) => hook('handleHotUpdate').call(context, update),
    resolveId: (id: string) => hook('resolveId').call(context, id) as string | undefined,
    /** Loads a virtual module and evaluates its default export. */
    async importModule(id: string): Promise<unknown> {
      const code = (await hook('load').call(context, this.resolveId(id))) as string;
      return new Function(code.replace(/^export default /, 'return '))();
    },
  };
}

function errorOf(action: () => unknown): (Error & { stack?: string }) | undefined {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  return undefined;
}

describe.each(brokenCases())('a build over broken content ($name)', ({ dir, expected }) => {
  it('fails at buildStart with the ContentError message and no stack', () => {
    const error = errorOf(drive(contentDir(dir)).buildStart);
    expect(error?.message).toContain(`/${expected}`);
    expect(error?.stack).toBe('');
  });
});

describe('the virtual modules', () => {
  const dir = contentDir();
  const plugin = drive(dir);
  plugin.buildStart();
  const kb = loadKnowledgeBase(dir);

  it('watches every content file', () => {
    expect(plugin.context.watched).toEqual(contentFilePaths(dir));
  });

  it('resolves only its own ids', () => {
    expect(plugin.resolveId('virtual:bpl-knowledge-base')).toBe('\0virtual:bpl-knowledge-base');
    expect(plugin.resolveId('virtual:something-else')).toBeUndefined();
  });

  it('serves the knowledge base, the packed page lexicon and the search index', async () => {
    expect(await plugin.importModule('virtual:bpl-knowledge-base')).toEqual(kb);
    expect(await plugin.importModule('virtual:bpl-page-lexicon')).toBe(packPageLexicon(toLexiconSource(kb)));
    expect(await plugin.importModule('virtual:bpl-search-index')).toEqual(JSON.parse(JSON.stringify(buildSearchIndex(kb))));
  });
});

describe('in the dev server', () => {
  it('loads when a module is first asked for, so broken content fails that module, not the server', async () => {
    const brokenCase = brokenCases().find((c) => c.name === 'bad-url');
    const plugin = drive(contentDir(brokenCase?.dir), 'serve');
    expect(plugin.buildStart).not.toThrow();
    await expect(plugin.importModule('virtual:bpl-page-lexicon')).rejects.toThrow(`/${brokenCase?.expected}`);
  });

  it('reloads after a content file changes: drops the virtual modules and reloads the page', async () => {
    const brokenCase = brokenCases().find((c) => c.name === 'bad-url');
    const dir = contentDir(brokenCase?.dir);
    const plugin = drive(dir, 'serve');
    await expect(plugin.importModule('virtual:bpl-knowledge-base')).rejects.toThrow('must be an https URL');

    writeContentDir(dir, new Map([['sources.json', validBase().get('sources.json')]]));
    const invalidated: string[] = [];
    const sent: unknown[] = [];
    const server = {
      moduleGraph: {
        getModuleById: (id: string) => ({ id }),
        invalidateModule: (module: { id: string }) => invalidated.push(module.id),
      },
      ws: { send: (payload: unknown) => sent.push(payload) },
    };
    expect(plugin.handleHotUpdate({ file: join(dir, 'src/unrelated.ts'), server })).toBeUndefined();
    expect(plugin.handleHotUpdate({ file: join(dir, 'sources.json'), server })).toEqual([]);
    expect(invalidated).toEqual(
      ['virtual:bpl-knowledge-base', 'virtual:bpl-page-lexicon', 'virtual:bpl-lexicon-version', 'virtual:bpl-search-index'].map(
        (id) => `\0${id}`,
      ),
    );
    expect(sent).toEqual([{ type: 'full-reload' }]);
    expect(await plugin.importModule('virtual:bpl-knowledge-base')).toEqual(loadKnowledgeBase(dir));
  });
});
