import { useMemo, useState } from 'preact/hooks';
import type { TabFindings } from '../lib/messages';
import type { Catalog } from '../lib/panel/catalog';
import { nextActiveIndex } from '../lib/panel/listbox';
import { findingsLine, pauseOf } from '../lib/panel/summary';
import type { SearchResult } from '../lib/search/types';
import { languageOf } from '../lib/language';
import type { Settings } from '../lib/settings';
import { t } from '../lib/i18n';
import { Notice } from './Notice';
import { ResultKind } from './ResultKind';
import { UrgencyBadge } from './UrgencyBadge';

export interface PopupProps {
  catalog: Catalog;
  search: (query: string) => SearchResult[];
  /** The active tab's findings; `null` when it has none (yet). */
  findings: TabFindings | null;
  /** The active tab's hostname when it is a web page the extension can scan. */
  site: string | null;
  settings: Settings;
  /** Open the side panel on this page's findings. */
  onOpenPanel: () => void;
  onOpenResult: (result: SearchResult) => void;
  onPauseSite: (paused: boolean) => void;
  onPauseEverywhere: (paused: boolean) => void;
  onOpenSettings: () => void;
}

const optionId = (index: number) => `bpl-result-${index}`;

/** The search box over the whole knowledge base as an ARIA 1.2 combobox with a listbox popup. */
function Search({ catalog, search, onOpenResult }: Pick<PopupProps, 'catalog' | 'search' | 'onOpenResult'>) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState<number | null>(null);
  // Arrow keys re-render without changing the query: search again only when it changes.
  const results = useMemo(() => (query.trim() === '' ? [] : search(query)), [query, search]);
  const expanded = results.length > 0;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(nextActiveIndex(event.key, active, results.length));
    } else if (event.key === 'Enter') {
      const chosen = results[active ?? 0];
      if (chosen) {
        event.preventDefault();
        onOpenResult(chosen);
      }
    } else if (event.key === 'Escape' && query !== '') {
      // Esc first clears the search; a second Esc (empty box) closes the popup as usual.
      event.preventDefault();
      setQuery('');
      setActive(null);
    }
  };

  return (
    <section class="bpl-search" aria-labelledby="bpl-search-label">
      <label id="bpl-search-label" for="bpl-search-input" class="bpl-label">
        {t('searchLabel')}
      </label>
      <input
        id="bpl-search-input"
        type="search"
        class="bpl-input"
        role="combobox"
        autoFocus
        autoComplete="off"
        spellcheck={false}
        placeholder={t('searchPlaceholder')}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls="bpl-results"
        aria-activedescendant={expanded && active !== null ? optionId(active) : undefined}
        value={query}
        onInput={(event) => {
          setQuery(event.currentTarget.value);
          setActive(null);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="bpl-results" role="listbox" aria-label={t('resultsLabel')} class="bpl-results" hidden={!expanded}>
        {results.map((result, index) => (
          <li
            key={`${result.kind}:${result.id}`}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            class="bpl-option"
            onClick={() => onOpenResult(result)}
            // Chrome sends still "mousemove" events when the list changes under the pointer; only a
            // real move should take the active option away from the keyboard.
            onMouseMove={(event) => (event.movementX !== 0 || event.movementY !== 0) && setActive(index)}
          >
            <span class="bpl-option__title">{result.title}</span>
            <ResultKind kind={result.kind} id={result.id} catalog={catalog} />
          </li>
        ))}
      </ul>
      <p class="bpl-muted bpl-status" role="status">
        {query.trim() === ''
          ? ''
          : expanded
            ? t('resultCount', String(results.length))
            : languageOf(query) === 'other'
              ? t('englishOnly')
              : t('noResults')}
      </p>
    </section>
  );
}

function Switch({ label, checked, disabled, onChange }: {
  label: string;
  checked: boolean;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label class="bpl-switch">
      <input
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span>{label}</span>
    </label>
  );
}

/**
 * The popup: search, the page's findings in one line that opens the side panel on them, the pause
 * switches, a link to settings.
 */
export function Popup(props: PopupProps) {
  const { findings, site, settings } = props;
  const line = findingsLine(findings, pauseOf(settings, site));
  return (
    <div class="bpl-app bpl-popup">
      <h1 class="bpl-title">{t('extName')}</h1>
      <Search catalog={props.catalog} search={props.search} onOpenResult={props.onOpenResult} />
      <section aria-labelledby="bpl-this-page" class="bpl-this-page">
        <h2 id="bpl-this-page" class="bpl-label">
          {t('thisPageHeading')}
        </h2>
        <button type="button" class="bpl-page-line" onClick={props.onOpenPanel}>
          {line.urgency !== 'none' && <><UrgencyBadge level={line.urgency} /> </>}
          {t(line.message, ...line.counts.map(String))}
        </button>
        <button type="button" class="bpl-button" onClick={props.onOpenPanel}>
          {t('openSidePanel')}
        </button>
      </section>
      <fieldset class="bpl-switches">
        <legend class="bpl-label">{t('pauseLegend')}</legend>
        <Switch
          label={site ? t('pauseThisSite', site) : t('pauseThisSiteUnavailable')}
          checked={site !== null && settings.pausedSites.includes(site)}
          disabled={site === null}
          onChange={props.onPauseSite}
        />
        <Switch label={t('pauseEverywhere')} checked={settings.pausedEverywhere} onChange={props.onPauseEverywhere} />
      </fieldset>
      <button type="button" class="bpl-link" onClick={props.onOpenSettings}>
        {t('openSettings')}
      </button>
      <Notice />
    </div>
  );
}
