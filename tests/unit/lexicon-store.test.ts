import { rmSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toLexiconSource } from '../../content-data/build';
import { loadKnowledgeBase } from '../../content-data/load';
import { contentDataPlugin, lexiconVersion } from '../../content-data/vite-plugin';
import { LEXICON_STORAGE_KEY, lexiconLoader, storeLexicon } from '../../lib/lexicon-store';
import { makeContentDir } from '../fixtures/content-broken/valid-base';

const dir = makeContentDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const source = toLexiconSource(loadKnowledgeBase(dir));

describe('the lexicon version', () => {
  it('is served by the build as a hash of the lexicon source, which changes with it', async () => {
    const plugin = contentDataPlugin(dir);
    const context = { addWatchFile: () => undefined, error: (error: { message: string }) => { throw new Error(error.message); } };
    const hook = (name: 'configResolved' | 'buildStart' | 'resolveId' | 'load') =>
      plugin[name] as unknown as (...args: unknown[]) => unknown;
    hook('configResolved').call(context, { command: 'build' });
    hook('buildStart').call(context);
    const id = hook('resolveId').call(context, 'virtual:bpl-lexicon-version');
    const code = (await hook('load').call(context, id)) as string;
    expect(code).toBe(`export default JSON.parse(${JSON.stringify(JSON.stringify(lexiconVersion(source)))});\n`);
    expect(lexiconVersion(source)).toMatch(/^[0-9a-f]{16}$/);
    expect(lexiconVersion({ ...source, terms: source.terms.slice(1) })).not.toBe(lexiconVersion(source));
  });
});

describe('lexiconLoader', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the copy of its own build from storage.local once, without asking the background', async () => {
    await storeLexicon({ version: 'v2', source });
    const ask = vi.fn(async () => undefined);
    const load = lexiconLoader('v2', ask);
    expect(await load()).toEqual(source);
    expect(await load()).toEqual(source);
    expect(ask).not.toHaveBeenCalled();
  });

  it('asks the background when storage.local holds another build’s copy, or none', async () => {
    await fakeBrowser.storage.local.set({ [LEXICON_STORAGE_KEY]: { version: 'v1', source: { terms: [] } } });
    const ask = vi.fn(async () => ({ version: 'v2', source }));
    expect(await lexiconLoader('v2', ask)()).toEqual(source);
    await fakeBrowser.storage.local.clear();
    expect(await lexiconLoader('v2', ask)()).toEqual(source);
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('fails with a plain message when there is no answer, and tries again on the next call', async () => {
    const ask = vi
      .fn<() => Promise<{ version: string; source: typeof source } | undefined>>()
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce({ version: 'v2', source });
    const load = lexiconLoader('v2', ask);
    await expect(load()).rejects.toThrow('The lexicon is not available yet.');
    expect(await load()).toEqual(source);
  });
});
