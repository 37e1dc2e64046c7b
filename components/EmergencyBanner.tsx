import type { TriageReason } from '../lib/types';
import { t } from '../lib/i18n';

/** What to do now, before anything else, when an emergency red flag or combination is affirmed. */
export function EmergencyBanner({ reasons }: { reasons: TriageReason[] }) {
  const emergencyReasons = reasons.filter((reason) => reason.urgency === 'emergency');
  return (
    <section class="bpl-emergency" role="alert" aria-labelledby="bpl-emergency-title">
      <h2 id="bpl-emergency-title">{t('emergencyTitle')}</h2>
      <p>
        <strong>{t('emergencyAction')}</strong>
      </p>
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
