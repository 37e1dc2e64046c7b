/**
 * The user's settings, kept in `storage.sync`. Whatever is stored is read through `parseSettings`,
 * which keeps every valid field and replaces only the broken ones by their defaults, so a corrupt or
 * older value never crashes a page and never costs the user their other choices.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';

export const HIGHLIGHT_STYLES = ['underline', 'background', 'off'] as const;
export const THEMES = ['auto', 'light', 'dark'] as const;

export interface Settings {
  version: 1;
  highlightStyle: (typeof HIGHLIGHT_STYLES)[number];
  redFlagsOnly: boolean;
  theme: (typeof THEMES)[number];
  pausedEverywhere: boolean;
  /** Hostnames where the extension does not scan; each also covers its subdomains. */
  pausedSites: string[];
}

export const SETTINGS_VERSION = 1;
export const SETTINGS_STORAGE_KEY = 'settings';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  version: SETTINGS_VERSION,
  highlightStyle: 'underline',
  redFlagsOnly: false,
  theme: 'auto',
  pausedEverywhere: false,
  pausedSites: [],
});

const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** The hostname a user meant: a bare hostname or a pasted URL, lower-cased; `null` when it is neither. */
export function toHostname(entry: string): string | null {
  const trimmed = entry.trim().toLowerCase().replace(/\.$/, '');
  if (HOSTNAME.test(trimmed)) return trimmed;
  try {
    const { hostname } = new URL(trimmed);
    return HOSTNAME.test(hostname) ? hostname : null;
  } catch {
    return null;
  }
}

/** Valid hostnames from a stored list, in order, once each; `fallback` when it is not a list at all. */
function parseSites(raw: unknown, fallback: string[]): string[] {
  if (!Array.isArray(raw)) return fallback;
  const sites = raw.filter((entry): entry is string => typeof entry === 'string').map(toHostname);
  return [...new Set(sites.filter((site): site is string => site !== null))];
}

/** A schema that keeps each valid field and takes the field from `base` where it is invalid. */
function settingsSchema(base: Readonly<Settings>) {
  return v.object({
    highlightStyle: v.fallback(v.picklist(HIGHLIGHT_STYLES), base.highlightStyle),
    redFlagsOnly: v.fallback(v.boolean(), base.redFlagsOnly),
    theme: v.fallback(v.picklist(THEMES), base.theme),
    pausedEverywhere: v.fallback(v.boolean(), base.pausedEverywhere),
  });
}

function isRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

function parseOver(raw: unknown, base: Readonly<Settings>): Settings {
  const record = isRecord(raw) ? raw : {};
  return {
    version: SETTINGS_VERSION,
    ...v.parse(settingsSchema(base), record),
    pausedSites: parseSites(record.pausedSites, base.pausedSites),
  };
}

/**
 * Settings from any stored value. Unknown keys are dropped, each known field is kept when valid
 * and defaulted otherwise; values from before versioning (or a newer version) are read the same way,
 * field by field, and come out as the current version.
 */
export function parseSettings(raw: unknown): Settings {
  return parseOver(raw, { ...DEFAULT_SETTINGS, pausedSites: [] });
}

/** Whether scanning is off on `hostname`: everywhere, on that site, or on a parent domain of it. */
export function isPausedOn(settings: Settings, hostname: string): boolean {
  if (settings.pausedEverywhere) return true;
  const host = hostname.toLowerCase();
  return settings.pausedSites.some((site) => host === site || host.endsWith(`.${site}`));
}

/** The patch that pauses or resumes one site, leaving the others as they are. */
export function pauseSitePatch(settings: Settings, hostname: string, paused: boolean): Pick<Settings, 'pausedSites'> {
  const site = toHostname(hostname);
  if (site === null) return { pausedSites: settings.pausedSites };
  const others = settings.pausedSites.filter((entry) => entry !== site);
  return { pausedSites: paused ? [...others, site] : others };
}

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.sync.get(SETTINGS_STORAGE_KEY);
  return parseSettings(stored[SETTINGS_STORAGE_KEY]);
}

/** Applies `patch` to the stored settings (invalid fields in it are ignored) and returns the result. */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const current = await loadSettings();
  const next = parseOver({ ...current, ...patch }, current);
  await browser.storage.sync.set({ [SETTINGS_STORAGE_KEY]: next });
  return next;
}

/** Calls `onChange` with the new settings whenever any context changes them; returns the unsubscribe. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_STORAGE_KEY];
    if (area === 'sync' && change) onChange(parseSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** The hostname of a page the extension scans (http or https), or `null` for any other URL. */
export function webPageSite(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? toHostname(hostname) : null;
  } catch {
    return null;
  }
}
