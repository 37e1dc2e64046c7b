import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  MAX_PAUSED_SITES,
  SETTINGS_STORAGE_KEY,
  SettingsSaveError,
  loadSettings,
  pauseSitePatch,
  saveProblemText,
  settingsFromStorage,
  storageWrites,
  updateSettings,
  watchSettings,
  type Settings,
} from '../../lib/settings';
import { installMessages } from '../fixtures/ui-i18n';

const sites = (count: number) => Array.from({ length: count }, (_, i) => `forum-${i}.example.org`);
const stored = async () => fakeBrowser.storage.sync.get(null);

describe('settings in storage.sync', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    installMessages();
  });

  it('loads the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('loads a corrupt stored value without throwing, keeping its valid fields', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_STORAGE_KEY]: { theme: 'dark', highlightStyle: ['x'] } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('updates one field, keeps the others and ignores invalid fields of the patch', async () => {
    await updateSettings({ theme: 'light', pausedSites: ['example.com'] });
    const next = await updateSettings({ redFlagsOnly: true, theme: 'neon' as Settings['theme'] });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, theme: 'light', redFlagsOnly: true, pausedSites: ['example.com'] });
    expect(await loadSettings()).toEqual(next);
  });

  it('keeps each paused site in an item of its own, so no item grows with the list', async () => {
    await updateSettings({ highlightStyle: 'background', pausedSites: sites(453) });
    const items = await stored();
    expect(Object.keys(items)).toHaveLength(454);
    expect(items[SETTINGS_STORAGE_KEY]).toEqual({
      version: 1,
      highlightStyle: 'background',
      redFlagsOnly: false,
      theme: 'auto',
      pausedEverywhere: false,
    });
    const largestItem = Math.max(...Object.entries(items).map(([key, value]) => key.length + JSON.stringify(value).length));
    expect(largestItem).toBeLessThan(300);
    // Oldest first, as they were paused.
    expect((await loadSettings()).pausedSites).toEqual(sites(453));
    await updateSettings({ highlightStyle: 'off' });
    expect(await loadSettings()).toMatchObject({ highlightStyle: 'off', pausedSites: sites(453) });
  });

  it('adds and removes one site’s item without rewriting the others', async () => {
    await updateSettings({ pausedSites: ['a.example', 'b.example'] });
    const set = vi.spyOn(fakeBrowser.storage.sync, 'set');
    const settings = await loadSettings();
    await updateSettings(pauseSitePatch(settings, 'c.example', true));
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(set.mock.calls[0]![0])).toEqual(['pausedSite:c.example']);
    await updateSettings(pauseSitePatch(await loadSettings(), 'a.example', false));
    expect((await loadSettings()).pausedSites).toEqual(['b.example', 'c.example']);
  });

  it('moves a list stored inline the old way to items of its own, in its order, at the next write', async () => {
    await fakeBrowser.storage.sync.set({
      [SETTINGS_STORAGE_KEY]: { version: 1, theme: 'dark', pausedSites: ['z.example', 'a.example'] },
    });
    expect(await loadSettings()).toMatchObject({ theme: 'dark', pausedSites: ['z.example', 'a.example'] });
    await updateSettings({ redFlagsOnly: true });
    const items = await stored();
    expect(items[SETTINGS_STORAGE_KEY]).not.toHaveProperty('pausedSites');
    expect(Object.keys(items).sort()).toEqual(['pausedSite:a.example', 'pausedSite:z.example', SETTINGS_STORAGE_KEY]);
    expect(await loadSettings()).toMatchObject({ theme: 'dark', redFlagsOnly: true, pausedSites: ['z.example', 'a.example'] });
  });

  it(`refuses a site past ${MAX_PAUSED_SITES} with a reason and changes nothing; removing still works`, async () => {
    await updateSettings({ pausedSites: sites(MAX_PAUSED_SITES) });
    const error = await updateSettings(pauseSitePatch(await loadSettings(), 'one-more.example', true)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsSaveError);
    expect((error as SettingsSaveError).problem).toBe('too-many-sites');
    expect(saveProblemText(error)).toMatch(new RegExp(`^Not saved: .* at most ${MAX_PAUSED_SITES} sites\\.`));
    expect((await loadSettings()).pausedSites).toHaveLength(MAX_PAUSED_SITES);
    await updateSettings({ pausedSites: sites(MAX_PAUSED_SITES - 1) });
    expect((await loadSettings()).pausedSites).toHaveLength(MAX_PAUSED_SITES - 1);
  });

  it('reports a write the browser refused at its quota, and what was stored stays', async () => {
    await updateSettings({ theme: 'dark', pausedSites: ['a.example'] });
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const error = await updateSettings({ highlightStyle: 'background' }).catch((e: unknown) => e);
    expect((error as SettingsSaveError).problem).toBe('storage-full');
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded'));
    expect(((await updateSettings({ highlightStyle: 'background' }).catch((e: unknown) => e)) as SettingsSaveError).problem).toBe('too-often');
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', pausedSites: ['a.example'] });
  });

  it('reads every write back and reports one that did not stick', async () => {
    // A write the browser says it made but did not keep.
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockResolvedValueOnce(undefined);
    const error = await updateSettings({ theme: 'light' }).catch((e: unknown) => e);
    expect((error as SettingsSaveError).problem).toBe('not-saved');
    expect(saveProblemText(new Error('anything else'))).toMatch(/^Not saved: the browser did not keep this change/);
  });

  it('tells watchers about changes to the choices and to the paused sites, parsed, until they unsubscribe', async () => {
    const seen: Settings[] = [];
    const unsubscribe = watchSettings((settings) => seen.push(settings));
    await updateSettings({ highlightStyle: 'off' });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    await updateSettings({ pausedSites: ['a.example'] });
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    await fakeBrowser.storage.sync.set({ [SETTINGS_STORAGE_KEY]: 'garbage' });
    await vi.waitFor(() => expect(seen).toHaveLength(3));
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: { theme: 'dark' } });
    await fakeBrowser.storage.sync.set({ unrelated: 1 });
    unsubscribe();
    await updateSettings({ theme: 'dark' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toEqual([
      { ...DEFAULT_SETTINGS, highlightStyle: 'off' },
      { ...DEFAULT_SETTINGS, highlightStyle: 'off', pausedSites: ['a.example'] },
      { ...DEFAULT_SETTINGS, pausedSites: ['a.example'] },
    ]);
  });
});

describe('storageWrites and settingsFromStorage', () => {
  it('round-trip: writing what storageWrites says gives back the settings', () => {
    const next = { ...DEFAULT_SETTINGS, theme: 'dark' as const, pausedSites: ['b.example', 'a.example'] };
    const { set, remove } = storageWrites({}, next, 1000);
    expect(remove).toEqual([]);
    expect(set).toMatchObject({ 'pausedSite:b.example': 1000, 'pausedSite:a.example': 1001 });
    expect(settingsFromStorage(set)).toEqual(next);
    expect(storageWrites(set, next)).toEqual({ set: {}, remove: [] });
  });
});
