/**
 * The messages between the content script, the background and the extension pages, declared once
 * per direction as a call map: each entry names a message, the fields it carries and what it is
 * answered with. The runtime lists of message types are the maps' keys, so a message cannot be
 * declared in one place and forgotten in another, and every send and every handler is typed from
 * the same entry.
 *
 * - content script -> background and extension page -> background: `runtime.sendMessage`;
 * - background -> side panel: pushed over the port the panel connects (`connectPanel`);
 * - background or side panel -> content script: `tabs.sendMessage`.
 */
import { browser, type Browser } from 'wxt/browser';
import type { Detection } from './types';
import type { PackedDetection } from './packed-detection';
import type { SearchResult } from './search/types';
import type { StoredLexicon } from './lexicon-store';
import type { PartName } from './page/parts';

/** What the background keeps for a tab: the last scan its content script reported. */
export interface TabFindings {
  tabId: number;
  url: string;
  title: string;
  detection: Detection;
  /** Whether the page reads as English (the only language the lexicon knows); see lib/language. */
  english: boolean;
  scannedAt: number;
}

/** What the side panel should show when it opens or is already open. */
export type PanelRequest =
  /** The active tab's findings ("On this page"). */
  | { kind: 'page' }
  | { kind: 'topic'; id: string }
  | { kind: 'red-flag'; id: string }
  | {
      kind: 'lookup';
      /** The looked-up text, cut to the lookup limit; show as text only. */
      text: string;
      /** The selection was longer than the limit and was cut. */
      truncated: boolean;
      /** Whether the text reads as English; see lib/language. */
      english: boolean;
      detection: Detection;
      results: SearchResult[];
    };

/** What the hover card shows beyond what the page's lexicon holds. */
export interface MarkDescription {
  /** One plain line on what the term means; null for an unknown term. */
  definition: string | null;
  /** In the order asked; unknown ids are left out. */
  topics: { id: string; title: string }[];
}

/** One entry of a call map: the fields a message carries and its reply. Only its type is used. */
export interface Call<Fields extends object, Reply> {
  readonly fields: Fields;
  readonly reply: Reply;
}
/** A call-map entry; the value is a placeholder, only the map's keys exist at run time. */
const call = <Fields extends object = Record<never, never>, Reply = void>() => ({}) as Call<Fields, Reply>;

type CallMap = Record<string, Call<object, unknown>>;

/** Content script -> background. */
export const CONTENT_TO_BACKGROUND = {
  /** After each scan of the page (the top frame only speaks for the tab); packed, see lib/packed-detection.ts. */
  findings: call<{ detection: PackedDetection; url: string; title: string; english: boolean }>(),
  /**
   * From a click in the hover card: show `request` in the sender's window's side panel, opening it
   * (the click's user gesture travels with the message).
   */
  'open-panel': call<{ request: PanelRequest }>(),
  /** The hover card's definition and topic titles for a mark. */
  'describe-mark': call<{ termId: string; topicIds: string[] }, MarkDescription>(),
  /** `storage.local` holds no lexicon of this build (see lib/lexicon-store): the background's copy. */
  'get-lexicon': call<Record<never, never>, StoredLexicon>(),
  /** Run a part of the content script in the sender's frame (see lib/page/parts); answered once it has run. */
  'load-part': call<{ part: PartName }, boolean>(),
};

/** Extension page (popup, side panel, settings) -> background. */
export const PAGE_TO_BACKGROUND = {
  'get-tab-findings': call<{ tabId: number }, TabFindings | null>(),
  /** Show `request` in the window's side panel: now if it is connected, else when it connects. */
  'set-panel-request': call<{ windowId: number; request: PanelRequest }>(),
};

/** Background -> side panel, over the panel's port. */
export const BACKGROUND_TO_PANEL = {
  'panel-request': call<{ request: PanelRequest }>(),
  /** A tab's findings were stored or cleared. */
  'tab-findings-changed': call<{ tabId: number }>(),
};

/** Background or side panel -> a tab's content script. */
export const TO_CONTENT = {
  /** Scroll to `detection.matches[index]` and flash it; answered with whether it is on the page. */
  'reveal-match': call<{ index: number }, boolean>(),
  /** Scroll to the post `detection.posts[…].index` names and flash its marks; answered with whether it is there. */
  'reveal-post': call<{ index: number }, boolean>(),
  /** The selected text of the frame. */
  'get-selection': call<Record<never, never>, string>(),
  /**
   * Move to the next (1) or previous (-1) red-flag mark on the page and open its card with focus;
   * answered with whether the page has one.
   */
  'step-red-flag': call<{ direction: 1 | -1 }, boolean>(),
};

export type ContentToBackground = typeof CONTENT_TO_BACKGROUND;
export type PageToBackground = typeof PAGE_TO_BACKGROUND;
export type BackgroundToPanel = typeof BACKGROUND_TO_PANEL;
export type ToContent = typeof TO_CONTENT;
export type ToBackground = ContentToBackground & PageToBackground;

/** The message `type` of map `M`, with its fields. */
export type MessageOf<M extends CallMap, K extends keyof M = keyof M> = {
  [T in K]: { type: T } & M[T]['fields'];
}[K];
export type ReplyOf<M extends CallMap, K extends keyof M> = M[K]['reply'];

/** A handler for every message of `M`: adding a message to a map without handling it fails to compile. */
export type Handlers<M extends CallMap, Context> = {
  [K in keyof M]: (message: MessageOf<M, K>, context: Context) => ReplyOf<M, K> | Promise<ReplyOf<M, K>>;
};

/** A cheap shape check for listeners: messages of other maps, other extensions and strays are not `M`'s. */
export function isMessageOf<M extends CallMap>(map: M, value: unknown): value is MessageOf<M> {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && Object.hasOwn(map, type);
}

/** Runs the handler of `message`, or returns undefined when it is not one of `map`'s. */
export function dispatch<M extends CallMap, Context>(
  map: M,
  handlers: Handlers<M, Context>,
  message: unknown,
  context: Context,
): Promise<unknown> | undefined {
  if (!isMessageOf(map, message)) return undefined;
  const handler = handlers[message.type as keyof M] as (message: MessageOf<M>, context: Context) => unknown;
  return Promise.resolve(handler(message, context));
}

export const TO_BACKGROUND: ToBackground = { ...CONTENT_TO_BACKGROUND, ...PAGE_TO_BACKGROUND };

/** Content script or extension page -> background. */
export function sendToBackground<K extends keyof ToBackground>(
  message: MessageOf<ToBackground, K>,
): Promise<ReplyOf<ToBackground, K>> {
  return browser.runtime.sendMessage(message) as Promise<ReplyOf<ToBackground, K>>;
}

/** To the content script of a tab (its top frame unless `frameId` says otherwise). */
export function sendToTab<K extends keyof ToContent>(
  tabId: number,
  message: MessageOf<ToContent, K>,
  frameId = 0,
): Promise<ReplyOf<ToContent, K>> {
  return browser.tabs.sendMessage(tabId, message, { frameId }) as Promise<ReplyOf<ToContent, K>>;
}

const PANEL_PORT_PREFIX = 'bpl-panel:';
const QUICK_DISCONNECT_MS = 1_000;

/** The window a side panel's port speaks for, from its name; null for any other port. */
export function panelPortWindow(portName: string): number | null {
  if (!portName.startsWith(PANEL_PORT_PREFIX)) return null;
  const windowId = Number(portName.slice(PANEL_PORT_PREFIX.length));
  return Number.isInteger(windowId) ? windowId : null;
}

/**
 * The side panel's end of its port: `onMessage` hears what the background pushes. A port closes
 * when the background's service worker stops; the panel connects again at once, so it never
 * misses a push (the background keeps a request for a window with no panel connected).
 * Returns the disconnect.
 */
export function connectPanel(windowId: number, onMessage: (message: MessageOf<BackgroundToPanel>) => void): () => void {
  let port: Browser.runtime.Port | null = null;
  let closed = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const listener = (message: unknown) => {
    if (isMessageOf(BACKGROUND_TO_PANEL, message)) onMessage(message);
  };
  const connect = () => {
    const connectedAt = Date.now();
    port = browser.runtime.connect({ name: `${PANEL_PORT_PREFIX}${windowId}` });
    port.onMessage.addListener(listener);
    port.onDisconnect.addListener(() => {
      if (closed) return;
      // A port that closes at once (the extension going away) is not tried again in a tight loop.
      retry = setTimeout(connect, Date.now() - connectedAt < QUICK_DISCONNECT_MS ? QUICK_DISCONNECT_MS : 0);
    });
  };
  connect();
  return () => {
    closed = true;
    clearTimeout(retry);
    port?.disconnect();
  };
}
