import { useEffect, useRef, useState } from 'preact/hooks';
import type { PanelRequest, TabFindings } from '../lib/messages';
import type { Catalog } from '../lib/panel/catalog';
import { redFlagsFirst } from '../lib/panel/findings';
import { byUrgency } from '../lib/urgency';
import { t, type MessageKey } from '../lib/i18n';
import { Findings, type Reveal, type RevealPost, type StepRedFlag } from './Findings';
import { cancerDocsOf, everydayFirst } from '../lib/search/relevance';
import { PageLink, RedFlagLinks, type OpenPage, type PageTarget } from './links';
import { Notice } from './Notice';
import { RedFlagPage } from './RedFlagPage';
import { SelfCheck } from './SelfCheck';
import { TopicPage } from './TopicPage';
import { ResultKind } from './ResultKind';

type LookupRequest = Extract<PanelRequest, { kind: 'lookup' }>;
type TabView = Extract<PanelRequest, { kind: 'page' }> | { kind: 'self-check' } | { kind: 'browse' };
type View = TabView | PageTarget | LookupRequest;

/** A request from elsewhere (hover card, popup, selection look-up); `seq` tells repeats apart. */
export interface IncomingRequest {
  request: PanelRequest;
  seq: number;
}

const TABS: [TabView['kind'], MessageKey][] = [
  ['page', 'tabPage'],
  ['self-check', 'tabSelfCheck'],
  ['browse', 'tabBrowse'],
];

function PageFindings({ findings, catalog, onOpen, onReveal, onRevealPost, onStepRedFlag }: {
  findings: TabFindings | null;
  catalog: Catalog;
  onOpen: OpenPage;
  onReveal: Reveal;
  onRevealPost?: RevealPost;
  onStepRedFlag: StepRedFlag;
}) {
  return (
    <section class="bpl-page" aria-labelledby="bpl-page-title">
      <h2 id="bpl-page-title">{t('tabPage')}</h2>
      {findings && <p class="bpl-muted bpl-page-name">{findings.title || findings.url}</p>}
      {findings && findings.detection.matches.length > 0 ? (
        <Findings
          detection={findings.detection}
          catalog={catalog}
          onOpen={onOpen}
          onReveal={onReveal}
          onRevealPost={onRevealPost}
          onStepRedFlag={onStepRedFlag}
          idPrefix="bpl-page"
        />
      ) : (
        <p>{findings && !findings.english ? t('englishOnly') : t('pageNothingFound')}</p>
      )}
    </section>
  );
}

/** Past three lines a looked-up text is folded (its findings come first after it), with a toggle. */
const QUOTE_FOLD_LINES = 3;
/** A text this long takes more than three lines in the panel whatever its line breaks. */
const QUOTE_FOLD_CHARS = 180;

function LookedUpText({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  const foldable = text.length > QUOTE_FOLD_CHARS || text.split('\n').length > QUOTE_FOLD_LINES;
  return (
    <>
      <blockquote id="bpl-lookup-text" class={`bpl-quote${foldable && !open ? ' bpl-quote--folded' : ''}`}>
        {text}
      </blockquote>
      {foldable && (
        <button
          type="button"
          class="bpl-link"
          aria-expanded={open}
          aria-controls="bpl-lookup-text"
          onClick={() => setOpen(!open)}
        >
          {open ? t('lookupShowLess') : t('lookupShowAll')}
        </button>
      )}
    </>
  );
}

function LookupView({ request, catalog, onOpen }: { request: LookupRequest; catalog: Catalog; onOpen: OpenPage }) {
  // The keyboard command sends whatever is selected, which may be nothing at all.
  if (request.text.trim() === '') {
    return (
      <section class="bpl-page" aria-labelledby="bpl-lookup-title">
        <h2 id="bpl-lookup-title">{t('lookupTitle')}</h2>
        <p role="status">{t('lookupNothingSelected')}</p>
      </section>
    );
  }
  const results = redFlagsFirst(request.results, (id) => catalog.redFlag(id)?.urgency);
  return (
    <section class="bpl-page" aria-labelledby="bpl-lookup-title">
      <h2 id="bpl-lookup-title">{t('lookupTitle')}</h2>
      <LookedUpText text={request.text} />
      {request.truncated && <p class="bpl-muted">{t('lookupTruncated')}</p>}
      {request.detection.matches.length > 0 && (
        <Findings detection={request.detection} catalog={catalog} onOpen={onOpen} idPrefix="bpl-lookup" />
      )}
      <section aria-labelledby="bpl-lookup-results">
        <h3 id="bpl-lookup-results">{t('lookupResultsHeading')}</h3>
        {results.length === 0 ? (
          <p>{request.english ? t('noResults') : t('englishOnly')}</p>
        ) : (
          <ul class="bpl-list">
            {results.map((result) => (
              <li key={`${result.kind}:${result.id}`} class="bpl-row">
                <PageLink target={{ kind: result.kind, id: result.id }} onOpen={onOpen}>
                  {result.title}
                </PageLink>{' '}
                <ResultKind kind={result.kind} id={result.id} catalog={catalog} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

function BrowseView({ catalog, onOpen }: { catalog: Catalog; onOpen: OpenPage }) {
  const redFlags = byUrgency(catalog.kb.redFlags, (redFlag) => redFlag.urgency);
  const cancerTopics = cancerDocsOf(catalog.kb).topics;
  const topics = everydayFirst(catalog.kb.topics, (topic) => cancerTopics.has(topic.id));
  return (
    <section class="bpl-page" aria-labelledby="bpl-browse-title">
      <h2 id="bpl-browse-title">{t('tabBrowse')}</h2>
      <section aria-labelledby="bpl-browse-red-flags">
        <h3 id="bpl-browse-red-flags">{t('redFlagsHeading')}</h3>
        <RedFlagLinks redFlags={redFlags} onOpen={onOpen} />
      </section>
      <section aria-labelledby="bpl-browse-topics">
        <h3 id="bpl-browse-topics">{t('topicsHeading')}</h3>
        <ul class="bpl-list">
          {topics.map((topic) => (
            <li key={topic.id} class="bpl-row">
              <PageLink target={{ kind: 'topic', id: topic.id }} onOpen={onOpen}>
                {topic.title}
              </PageLink>
              <br />
              <span class="bpl-muted">{topic.summary}</span>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}

function CurrentView({ view, catalog, findings, onOpen, onReveal, onRevealPost, onStepRedFlag }: {
  view: View;
  catalog: Catalog;
  findings: TabFindings | null;
  onOpen: OpenPage;
  onReveal: Reveal;
  onRevealPost?: RevealPost;
  onStepRedFlag: StepRedFlag;
}) {
  switch (view.kind) {
    case 'page':
      return (
        <PageFindings
          findings={findings}
          catalog={catalog}
          onOpen={onOpen}
          onReveal={onReveal}
          onRevealPost={onRevealPost}
          onStepRedFlag={onStepRedFlag}
        />
      );
    case 'self-check':
      return <SelfCheck redFlags={catalog.kb.redFlags} />;
    case 'browse':
      return <BrowseView catalog={catalog} onOpen={onOpen} />;
    case 'lookup':
      return <LookupView request={view} catalog={catalog} onOpen={onOpen} />;
    case 'topic': {
      const topic = catalog.topic(view.id);
      return topic ? <TopicPage topic={topic} catalog={catalog} onOpen={onOpen} /> : <p>{t('notFound')}</p>;
    }
    case 'red-flag': {
      const redFlag = catalog.redFlag(view.id);
      return redFlag ? <RedFlagPage redFlag={redFlag} catalog={catalog} onOpen={onOpen} /> : <p>{t('notFound')}</p>;
    }
  }
}

/**
 * The side panel: "On this page" for the active tab, the self-check, and every topic and red flag,
 * with a back button through the pages opened from there. The notice closes every view.
 */
export function SidePanel({ catalog, findings, incoming, onReveal, onRevealPost, onStepRedFlag }: {
  catalog: Catalog;
  findings: TabFindings | null;
  incoming: IncomingRequest | null;
  onReveal: Reveal;
  onRevealPost?: RevealPost;
  onStepRedFlag: StepRedFlag;
}) {
  const [history, setHistory] = useState<View[]>([{ kind: 'page' }]);
  const mainRef = useRef<HTMLElement>(null);
  const view = history[history.length - 1]!;
  const open = (next: View) => setHistory((previous) => [...previous, next]);

  useEffect(() => {
    if (!incoming) return;
    // "On this page" is a starting point, not a page to go back from.
    if (incoming.request.kind === 'page') setHistory([incoming.request]);
    else open(incoming.request);
  }, [incoming?.seq]);

  useEffect(() => {
    // Move focus to the new view's heading so keyboard and screen-reader users land on it.
    const heading = mainRef.current?.querySelector<HTMLElement>('h2');
    if (heading && history.length > 1) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [history]);

  return (
    <div class="bpl-app bpl-panel">
      <header class="bpl-header">
        <h1 class="bpl-title">{t('extName')}</h1>
        <nav aria-label={t('viewsLabel')}>
          <ul class="bpl-tabs">
            {TABS.map(([kind, word]) => (
              <li key={kind}>
                <button
                  type="button"
                  class="bpl-tab"
                  aria-current={view.kind === kind ? 'page' : undefined}
                  onClick={() => setHistory([{ kind }])}
                >
                  {t(word)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main ref={mainRef} class="bpl-main">
        {history.length > 1 && (
          <button type="button" class="bpl-button bpl-back" onClick={() => setHistory(history.slice(0, -1))}>
            {t('back')}
          </button>
        )}
        <CurrentView
          view={view}
          catalog={catalog}
          findings={findings}
          onOpen={open}
          onReveal={onReveal}
          onRevealPost={onRevealPost}
          onStepRedFlag={onStepRedFlag}
        />
      </main>
      <footer>
        <Notice />
      </footer>
    </div>
  );
}
