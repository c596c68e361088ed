import { formatDateTime } from '../format/dates';
import { useI18n } from '../i18n/I18nProvider';

/** Says that the server could not be reached and what is shown was saved on this device. */
export function SavedCopyNotice({ savedAt }: { savedAt: number }) {
  const { t, language } = useI18n();
  return (
    <div class="nhsuk-inset-text app-saved-copy">
      <span class="nhsuk-u-visually-hidden">{t('offline.information')} </span>
      <p>{t('offline.savedCopy', { when: formatDateTime(savedAt, language) })}</p>
    </div>
  );
}
