import { useI18n } from '../i18n/I18nProvider';

export function LoadingScreen() {
  const { t } = useI18n();
  return (
    <p class="nhsuk-body-l" role="status">
      {t('layout.loading')}
    </p>
  );
}
