/**
 * The messages exchanged between the content script, the background and the extension pages,
 * with what each request is answered by. Every context sends through the helpers below so
 * that a message and its reply are typed at both ends.
 */
import { browser } from 'wxt/browser';
import type { Detection } from './types';
import type { SearchResult } from './search/types';
import type { StoredLexicon } from './lexicon-store';

/** What the background keeps for a tab: the last scan its content script reported. */
export interface TabFindings {
  tabId: number;
  url: string;
  title: string;
  detection: Detection;
  scannedAt: number;
}

/** What the side panel should show when it opens or is already open. */
export type PanelRequest =
  | { kind: 'topic'; id: string }
  | { kind: 'red-flag'; id: string }
  | {
      kind: 'lookup';
      /** The looked-up text, cut to the lookup limit; show as text only. */
      text: string;
      /** The selection was longer than the limit and was cut. */
      truncated: boolean;
      detection: Detection;
      results: SearchResult[];
    };

/** Content script -> background, after each scan of the page. */
export interface FindingsMessage {
  type: 'findings';
  detection: Detection;
  url: string;
  title: string;
}
/** Background -> extension pages, when a tab's findings were stored or cleared. */
export interface TabFindingsChangedMessage {
  type: 'tab-findings-changed';
  tabId: number;
}
/** Side panel / popup -> background. */
export interface GetTabFindingsMessage {
  type: 'get-tab-findings';
  tabId: number;
}
/** Side panel -> content script: scroll to `detection.matches[index]` and flash it. */
export interface RevealMatchMessage {
  type: 'reveal-match';
  index: number;
}
/** Any context -> background: keep this request for the window's side panel. */
export interface SetPanelRequestMessage {
  type: 'set-panel-request';
  windowId: number;
  request: PanelRequest;
}
/** Background -> extension pages, after a panel request was set. */
export interface PanelRequestMessage {
  type: 'panel-request';
  windowId: number;
  request: PanelRequest;
}
/** Side panel -> background, when it opens: the pending request, removed from the store. */
export interface TakePanelRequestMessage {
  type: 'take-panel-request';
  windowId: number;
}
/**
 * Content script -> background, from a click in the hover card: store the request for the
 * sender's window and open the side panel (the click's user gesture travels with the message).
 */
export interface OpenPanelMessage {
  type: 'open-panel';
  request: PanelRequest;
}

/** Background -> content script (the frame the selection is in): the selected text. */
export interface GetSelectionMessage {
  type: 'get-selection';
}
/** Content script (hover card) -> background: the titles of these topics, for display. */
export interface DescribeTopicsMessage {
  type: 'describe-topics';
  ids: string[];
}

/** Content script -> background, when `storage.local` holds no lexicon of this build. */
export interface GetLexiconMessage {
  type: 'get-lexicon';
}

export type Message =
  | FindingsMessage
  | TabFindingsChangedMessage
  | GetTabFindingsMessage
  | RevealMatchMessage
  | SetPanelRequestMessage
  | PanelRequestMessage
  | TakePanelRequestMessage
  | OpenPanelMessage
  | GetSelectionMessage
  | DescribeTopicsMessage
  | GetLexiconMessage;

/** The reply each message type is answered with (`void` for notifications). */
export interface Replies {
  findings: void;
  'tab-findings-changed': void;
  'get-tab-findings': TabFindings | null;
  /** Whether the match was found on the page. */
  'reveal-match': boolean;
  'set-panel-request': void;
  'panel-request': void;
  'take-panel-request': PanelRequest | null;
  'open-panel': void;
  'get-selection': string;
  /** In the order asked; unknown ids are left out. */
  'describe-topics': { id: string; title: string }[];
  'get-lexicon': StoredLexicon;
}

export type ReplyTo<M extends Message> = Replies[M['type']];

const MESSAGE_TYPES: ReadonlySet<string> = new Set<Message['type']>([
  'findings',
  'tab-findings-changed',
  'get-tab-findings',
  'reveal-match',
  'set-panel-request',
  'panel-request',
  'take-panel-request',
  'open-panel',
  'get-selection',
  'describe-topics',
  'get-lexicon',
]);

/** A cheap shape check for listeners: other extensions' and stray messages are ignored. */
export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    MESSAGE_TYPES.has((value as { type: string }).type)
  );
}

/** Send to the background (or, for broadcasts, to every extension page). */
export function sendMessage<M extends Message>(message: M): Promise<ReplyTo<M>> {
  return browser.runtime.sendMessage(message) as Promise<ReplyTo<M>>;
}

/** Send to the content script of a tab (its top frame unless `frameId` says otherwise). */
export function sendToTab<M extends Message>(
  tabId: number,
  message: M,
  frameId = 0,
): Promise<ReplyTo<M>> {
  return browser.tabs.sendMessage(tabId, message, { frameId }) as Promise<ReplyTo<M>>;
}

/**
 * Send a broadcast that may have no listener (no extension page open): the "receiving end does
 * not exist" rejection is expected then, not an error.
 */
export function broadcast(message: TabFindingsChangedMessage | PanelRequestMessage): Promise<void> {
  return sendMessage(message).catch(() => undefined);
}
