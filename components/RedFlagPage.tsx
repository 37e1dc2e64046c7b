import type { RedFlag } from '../content-data/schema';
import { resolveIds, type Catalog } from '../lib/panel/catalog';
import { t } from '../lib/i18n';
import { PageLink, SourceList, type OpenPage } from './links';
import { UrgencyBadge, urgencyMeaning } from './UrgencyBadge';

/** A red flag: its urgency, why it matters, what to do, the combinations that raise it, its topics. */
export function RedFlagPage({ redFlag, catalog, onOpen }: { redFlag: RedFlag; catalog: Catalog; onOpen: OpenPage }) {
  const topics = resolveIds(redFlag.topics, catalog.topic);
  return (
    <article class="bpl-page" aria-labelledby="bpl-red-flag-title">
      <h2 id="bpl-red-flag-title">{redFlag.label}</h2>
      <p>
        <UrgencyBadge level={redFlag.urgency} /> {urgencyMeaning(redFlag.urgency)}
      </p>
      <section aria-labelledby="bpl-red-flag-why">
        <h3 id="bpl-red-flag-why">{t('whyItMatters')}</h3>
        <p>{redFlag.explanation}</p>
      </section>
      <section aria-labelledby="bpl-red-flag-action">
        <h3 id="bpl-red-flag-action">{t('whatToDo')}</h3>
        <p>{redFlag.action}</p>
      </section>
      {redFlag.combinations.length > 0 && (
        <section aria-labelledby="bpl-red-flag-combinations">
          <h3 id="bpl-red-flag-combinations">{t('combinationsHeading')}</h3>
          <ul class="bpl-list">
            {redFlag.combinations.map((combination) => (
              <li key={combination.with.join('+')} class="bpl-row">
                <UrgencyBadge level={combination.urgency} />{' '}
                {resolveIds(combination.with, catalog.redFlag)
                  .map((other) => other.label)
                  .join(', ')}
                : {combination.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {topics.length > 0 && (
        <section aria-labelledby="bpl-red-flag-topics">
          <h3 id="bpl-red-flag-topics">{t('readMoreHeading')}</h3>
          <ul class="bpl-list">
            {topics.map((topic) => (
              <li key={topic.id}>
                <PageLink target={{ kind: 'topic', id: topic.id }} onOpen={onOpen}>
                  {topic.title}
                </PageLink>
              </li>
            ))}
          </ul>
        </section>
      )}
      <SourceList sources={resolveIds(redFlag.sources, catalog.source)} headingId="bpl-red-flag-sources" />
    </article>
  );
}
