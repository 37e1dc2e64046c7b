import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  isPausedOn,
  parseSettings,
  pauseSitePatch,
  toHostname,
  type Settings,
} from '../../lib/settings';

const valid: Settings = {
  version: 1,
  highlightStyle: 'background',
  redFlagsOnly: true,
  theme: 'dark',
  pausedEverywhere: false,
  pausedSites: ['reddit.com', 'forum.example.org'],
};

describe('parseSettings', () => {
  it('keeps a valid current value as it is', () => {
    expect(parseSettings(valid)).toEqual(valid);
  });

  it.each([undefined, null, 42, 'settings', [], [valid], true])('replaces a non-object (%j) by the defaults', (raw) => {
    expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('replaces only the corrupt fields and keeps the others', () => {
    const parsed = parseSettings({ ...valid, highlightStyle: 'sparkles', theme: 7, redFlagsOnly: 'yes' });
    expect(parsed).toEqual({
      ...valid,
      highlightStyle: DEFAULT_SETTINGS.highlightStyle,
      theme: DEFAULT_SETTINGS.theme,
      redFlagsOnly: DEFAULT_SETTINGS.redFlagsOnly,
    });
  });

  it('drops unknown keys', () => {
    const parsed = parseSettings({ ...valid, telemetry: true, __proto__x: 1 });
    expect(Object.keys(parsed).sort()).toEqual(Object.keys(valid).sort());
  });

  it('reads a value from before versioning, or from another version, field by field as the current version', () => {
    const { version: _version, ...unversioned } = valid;
    expect(parseSettings(unversioned)).toEqual(valid);
    expect(parseSettings({ ...valid, version: 0 })).toEqual(valid);
    expect(parseSettings({ ...valid, version: 99, pausedEverywhere: true }).version).toBe(1);
  });

  it('cleans the site list: URLs become hostnames, junk is dropped, duplicates go', () => {
    const parsed = parseSettings({
      pausedSites: ['https://WWW.Example.com/thread/1', 'www.example.com', 'not a host', 12, null, 'Reddit.com.'],
    });
    expect(parsed.pausedSites).toEqual(['www.example.com', 'reddit.com']);
  });

  it('defaults a site list that is not a list', () => {
    expect(parseSettings({ pausedSites: 'reddit.com' }).pausedSites).toEqual([]);
  });

  it('never shares the default site list between results', () => {
    const first = parseSettings(undefined);
    first.pausedSites.push('example.com');
    expect(parseSettings(undefined).pausedSites).toEqual([]);
  });
});

describe('toHostname', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Sub.Example.COM ', 'sub.example.com'],
    ['https://forum.example.org:8443/t/1?x=2', 'forum.example.org'],
    ['localhost', 'localhost'],
    ['exa mple.com', null],
    ['javascript:alert(1)', null],
    ['', null],
  ])('%j -> %j', (entry, expected) => {
    expect(toHostname(entry)).toBe(expected);
  });
});

describe('isPausedOn', () => {
  const settings = parseSettings({ pausedSites: ['reddit.com'] });

  it('pauses a listed site and its subdomains, not look-alikes', () => {
    expect(isPausedOn(settings, 'reddit.com')).toBe(true);
    expect(isPausedOn(settings, 'old.Reddit.com')).toBe(true);
    expect(isPausedOn(settings, 'notreddit.com')).toBe(false);
    expect(isPausedOn(settings, 'example.com')).toBe(false);
  });

  it('pauses every site when paused everywhere', () => {
    expect(isPausedOn({ ...settings, pausedEverywhere: true }, 'example.com')).toBe(true);
  });
});

describe('pauseSitePatch', () => {
  const settings = parseSettings({ pausedSites: ['a.com', 'b.com'] });

  it('adds a site once and removes it again, keeping the others', () => {
    expect(pauseSitePatch(settings, 'C.com', true)).toEqual({ pausedSites: ['a.com', 'b.com', 'c.com'] });
    expect(pauseSitePatch(settings, 'a.com', true)).toEqual({ pausedSites: ['b.com', 'a.com'] });
    expect(pauseSitePatch(settings, 'a.com', false)).toEqual({ pausedSites: ['b.com'] });
  });

  it('leaves the list alone for something that is not a hostname', () => {
    expect(pauseSitePatch(settings, 'not a host', true)).toEqual({ pausedSites: ['a.com', 'b.com'] });
  });
});
