import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  SETTINGS_STORAGE_KEY,
  loadSettings,
  updateSettings,
  watchSettings,
  type Settings,
} from '../../lib/settings';

describe('settings in storage.sync', () => {
  beforeEach(() => fakeBrowser.reset());

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
    expect((await fakeBrowser.storage.sync.get(SETTINGS_STORAGE_KEY))[SETTINGS_STORAGE_KEY]).toEqual(next);
  });

  it('tells watchers about changes, parsed, until they unsubscribe', async () => {
    const seen: Settings[] = [];
    const unsubscribe = watchSettings((settings) => seen.push(settings));
    await updateSettings({ highlightStyle: 'off' });
    await fakeBrowser.storage.sync.set({ [SETTINGS_STORAGE_KEY]: 'garbage' });
    await fakeBrowser.storage.local.set({ [SETTINGS_STORAGE_KEY]: { theme: 'dark' } });
    unsubscribe();
    await updateSettings({ theme: 'dark' });
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, highlightStyle: 'off' }, DEFAULT_SETTINGS]);
  });
});
