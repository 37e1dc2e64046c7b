import type { Catalog } from '../lib/panel/catalog';
import { t } from '../lib/i18n';
import type { PageTarget } from './links';
import { UrgencyBadge } from './UrgencyBadge';

/** What a search result is: "Topic", or "Red flag" with its urgency. */
export function ResultKind({ kind, id, catalog }: { kind: PageTarget['kind']; id: string; catalog: Catalog }) {
  const urgency = kind === 'red-flag' ? catalog.redFlag(id)?.urgency : undefined;
  return (
    <span class="bpl-kind">
      <span class="bpl-muted">{t(kind === 'red-flag' ? 'kindRedFlag' : 'kindTopic')}</span>
      {urgency && (
        <>
          {' '}
          <UrgencyBadge level={urgency} />
        </>
      )}
    </span>
  );
}
