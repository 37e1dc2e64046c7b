import { rmSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toLexiconSource } from '../../content-data/build';
import { loadKnowledgeBase } from '../../content-data/load';
import { contentDataPlugin, lexiconVersion } from '../../content-data/vite-plugin';
import { LEXICON_STORAGE_KEY, lexiconLoader, storeLexicon } from '../../lib/lexicon-store';
import { packPageLexicon } from '../../lib/page-lexicon';
import { makeContentDir } from '../fixtures/content-broken/valid-base';

const dir = makeContentDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const source = toLexiconSource(loadKnowledgeBase(dir));
const packed = packPageLexicon(source);

describe('the lexicon version', () => {
  it('is served by the build as a hash of the packed lexicon, which changes with it', async () => {
    const plugin = contentDataPlugin(dir);
    const context = { addWatchFile: () => undefined, error: (error: { message: string }) => { throw new Error(error.message); } };
    const hook = (name: 'configResolved' | 'buildStart' | 'resolveId' | 'load') =>
      plugin[name] as unknown as (...args: unknown[]) => unknown;
    hook('configResolved').call(context, { command: 'build' });
    hook('buildStart').call(context);
    const id = hook('resolveId').call(context, 'virtual:bpl-lexicon-version');
    const code = (await hook('load').call(context, id)) as string;
    expect(code).toBe(`export default ${JSON.stringify(lexiconVersion(packed))};\n`);
    expect(lexiconVersion(packed)).toMatch(/^[0-9a-f]{16}$/);
    expect(lexiconVersion(packPageLexicon({ ...source, terms: source.terms.slice(1) }))).not.toBe(lexiconVersion(packed));
  });
});

describe('lexiconLoader', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads the copy of its own build from storage.local once, without asking the background', async () => {
    await storeLexicon({ version: 'v2', packed });
    const ask = vi.fn(async () => undefined);
    const load = lexiconLoader('v2', ask);
    expect(await load()).toBe(packed);
    expect(await load()).toBe(packed);
    expect(ask).not.toHaveBeenCalled();
  });

  it('asks the background when storage.local holds another build’s copy, an older kind of copy, or none', async () => {
    const ask = vi.fn(async () => ({ version: 'v2', packed }));
    await fakeBrowser.storage.local.set({ [LEXICON_STORAGE_KEY]: { version: 'v1', packed: '[]' } });
    expect(await lexiconLoader('v2', ask)()).toBe(packed);
    // What builds before the packed lexicon stored: the source, not a packed string.
    await fakeBrowser.storage.local.set({ [LEXICON_STORAGE_KEY]: { version: 'v2', source: { terms: [] } } });
    expect(await lexiconLoader('v2', ask)()).toBe(packed);
    await fakeBrowser.storage.local.clear();
    expect(await lexiconLoader('v2', ask)()).toBe(packed);
    expect(ask).toHaveBeenCalledTimes(3);
  });

  it('fails with a plain message when there is no answer, and tries again on the next call', async () => {
    const ask = vi
      .fn<() => Promise<{ version: string; packed: string } | undefined>>()
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce({ version: 'v2', packed });
    const load = lexiconLoader('v2', ask);
    await expect(load()).rejects.toThrow('The lexicon is not available yet.');
    expect(await load()).toBe(packed);
  });
});
