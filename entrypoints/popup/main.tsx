import '../../components/app.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import knowledgeBase from 'virtual:bpl-knowledge-base';
import searchIndex from 'virtual:bpl-search-index';
import { Popup } from '../../components/Popup';
import { useSettings } from '../../components/useSettings';
import { openSidePanelAt } from '../../lib/background/side-panel';
import { type PanelRequest, sendToBackground, type TabFindings } from '../../lib/messages';
import { createCatalog } from '../../lib/panel/catalog';
import { createSearcher } from '../../lib/search';
import { pauseSitePatch, updateSettings, webPageSite } from '../../lib/settings';

const catalog = createCatalog(knowledgeBase);
const searcher = createSearcher(knowledgeBase, searchIndex);
const search = (query: string) => searcher(query, 8);

/**
 * The tab the popup speaks for: the active one, or the one named by `?tab=` when the popup page is
 * opened in a tab of its own (the demo and the end-to-end tests do that).
 */
async function targetTab(): Promise<Browser.tabs.Tab | null> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(named) && named > 0) return browser.tabs.get(named).catch(() => null);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active ?? null;
}

function App() {
  const settings = useSettings();
  const [tab, setTab] = useState<Browser.tabs.Tab | null>(null);
  const [findings, setFindings] = useState<TabFindings | null>(null);

  useEffect(() => {
    void targetTab().then(async (target) => {
      setTab(target);
      if (target?.id !== undefined) setFindings(await sendToBackground({ type: 'get-tab-findings', tabId: target.id }));
    });
  }, []);

  if (!settings) return null;
  // Without the `tabs` permission the tab's address is hidden; the page's own report carries it.
  const site = webPageSite(tab?.url ?? findings?.url);
  const openPanel = (request: PanelRequest) => {
    if (tab?.windowId === undefined) return;
    // The request is kept even if the panel could not open; it shows when the panel is next opened.
    void openSidePanelAt(tab.windowId, request)
      .catch(() => undefined)
      .finally(() => window.close());
  };
  return (
    <Popup
      catalog={catalog}
      search={search}
      findings={findings}
      site={site}
      settings={settings}
      onOpenPanel={() => openPanel({ kind: 'page' })}
      onOpenResult={(result) => openPanel({ kind: result.kind, id: result.id })}
      onPauseSite={(paused) => site && void updateSettings(pauseSitePatch(settings, site, paused))}
      onPauseEverywhere={(pausedEverywhere) => void updateSettings({ pausedEverywhere })}
      onOpenSettings={() => void browser.runtime.openOptionsPage().then(() => window.close())}
    />
  );
}

render(<App />, document.getElementById('app')!);
