import { t } from '../lib/i18n';

/** The educational notice every view shows: not medical advice, and how to get emergency help. */
export function Notice() {
  return (
    <aside class="bpl-notice" aria-label={t('noticeLabel')}>
      <p>{t('noticeText')}</p>
      <p>
        <strong>{t('noticeEmergency')}</strong>
      </p>
    </aside>
  );
}
