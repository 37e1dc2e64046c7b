import '../../components/app.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import knowledgeBase from 'virtual:bpl-knowledge-base';
import { SidePanel } from '../../components/SidePanel';
import { usePanelFeeds } from '../../components/usePanelFeeds';
import { useSettings } from '../../components/useSettings';
import { sendToTab } from '../../lib/messages';
import { createCatalog } from '../../lib/panel/catalog';

const catalog = createCatalog(knowledgeBase);

function App() {
  const settings = useSettings();
  const [windowId, setWindowId] = useState<number | null>(null);
  useEffect(() => {
    void browser.windows.getCurrent().then((window) => setWindowId(window.id ?? null));
  }, []);
  const { tabId, findings, incoming } = usePanelFeeds(windowId);
  if (!settings) return null;
  // The page may have navigated away or have no content script: then there is nothing to show.
  const reveal = (index: number) => {
    if (tabId !== null) sendToTab(tabId, { type: 'reveal-match', index }).catch(() => undefined);
  };
  const revealPost = (index: number) => {
    if (tabId !== null) sendToTab(tabId, { type: 'reveal-post', index }).catch(() => undefined);
  };
  const stepRedFlag = (direction: 1 | -1) => {
    if (tabId !== null) sendToTab(tabId, { type: 'step-red-flag', direction }).catch(() => undefined);
  };
  return (
    <SidePanel
      catalog={catalog}
      findings={findings}
      incoming={incoming}
      onReveal={reveal}
      onRevealPost={revealPost}
      onStepRedFlag={stepRedFlag}
    />
  );
}

render(<App />, document.getElementById('app')!);
