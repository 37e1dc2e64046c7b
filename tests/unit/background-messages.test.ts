import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { KnowledgeBase } from '../../content-data/schema';
import { startBackground } from '../../lib/background';
import { LEXICON_STORAGE_KEY } from '../../lib/lexicon-store';
import {
  BACKGROUND_TO_PANEL,
  CONTENT_TO_BACKGROUND,
  dispatch,
  isMessageOf,
  PAGE_TO_BACKGROUND,
  panelPortWindow,
  TO_CONTENT,
} from '../../lib/messages';
import type { Detection } from '../../lib/types';
import type { SerializedSearchIndex } from '../../lib/search';
import { packDetection } from '../../lib/packed-detection';

const knowledgeBase = {
  topics: [{ id: 'sciatica', title: 'Sciatica' }],
  redFlags: [],
  terms: [{ id: 'sciatica', label: 'Sciatica', definition: 'Pain running from the lower back down a leg.' }],
  concepts: [],
  sources: [],
} as unknown as KnowledgeBase;

const detection: Detection = {
  urgency: 'emergency',
  reasons: [],
  matches: [
    {
      start: 0,
      end: 20,
      text: 'numb between my legs',
      termId: 'saddle-numbness',
      topicIds: ['cauda-equina-syndrome'],
      redFlagIds: ['rf-saddle-numbness'],
      context: 'affirmed',
      experiencer: 'writer',
    },
  ],
  redFlags: [{ id: 'rf-saddle-numbness', context: 'affirmed', experiencer: 'writer' }],
  topics: ['cauda-equina-syndrome'],
  subject: 'writer',
};

/** Deliver a message to the background's listener as if sent from `sender`. */
async function deliver(message: unknown, sender: object = {}) {
  const replies = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return replies.find((reply: unknown) => reply !== undefined);
}

/** What the build would serve as `virtual:bpl-page-lexicon`: the background hands it on as it is. */
const PAGE_LEXICON = '[["a","the packed lexicon"]]';

const fromTab = (tabId: number, frameId = 0) => ({ tab: { id: tabId, windowId: 1 }, frameId, url: 'https://forum.example/t/1' });
/** As the content script sends them: packed. */
const findings = { type: 'findings', detection: packDetection(detection), url: 'https://forum.example/t/1', title: 'Thread', english: true };

/** A side panel's port, as the background sees it. */
function panelPort(windowId: number) {
  const received: unknown[] = [];
  const disconnected: (() => void)[] = [];
  const port = {
    name: `bpl-panel:${windowId}`,
    postMessage: (message: unknown) => void received.push(message),
    onDisconnect: { addListener: (listener: () => void) => void disconnected.push(listener) },
  };
  return { port, received, disconnect: () => disconnected.forEach((listener) => listener()) };
}

let connect: (port: unknown) => void;

beforeEach(() => {
  fakeBrowser.reset();
  // Not in the fake browser: the background only registers listeners on them here.
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation((listener) => {
    connect = listener as (port: unknown) => void;
  });
  startBackground({ knowledgeBase, searchIndex: {} as SerializedSearchIndex, lexiconVersion: 'v1', pageLexicon: PAGE_LEXICON });
});

describe('the call maps', () => {
  it('tell each direction’s messages apart from the others’ and from strays', () => {
    expect(isMessageOf(CONTENT_TO_BACKGROUND, { type: 'findings' })).toBe(true);
    expect(isMessageOf(PAGE_TO_BACKGROUND, { type: 'findings' })).toBe(false);
    expect(isMessageOf(TO_CONTENT, { type: 'step-red-flag', direction: 1 })).toBe(true);
    expect(isMessageOf(BACKGROUND_TO_PANEL, { type: 'panel-request' })).toBe(true);
    for (const stray of [{ type: 'toString' }, { type: '__proto__' }, 'findings', null, { kind: 'findings' }]) {
      expect(isMessageOf(CONTENT_TO_BACKGROUND, stray)).toBe(false);
    }
  });

  it('run the handler of a message and leave other messages alone', async () => {
    const handlers = {
      'reveal-match': ({ index }: { index: number }) => index > 2,
      'reveal-post': ({ index }: { index: number }) => index === 1,
      'get-selection': () => 'selected',
      'step-red-flag': ({ direction }: { direction: 1 | -1 }) => direction === 1,
    };
    expect(await dispatch(TO_CONTENT, handlers, { type: 'reveal-match', index: 3 }, undefined)).toBe(true);
    expect(await dispatch(TO_CONTENT, handlers, { type: 'reveal-post', index: 1 }, undefined)).toBe(true);
    expect(await dispatch(TO_CONTENT, handlers, { type: 'get-selection' }, undefined)).toBe('selected');
    expect(dispatch(TO_CONTENT, handlers, { type: 'findings' }, undefined)).toBeUndefined();
  });

  it('name the window of a panel port and nothing else', () => {
    expect(panelPortWindow('bpl-panel:12')).toBe(12);
    expect(panelPortWindow('bpl-panel:x')).toBeNull();
    expect(panelPortWindow('something-else:12')).toBeNull();
  });
});

describe('background messages', () => {
  it('keeps a tab’s findings, sets its badge and tells the connected panels', async () => {
    const panel = panelPort(1);
    connect(panel.port);
    await deliver(findings, fromTab(3));
    expect(await deliver({ type: 'get-tab-findings', tabId: 3 })).toMatchObject({
      tabId: 3,
      url: 'https://forum.example/t/1',
      english: true,
      detection,
    });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('1');
    expect(panel.received).toContainEqual({ type: 'tab-findings-changed', tabId: 3 });
  });

  it('ignores findings from frames other than the top one', async () => {
    await deliver({ ...findings, url: 'https://ads.example/' }, fromTab(3, 7));
    expect(await deliver({ type: 'get-tab-findings', tabId: 3 })).toBeNull();
  });

  it('answers each sender only the messages of its direction', async () => {
    // A web page's content script may not read another tab's findings, nor an extension page report findings.
    await deliver(findings, fromTab(3));
    expect(await deliver({ type: 'get-tab-findings', tabId: 3 }, fromTab(4))).toBeUndefined();
    // The popup opened in a tab of its own has a tab too.
    await deliver(findings, { tab: { id: 4, windowId: 1 }, frameId: 0, url: fakeBrowser.runtime.getURL('/popup.html') });
    expect(await deliver({ type: 'get-tab-findings', tabId: 4 })).toBeNull();
    await deliver(findings, fromTab(4));
    expect(await deliver({ type: 'get-tab-findings', tabId: 4 })).not.toBeNull();
  });

  it('clears a tab’s findings and badge when it starts loading a new page', async () => {
    await deliver(findings, fromTab(3));
    await fakeBrowser.tabs.onUpdated.trigger(3, { status: 'loading' }, { id: 3 } as Browser.tabs.Tab);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe(''));
    expect(await deliver({ type: 'get-tab-findings', tabId: 3 })).toBeNull();
  });

  it('pushes a panel request to the window’s connected panel, or keeps it until one connects', async () => {
    const request = { kind: 'topic', id: 'sciatica' };
    const open = panelPort(4);
    connect(open.port);
    await deliver({ type: 'set-panel-request', windowId: 4, request });
    expect(open.received).toEqual([{ type: 'panel-request', request }]);

    await deliver({ type: 'set-panel-request', windowId: 5, request });
    const late = panelPort(5);
    connect(late.port);
    expect(late.received).toEqual([{ type: 'panel-request', request }]);
    late.disconnect();
    const again = panelPort(5);
    connect(again.port);
    expect(again.received).toEqual([]);
  });

  it('describes a mark for the hover card: its term’s definition and its topics, unknown ids left out', async () => {
    expect(await deliver({ type: 'describe-mark', termId: 'sciatica', topicIds: ['sciatica', 'no-such-topic'] }, fromTab(2))).toEqual({
      definition: 'Pain running from the lower back down a leg.',
      topics: [{ id: 'sciatica', title: 'Sciatica' }],
    });
    expect(await deliver({ type: 'describe-mark', termId: 'no-such-term', topicIds: [] }, fromTab(2))).toEqual({
      definition: null,
      topics: [],
    });
  });

  it('hands a content script the lexicon of this build and keeps it in storage.local', async () => {
    const lexicon = { version: 'v1', packed: PAGE_LEXICON };
    expect(await deliver({ type: 'get-lexicon' }, fromTab(3))).toEqual(lexicon);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.local.get(LEXICON_STORAGE_KEY))[LEXICON_STORAGE_KEY]).toEqual(lexicon),
    );
  });

  it('leaves stray messages and ports alone', async () => {
    expect(await deliver({ type: 'something-else' })).toBeUndefined();
    expect(await deliver('findings')).toBeUndefined();
    expect(() => connect({ name: 'another-port' })).not.toThrow();
  });
});
