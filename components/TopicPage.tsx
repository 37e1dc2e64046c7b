import type { Topic } from '../content-data/schema';
import { resolveIds, type Catalog } from '../lib/panel/catalog';
import { byUrgency } from '../lib/urgency';
import { t } from '../lib/i18n';
import { Citations, PageLink, RedFlagLinks, SourceList, type OpenPage } from './links';

/** A topic: summary, the red flags that apply (first), sections with their sources, related topics. */
export function TopicPage({ topic, catalog, onOpen }: { topic: Topic; catalog: Catalog; onOpen: OpenPage }) {
  const redFlags = byUrgency(resolveIds(topic.redFlags, catalog.redFlag), (redFlag) => redFlag.urgency);
  const related = resolveIds(topic.related, catalog.topic);
  return (
    <article class="bpl-page" aria-labelledby="bpl-topic-title">
      <h2 id="bpl-topic-title">{topic.title}</h2>
      <p class="bpl-lead">{topic.summary}</p>
      {redFlags.length > 0 && (
        <section aria-labelledby="bpl-topic-red-flags" class="bpl-red-flag-box">
          <h3 id="bpl-topic-red-flags">{t('topicRedFlagsHeading')}</h3>
          <RedFlagLinks redFlags={redFlags} onOpen={onOpen} />
        </section>
      )}
      {topic.sections.map((section, index) => (
        <section key={section.heading} aria-labelledby={`bpl-section-${index}`}>
          <h3 id={`bpl-section-${index}`}>{section.heading}</h3>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
          <Citations sources={resolveIds(section.sources, catalog.source)} />
        </section>
      ))}
      {related.length > 0 && (
        <section aria-labelledby="bpl-topic-related">
          <h3 id="bpl-topic-related">{t('relatedTopicsHeading')}</h3>
          <ul class="bpl-list">
            {related.map((other) => (
              <li key={other.id}>
                <PageLink target={{ kind: 'topic', id: other.id }} onOpen={onOpen}>
                  {other.title}
                </PageLink>
              </li>
            ))}
          </ul>
        </section>
      )}
      <SourceList sources={resolveIds(topic.sources, catalog.source)} headingId="bpl-topic-sources" />
    </article>
  );
}
