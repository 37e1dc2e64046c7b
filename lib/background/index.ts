/**
 * The background's work: per-tab findings and badge, the selection lookup (context menu and
 * keyboard command), the keyboard steps between red flags, and the requests for the side panels.
 */
import { browser, type Browser } from 'wxt/browser';
import type { KnowledgeBase } from '../../content-data/schema';
import { detect } from '../detect';
import { unpackPageLexicon } from '../page-lexicon';
import { runNow } from '../page/posts/steps';
import {
  CONTENT_TO_BACKGROUND,
  type ContentToBackground,
  dispatch,
  type Handlers,
  type MarkDescription,
  PAGE_TO_BACKGROUND,
  type PageToBackground,
  panelPortWindow,
  sendToTab,
} from '../messages';
import { t } from '../i18n';
import { type StoredLexicon, storeLexicon } from '../lexicon-store';
import { createSearcher, type SerializedSearchIndex } from '../search';
import { showBadge } from './badge';
import { COMMANDS } from './commands';
import { FindingsStore } from './findings-store';
import { type LookupEngine, lookUp } from './lookup';
import { PanelPorts } from './panel-ports';
import { injectPart } from './parts';
import { openSidePanel } from './side-panel';

export const LOOKUP_MENU_ID = 'bpl-lookup';

export interface BackgroundOptions {
  knowledgeBase: KnowledgeBase;
  searchIndex: SerializedSearchIndex;
  /** Which lexicon this build has (`virtual:bpl-lexicon-version`). */
  lexiconVersion: string;
  /** The lexicon packed for the content scripts (`virtual:bpl-page-lexicon`). */
  pageLexicon: string;
}

/** Made on first use: most service-worker wake-ups never need it. The lexicon is the build's, revived (no compile). */
function lazyLookupEngine({ knowledgeBase, searchIndex, pageLexicon }: BackgroundOptions): () => LookupEngine {
  let engine: LookupEngine | null = null;
  return () => {
    if (engine) return engine;
    const { lexicon } = runNow(unpackPageLexicon(pageLexicon));
    const search = createSearcher(knowledgeBase, searchIndex);
    engine = { detect: (text) => detect(text, lexicon), search: (query) => search(query) };
    return engine;
  };
}

type Sender = Browser.runtime.MessageSender;

export function startBackground(options: BackgroundOptions) {
  const findings = new FindingsStore();
  const panels = new PanelPorts();
  const lookupEngine = lazyLookupEngine(options);
  const topicTitles = new Map(options.knowledgeBase.topics.map((topic) => [topic.id, topic.title]));
  const lexicon = (): StoredLexicon => ({ version: options.lexiconVersion, packed: options.pageLexicon });
  const definitions = new Map(options.knowledgeBase.terms.map((term) => [term.id, term.definition]));

  const clearTab = async (tabId: number) => {
    if (!(await findings.clear(tabId))) return;
    await showBadge(tabId, null);
    panels.tabFindingsChanged(tabId);
  };

  /** The full selection from the page (the menu's copy is whitespace-collapsed), else the menu's. */
  const selectionIn = (tabId: number | undefined, frameId: number, fallback: string) =>
    tabId === undefined
      ? Promise.resolve(fallback)
      : sendToTab(tabId, { type: 'get-selection' }, frameId)
          .then((text) => (typeof text === 'string' && text.trim() !== '' ? text : fallback))
          .catch(() => fallback);

  /** Open the panel first, inside the gesture; the lookup result follows over the panel's port. */
  const lookUpSelection = (tab: Browser.tabs.Tab | undefined, frameId: number, menuText: string) => {
    if (tab?.windowId === undefined) return;
    const windowId = tab.windowId;
    openSidePanel(windowId).catch(() => undefined);
    void selectionIn(tab.id, frameId, menuText).then((text) => panels.request(windowId, lookUp(text, lookupEngine())));
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
    if (command === COMMANDS.lookUp) lookUpSelection(tab, 0, '');
    const direction = command === COMMANDS.nextRedFlag ? 1 : command === COMMANDS.previousRedFlag ? -1 : null;
    // A tab without a content script (a browser page) has no marks to move to.
    if (direction !== null && tab?.id !== undefined) sendToTab(tab.id, { type: 'step-red-flag', direction }).catch(() => undefined);
  });

  browser.runtime.onConnect.addListener((port) => {
    const windowId = panelPortWindow(port.name);
    if (windowId === null) return;
    panels.connect(windowId, port);
    port.onDisconnect.addListener(() => panels.disconnect(windowId, port));
  });

  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void clearTab(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void findings.clear(tabId));

  const describeMark = (termId: string, topicIds: string[]): MarkDescription => ({
    definition: definitions.get(termId) ?? null,
    topics: topicIds.flatMap((id) => {
      const title = topicTitles.get(id);
      return title === undefined ? [] : [{ id, title }];
    }),
  });

  const fromContent: Handlers<ContentToBackground, Sender> = {
    findings: async ({ detection, url, title, english }, sender) => {
      const tabId = sender.tab?.id;
      // Frames other than the top one mark their own text but do not speak for the tab.
      if (tabId === undefined || (sender.frameId ?? 0) !== 0) return;
      const stored = await findings.set({ tabId, url, title, detection, english, scannedAt: Date.now() });
      await showBadge(tabId, stored.detection);
      panels.tabFindingsChanged(tabId);
    },
    'open-panel': ({ request }, sender) => {
      const windowId = sender.tab?.windowId;
      if (windowId === undefined) return;
      // Synchronously, while the click that sent the message still counts as a user gesture.
      openSidePanel(windowId).catch(() => undefined);
      panels.request(windowId, request);
    },
    'describe-mark': ({ termId, topicIds }) => describeMark(termId, topicIds),
    'get-lexicon': () => {
      // storage.local had no copy of this build's lexicon (asked before onInstalled stored it).
      const current = lexicon();
      void storeLexicon(current).catch(() => undefined);
      return current;
    },
    'load-part': ({ part }, sender) => injectPart(part, sender),
  };

  const fromPages: Handlers<PageToBackground, Sender> = {
    'get-tab-findings': ({ tabId }) => findings.get(tabId),
    'set-panel-request': ({ windowId, request }) => panels.request(windowId, request),
  };

  // Each sender is answered only the messages of its own direction. An extension page opened as a
  // tab has a `tab` too; its address tells it apart from a web page.
  const extensionOrigin = browser.runtime.getURL('/');
  const isContentScript = (sender: Sender) => sender.tab !== undefined && sender.url?.startsWith(extensionOrigin) !== true;
  browser.runtime.onMessage.addListener((message: unknown, sender) =>
    isContentScript(sender)
      ? dispatch(CONTENT_TO_BACKGROUND, fromContent, message, sender)
      : dispatch(PAGE_TO_BACKGROUND, fromPages, message, sender),
  );
}
