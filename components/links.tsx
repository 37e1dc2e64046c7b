import type { ComponentChildren } from 'preact';
import type { RedFlag, Source } from '../content-data/schema';
import { isHttpsUrl } from '../lib/panel/catalog';
import type { PanelRequest } from '../lib/messages';
import { t } from '../lib/i18n';
import { UrgencyBadge } from './UrgencyBadge';

/** A knowledge-base page the panel can show. */
export type PageTarget = Extract<PanelRequest, { kind: 'topic' | 'red-flag' }>;
export type OpenPage = (target: PageTarget) => void;

/** A link to another panel page: a button, since it changes the view rather than the URL. */
export function PageLink({ target, onOpen, children }: { target: PageTarget; onOpen: OpenPage; children: ComponentChildren }) {
  return (
    <button type="button" class="bpl-link" onClick={() => onOpen(target)}>
      {children}
    </button>
  );
}

/** Red flags as a list of links to their pages, each with its urgency (callers order them). */
export function RedFlagLinks({ redFlags, onOpen }: { redFlags: RedFlag[]; onOpen: OpenPage }) {
  return (
    <ul class="bpl-list">
      {redFlags.map((redFlag) => (
        <li key={redFlag.id} class="bpl-row">
          <UrgencyBadge level={redFlag.urgency} />{' '}
          <PageLink target={{ kind: 'red-flag', id: redFlag.id }} onOpen={onOpen}>
            {redFlag.label}
          </PageLink>
        </li>
      ))}
    </ul>
  );
}

/** A source's title, linked (new tab, no opener, no referrer) only when its URL is https. */
export function SourceLink({ source }: { source: Source }) {
  if (!isHttpsUrl(source.url)) return <cite>{source.title}</cite>;
  return (
    <a href={source.url} target="_blank" rel="noopener noreferrer">
      <cite>{source.title}</cite>
      <span class="bpl-visually-hidden"> {t('opensInNewTab')}</span>
    </a>
  );
}

/** The sources behind one section, inline under it. */
export function Citations({ sources }: { sources: Source[] }) {
  return (
    <p class="bpl-citations">
      {t('sourcesInline')}{' '}
      {sources.map((source, index) => (
        <span key={source.id}>
          {index > 0 && '; '}
          <SourceLink source={source} /> ({source.publisher})
        </span>
      ))}
    </p>
  );
}

/** The full source list: title, publisher and the date the content was checked against it. */
export function SourceList({ sources, headingId }: { sources: Source[]; headingId: string }) {
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('sourcesHeading')}</h3>
      <ol class="bpl-sources">
        {sources.map((source) => (
          <li key={source.id}>
            <SourceLink source={source} />. {source.publisher}.{' '}
            <span class="bpl-muted">{t('sourceChecked', source.checked)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
