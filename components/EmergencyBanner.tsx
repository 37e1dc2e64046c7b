import { useEffect, useRef } from 'preact/hooks';
import type { TriageReason } from '../lib/types';
import { t } from '../lib/i18n';

/**
 * What to do now, before anything else, when an emergency red flag or combination is affirmed (on
 * a page, in a look-up, or in the self-check's answers). `takeFocus` moves focus to it as it
 * appears, for screen-reader and keyboard users who are further down. `forSomeoneElse`: the signs
 * are another person's (a carer's post), and the banner says the help is for them; `inThread`: they
 * are in a post of a thread, which may be the reader's or someone they care for.
 */
export function EmergencyBanner({
  reasons,
  idPrefix = 'bpl-emergency',
  headingLevel = 2,
  takeFocus = false,
  forSomeoneElse = false,
  inThread = false,
}: {
  reasons: TriageReason[];
  idPrefix?: string;
  headingLevel?: 2 | 3;
  takeFocus?: boolean;
  forSomeoneElse?: boolean;
  inThread?: boolean;
}) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, []);
  const emergencyReasons = reasons.filter((reason) => reason.urgency === 'emergency');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section
      ref={ref}
      class="bpl-emergency"
      role="alert"
      aria-labelledby={`${idPrefix}-title`}
      tabIndex={takeFocus ? -1 : undefined}
    >
      <Heading id={`${idPrefix}-title`}>{t('emergencyTitle')}</Heading>
      <p>
        <strong>{t('emergencyAction')}</strong>
      </p>
      {inThread ? <p>{t('emergencyInThread')}</p> : forSomeoneElse && <p>{t('emergencyForSomeoneElse')}</p>}
      {emergencyReasons.length > 0 && (
        <ul>
          {emergencyReasons.map((reason) => (
            <li key={reason.redFlagIds.join('+')}>{reason.text}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
