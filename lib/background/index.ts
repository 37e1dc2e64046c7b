/**
 * The background's work: per-tab findings and badge, the selection lookup (context menu and
 * keyboard command), and the requests the side panel picks up when it opens.
 */
import { browser, type Browser } from 'wxt/browser';
import { toLexiconSource } from '../../content-data/build';
import type { KnowledgeBase } from '../../content-data/schema';
import { compileLexicon, detect, type Lexicon } from '../detect';
import {
  broadcast,
  type DescribeTopicsMessage,
  type FindingsMessage,
  isMessage,
  type Message,
  type PanelRequest,
  type ReplyTo,
  sendToTab,
} from '../messages';
import { t } from '../i18n';
import { type StoredLexicon, storeLexicon } from '../lexicon-store';
import { createSearcher, type SerializedSearchIndex } from '../search';
import { showBadge } from './badge';
import { FindingsStore } from './findings-store';
import { type LookupEngine, lookUp } from './lookup';
import { PanelRequests } from './panel-requests';
import { openSidePanel } from './side-panel';

export const LOOKUP_MENU_ID = 'bpl-lookup';
export const LOOKUP_COMMAND = 'lookup-selection';

export interface BackgroundOptions {
  knowledgeBase: KnowledgeBase;
  searchIndex: SerializedSearchIndex;
  /** Which lexicon this build has (`virtual:bpl-lexicon-version`). */
  lexiconVersion: string;
}

/** Compiled on first use: most service-worker wake-ups never need it. */
function lazyLookupEngine({ knowledgeBase, searchIndex }: BackgroundOptions): () => LookupEngine {
  let engine: LookupEngine | null = null;
  return () => {
    if (engine) return engine;
    const lexicon: Lexicon = compileLexicon(knowledgeBase);
    const search = createSearcher(knowledgeBase, searchIndex);
    engine = { detect: (text) => detect(text, lexicon), search: (query) => search(query) };
    return engine;
  };
}

export function startBackground(options: BackgroundOptions) {
  const findings = new FindingsStore();
  const panelRequests = new PanelRequests();
  const lookupEngine = lazyLookupEngine(options);
  const topicTitles = new Map(options.knowledgeBase.topics.map((topic) => [topic.id, topic.title]));
  const lexicon = (): StoredLexicon => ({ version: options.lexiconVersion, source: toLexiconSource(options.knowledgeBase) });

  const setPanelRequest = (windowId: number, request: PanelRequest) => {
    panelRequests.set(windowId, request);
    return broadcast({ type: 'panel-request', windowId, request });
  };

  const clearTab = async (tabId: number) => {
    if (!(await findings.clear(tabId))) return;
    await showBadge(tabId, null);
    await broadcast({ type: 'tab-findings-changed', tabId });
  };

  /** The full selection from the page (the menu's copy is whitespace-collapsed), else the menu's. */
  const selectionIn = (tabId: number | undefined, frameId: number, fallback: string) =>
    tabId === undefined
      ? Promise.resolve(fallback)
      : sendToTab(tabId, { type: 'get-selection' }, frameId)
          .then((text) => (typeof text === 'string' && text.trim() !== '' ? text : fallback))
          .catch(() => fallback);

  /** Open the panel first, inside the gesture; the lookup result follows by broadcast. */
  const lookUpSelection = (tab: Browser.tabs.Tab | undefined, frameId: number, menuText: string) => {
    if (tab?.windowId === undefined) return;
    const windowId = tab.windowId;
    openSidePanel(windowId).catch(() => undefined);
    void selectionIn(tab.id, frameId, menuText).then((text) =>
      setPanelRequest(windowId, lookUp(text, lookupEngine())),
    );
  };

  browser.runtime.onInstalled.addListener(() => {
    // Installed or updated: the content scripts of this build read this copy.
    void storeLexicon(lexicon()).catch(() => undefined);
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: LOOKUP_MENU_ID,
        title: t('lookupMenuTitle'),
        contexts: ['selection'],
      }),
    );
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LOOKUP_MENU_ID) return;
    lookUpSelection(tab, info.frameId ?? 0, info.selectionText ?? '');
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === LOOKUP_COMMAND) lookUpSelection(tab, 0, '');
  });

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void clearTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void findings.clear(tabId));

  const recordFindings = async (message: FindingsMessage, sender: Browser.runtime.MessageSender) => {
    const tabId = sender.tab?.id;
    // Frames other than the top one mark their own text but do not speak for the tab.
    if (tabId === undefined || (sender.frameId ?? 0) !== 0) return;
    const { detection, url, title } = message;
    await findings.set({ tabId, url, title, detection, scannedAt: Date.now() });
    await showBadge(tabId, detection);
    await broadcast({ type: 'tab-findings-changed', tabId });
  };

  const describeTopics = (ids: string[]): ReplyTo<DescribeTopicsMessage> =>
    ids.flatMap((id) => {
      const title = topicTitles.get(id);
      return title === undefined ? [] : [{ id, title }];
    });

  /** The reply to a message for the background, or undefined to leave it to other listeners. */
  const handle = (message: Message, sender: Browser.runtime.MessageSender): Promise<unknown> | undefined => {
    switch (message.type) {
      case 'findings':
        return recordFindings(message, sender);
      case 'get-tab-findings':
        return findings.get(message.tabId);
      case 'set-panel-request':
        return setPanelRequest(message.windowId, message.request);
      case 'take-panel-request':
        return Promise.resolve(panelRequests.take(message.windowId));
      case 'describe-topics':
        return Promise.resolve(describeTopics(message.ids));
      case 'get-lexicon': {
        // storage.local had no copy of this build's lexicon (asked before onInstalled stored it).
        const current = lexicon();
        void storeLexicon(current).catch(() => undefined);
        return Promise.resolve(current);
      }
      case 'open-panel': {
        const windowId = sender.tab?.windowId;
        if (windowId === undefined) return undefined;
        // Synchronously, while the click that sent the message still counts as a user gesture.
        openSidePanel(windowId).catch(() => undefined);
        return setPanelRequest(windowId, message.request);
      }
      default:
        return undefined;
    }
  };

  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    isMessage(message) ? handle(message, sender) : undefined,
  );
}
