import { rmSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toLexiconSource } from '../../content-data/build';
import { loadKnowledgeBase } from '../../content-data/load';
import { contentDataPlugin } from '../../content-data/vite-plugin';
import { lexiconLoader } from '../../lib/page/lexicon-file';
import { makeContentDir } from '../fixtures/content-broken/valid-base';

const dir = makeContentDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the lexicon file', () => {
  it('is written into the build by the module that names its path', async () => {
    const plugin = contentDataPlugin(dir);
    const emitted: { type: string; fileName: string; source: string }[] = [];
    const context = {
      addWatchFile: () => undefined,
      emitFile: (file: (typeof emitted)[number]) => emitted.push(file),
      error: (error: { message: string }) => {
        throw new Error(error.message);
      },
    };
    const hook = (name: 'configResolved' | 'buildStart' | 'resolveId' | 'load') =>
      plugin[name] as unknown as (...args: unknown[]) => unknown;
    hook('configResolved').call(context, { command: 'build' });
    hook('buildStart').call(context);
    const id = hook('resolveId').call(context, 'virtual:bpl-lexicon-file');
    const code = (await hook('load').call(context, id)) as string;

    expect(code).toBe('export default "/lexicon.json";\n');
    expect(emitted).toHaveLength(1);
    expect(emitted[0]!.type).toBe('asset');
    expect(emitted[0]!.fileName).toBe('lexicon.json');
    expect(JSON.parse(emitted[0]!.source)).toEqual(toLexiconSource(loadKnowledgeBase(dir)));
  });
});

describe('lexiconLoader', () => {
  afterEach(() => vi.unstubAllGlobals());

  const source = toLexiconSource(loadKnowledgeBase(dir));

  it('fetches the file from the extension once', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify(source)));
    vi.stubGlobal('fetch', fetch);
    const load = lexiconLoader('/lexicon.json');
    expect(await load()).toEqual(source);
    expect(await load()).toEqual(source);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith(fakeBrowser.runtime.getURL('/lexicon.json'));
  });

  it('tries again after a failed load', async () => {
    const fetch = vi
      .fn<() => Promise<Response>>()
      .mockResolvedValueOnce(new Response('', { status: 404 }))
      .mockResolvedValueOnce(new Response(JSON.stringify(source)));
    vi.stubGlobal('fetch', fetch);
    const load = lexiconLoader('/lexicon.json');
    await expect(load()).rejects.toThrow('/lexicon.json: HTTP 404');
    expect(await load()).toEqual(source);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
