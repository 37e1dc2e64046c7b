/**
 * The user's settings, kept in `storage.sync`. Whatever is stored is read through `parseSettings`,
 * which keeps every valid field and replaces only the broken ones by their defaults, so a corrupt or
 * older value never crashes a page and never costs the user their other choices.
 *
 * storage.sync allows 8 kB per item and about 100 kB in all, so what grows is split: the choices are
 * one small item (`settings`), and each paused site is an item of its own (`pausedSite:<host>`).
 * Every write is read back; a change that could not be saved is reported, never dropped silently,
 * and a failed write changes nothing.
 */
import { browser } from 'wxt/browser';
import { type MessageKey, t } from '../i18n';

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

function isRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/** `value` when it is one of `allowed`, `fallback` otherwise. */
const oneOf = <T>(allowed: readonly T[], value: unknown, fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);
const flagOr = (value: unknown, fallback: boolean): boolean => (typeof value === 'boolean' ? value : fallback);

/**
 * Each valid field of `raw`, and the field from `base` where it is invalid. Four flat fields, read by
 * hand: this runs in the script that starts in every tab, whose size has a budget.
 */
function parseOver(raw: unknown, base: Readonly<Settings>): Settings {
  const record = isRecord(raw) ? raw : {};
  return {
    version: SETTINGS_VERSION,
    highlightStyle: oneOf(HIGHLIGHT_STYLES, record.highlightStyle, base.highlightStyle),
    redFlagsOnly: flagOr(record.redFlagsOnly, base.redFlagsOnly),
    theme: oneOf(THEMES, record.theme, base.theme),
    pausedEverywhere: flagOr(record.pausedEverywhere, base.pausedEverywhere),
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

/** The storage.sync key of one paused site. */
const PAUSED_SITE_PREFIX = 'pausedSite:';
/** storage.sync holds at most 512 items: the paused sites get all but a few. */
export const MAX_PAUSED_SITES = 500;

const isSettingsKey = (key: string) => key === SETTINGS_STORAGE_KEY || key.startsWith(PAUSED_SITE_PREFIX);

/**
 * Settings from everything in storage.sync: the `settings` item and the paused-site items, oldest
 * first. A `pausedSites` list inside `settings` (how they were stored before) is read too, and moves
 * to items of its own at the next write.
 */
export function settingsFromStorage(items: Record<string, unknown>): Settings {
  const stored = isRecord(items[SETTINGS_STORAGE_KEY]) ? items[SETTINGS_STORAGE_KEY] : {};
  const inline = Array.isArray(stored.pausedSites) ? stored.pausedSites : [];
  const own = Object.entries(items)
    .filter(([key]) => key.startsWith(PAUSED_SITE_PREFIX))
    .map(([key, order]) => ({ site: key.slice(PAUSED_SITE_PREFIX.length), order: typeof order === 'number' ? order : 0 }))
    .sort((a, b) => a.order - b.order || a.site.localeCompare(b.site))
    .map(({ site }) => site);
  return parseSettings({ ...stored, pausedSites: [...inline, ...own] });
}

export interface StorageWrites {
  set: Record<string, unknown>;
  remove: string[];
}

/**
 * What to write so that storage.sync, holding `items`, holds `next`. A paused site's item holds
 * the order it was paused in (a time; sites moved from the old inline list keep their place first).
 */
export function storageWrites(items: Record<string, unknown>, next: Settings, now = Date.now()): StorageWrites {
  const { pausedSites, ...choices } = next;
  const set: Record<string, unknown> = {};
  const stored = items[SETTINGS_STORAGE_KEY];
  if (JSON.stringify(stored) !== JSON.stringify(choices)) set[SETTINGS_STORAGE_KEY] = choices;
  const inline = isRecord(stored) && Array.isArray(stored.pausedSites) ? stored.pausedSites : [];
  pausedSites.forEach((site, index) => {
    const key = PAUSED_SITE_PREFIX + site;
    if (key in items) return;
    const inlineAt = inline.findIndex((entry) => typeof entry === 'string' && toHostname(entry) === site);
    set[key] = inlineAt === -1 ? now + index : inlineAt;
  });
  const kept = new Set(pausedSites.map((site) => PAUSED_SITE_PREFIX + site));
  const remove = Object.keys(items).filter((key) => key.startsWith(PAUSED_SITE_PREFIX) && !kept.has(key));
  return { set, remove };
}

/** Why a change was not saved. */
export type SaveProblem = 'too-many-sites' | 'storage-full' | 'too-often' | 'not-saved';

const SAVE_PROBLEM_MESSAGES: Record<SaveProblem, MessageKey> = {
  'too-many-sites': 'saveProblemTooManySites',
  'storage-full': 'saveProblemStorageFull',
  'too-often': 'saveProblemTooOften',
  'not-saved': 'saveProblemNotSaved',
};

/** A settings change that was not saved; nothing else was changed. */
export class SettingsSaveError extends Error {
  constructor(
    readonly problem: SaveProblem,
    options?: { cause?: unknown },
  ) {
    super(`Settings not saved: ${problem}`, options);
    this.name = 'SettingsSaveError';
  }
}

/** What the user is told when `updateSettings` failed with `error`. */
export function saveProblemText(error: unknown): string {
  const problem = error instanceof SettingsSaveError ? error.problem : 'not-saved';
  return t(SAVE_PROBLEM_MESSAGES[problem], MAX_PAUSED_SITES);
}

/** The browser's quota errors: "QUOTA_BYTES_PER_ITEM quota exceeded", "MAX_ITEMS …", "MAX_WRITE_OPERATIONS_PER_MINUTE …". */
function problemOf(error: unknown): SaveProblem {
  const message = error instanceof Error ? error.message : String(error);
  if (/MAX_WRITE_OPERATIONS/i.test(message)) return 'too-often';
  if (/quota|MAX_ITEMS/i.test(message)) return 'storage-full';
  return 'not-saved';
}

const sameSettings = (a: Settings, b: Settings) => JSON.stringify(a) === JSON.stringify(b);

export async function loadSettings(): Promise<Settings> {
  return settingsFromStorage(await browser.storage.sync.get(null));
}

/**
 * Applies `patch` to the stored settings (invalid fields in it are ignored) and returns what is
 * stored after. Throws SettingsSaveError when the change could not be saved (then nothing changed):
 * past MAX_PAUSED_SITES, at the browser's quota, or when reading back shows something else.
 */
export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const items = await browser.storage.sync.get(null);
  const current = settingsFromStorage(items);
  const next = parseOver({ ...current, ...patch }, current);
  const adds = next.pausedSites.some((site) => !current.pausedSites.includes(site));
  if (adds && next.pausedSites.length > MAX_PAUSED_SITES) throw new SettingsSaveError('too-many-sites');
  const { set, remove } = storageWrites(items, next);
  try {
    // One write: the browser applies all of it or, at a quota, none of it.
    if (Object.keys(set).length > 0) await browser.storage.sync.set(set);
    if (remove.length > 0) await browser.storage.sync.remove(remove);
  } catch (error) {
    throw new SettingsSaveError(problemOf(error), { cause: error });
  }
  const saved = await loadSettings();
  if (!sameSettings(saved, next)) throw new SettingsSaveError('not-saved');
  return saved;
}

/**
 * Calls `onChange` with the settings whenever any context changes them; returns the unsubscribe.
 * A write may arrive as several changes: each is read whole, and only the latest read is passed on.
 */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  let reads = 0;
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'sync' || !Object.keys(changes).some(isSettingsKey)) return;
    const read = ++reads;
    void loadSettings()
      .then((settings) => read === reads && onChange(settings))
      .catch(() => undefined);
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
