import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toLexiconSource } from '../../content-data/build';
import type { KnowledgeBase } from '../../content-data/schema';
import { startBackground } from '../../lib/background';
import { LEXICON_STORAGE_KEY } from '../../lib/lexicon-store';
import type { Detection } from '../../lib/types';
import type { SerializedSearchIndex } from '../../lib/search';

const knowledgeBase = {
  topics: [{ id: 'sciatica', title: 'Sciatica' }],
  redFlags: [],
  terms: [],
  concepts: [],
  sources: [],
} as unknown as KnowledgeBase;

const detection: Detection = {
  urgency: 'emergency',
  reasons: [],
  matches: [],
  redFlags: [{ id: 'rf-saddle-numbness', context: 'affirmed', experiencer: 'writer' }],
  topics: ['cauda-equina-syndrome'],
  subject: 'writer',
};

/** Deliver a message to the background's listener as if sent from `sender`. */
async function deliver(message: unknown, sender: object = {}) {
  const replies = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return replies.find((reply: unknown) => reply !== undefined);
}

const fromTab = (tabId: number, frameId = 0) => ({ tab: { id: tabId, windowId: 1 }, frameId });
let seen: { type: string }[];

beforeEach(() => {
  fakeBrowser.reset();
  // Not in the fake browser: the background only registers listeners on them here.
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  startBackground({ knowledgeBase, searchIndex: {} as SerializedSearchIndex, lexiconVersion: 'v1' });
  seen = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    seen.push(message as { type: string });
  });
});

describe('background messages', () => {
  it('keeps a tab’s findings, sets its badge and tells the extension pages', async () => {
    await deliver({ type: 'findings', detection, url: 'https://forum.example/t/1', title: 'Thread' }, fromTab(3));
    expect(await deliver({ type: 'get-tab-findings', tabId: 3 })).toMatchObject({ tabId: 3, url: 'https://forum.example/t/1', detection });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe('1');
    expect(seen).toContainEqual({ type: 'tab-findings-changed', tabId: 3 });
  });

  it('ignores findings from frames other than the top one', async () => {
    await deliver({ type: 'findings', detection, url: 'https://ads.example/', title: '' }, fromTab(3, 7));
    expect(await deliver({ type: 'get-tab-findings', tabId: 3 })).toBeNull();
  });

  it('clears a tab’s findings and badge when it starts loading a new page', async () => {
    await deliver({ type: 'findings', detection, url: 'https://forum.example/t/1', title: 'Thread' }, fromTab(3));
    await fakeBrowser.tabs.onUpdated.trigger(3, { status: 'loading' }, { id: 3 } as Browser.tabs.Tab);
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 3 })).toBe(''));
    expect(await deliver({ type: 'get-tab-findings', tabId: 3 })).toBeNull();
  });

  it('hands a window’s panel request over once and broadcasts it', async () => {
    const request = { kind: 'topic', id: 'sciatica' };
    await deliver({ type: 'set-panel-request', windowId: 4, request });
    expect(seen).toContainEqual({ type: 'panel-request', windowId: 4, request });
    expect(await deliver({ type: 'take-panel-request', windowId: 4 })).toEqual(request);
    expect(await deliver({ type: 'take-panel-request', windowId: 4 })).toBeNull();
  });

  it('names topics for the hover card, leaving unknown ids out', async () => {
    expect(await deliver({ type: 'describe-topics', ids: ['sciatica', 'no-such-topic'] })).toEqual([{ id: 'sciatica', title: 'Sciatica' }]);
  });

  it('hands a content script the lexicon of this build and keeps it in storage.local', async () => {
    const lexicon = { version: 'v1', source: toLexiconSource(knowledgeBase) };
    expect(await deliver({ type: 'get-lexicon' }, fromTab(3))).toEqual(lexicon);
    await vi.waitFor(async () =>
      expect((await fakeBrowser.storage.local.get(LEXICON_STORAGE_KEY))[LEXICON_STORAGE_KEY]).toEqual(lexicon),
    );
  });

  it('leaves stray messages alone', async () => {
    expect(await deliver({ type: 'something-else' })).toBeUndefined();
    expect(await deliver('findings')).toBeUndefined();
  });
});
