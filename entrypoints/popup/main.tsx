import '../../components/app.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';
import knowledgeBase from 'virtual:bpl-knowledge-base';
import searchIndex from 'virtual:bpl-search-index';
import { Popup } from '../../components/Popup';
import { useSettings } from '../../components/useSettings';
import { openSidePanelAt } from '../../lib/background/side-panel';
import { sendMessage, type TabFindings } from '../../lib/messages';
import { createCatalog } from '../../lib/panel/catalog';
import { createSearcher } from '../../lib/search';
import type { SearchResult } from '../../lib/search/types';
import { pauseSitePatch, updateSettings, webPageSite } from '../../lib/settings';

const catalog = createCatalog(knowledgeBase);
const searcher = createSearcher(knowledgeBase, searchIndex);
const search = (query: string) => searcher(query, 8);

function App() {
  const settings = useSettings();
  const [tab, setTab] = useState<Browser.tabs.Tab | null>(null);
  const [findings, setFindings] = useState<TabFindings | null>(null);

  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(async ([active]) => {
      setTab(active ?? null);
      if (active?.id !== undefined) setFindings(await sendMessage({ type: 'get-tab-findings', tabId: active.id }));
    });
  }, []);

  if (!settings) return null;
  const site = webPageSite(tab?.url);
  const openResult = (result: SearchResult) => {
    if (tab?.windowId === undefined) return;
    // The request is stored even if the panel could not open; it shows when the panel is next opened.
    void openSidePanelAt(tab.windowId, { kind: result.kind, id: result.id })
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
      onOpenResult={openResult}
      onPauseSite={(paused) => site && void updateSettings(pauseSitePatch(settings, site, paused))}
      onPauseEverywhere={(pausedEverywhere) => void updateSettings({ pausedEverywhere })}
      onOpenSettings={() => void browser.runtime.openOptionsPage().then(() => window.close())}
    />
  );
}

render(<App />, document.getElementById('app')!);
