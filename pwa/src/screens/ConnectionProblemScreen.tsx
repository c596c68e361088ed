import { Page } from '../components/Page';
import { describeError } from '../forms/describe-error';
import { useI18n } from '../i18n/I18nProvider';

/** Shown when we cannot tell whether anyone is signed in, e.g. offline on first load. */
export function ConnectionProblemScreen({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <Page title={t('error.connectionTitle')}>
      <h1>{t('error.connectionTitle')}</h1>
      <p>{describeError(error, t)}</p>
      <button class="nhsuk-button" type="button" onClick={onRetry}>
        {t('error.tryAgain')}
      </button>
    </Page>
  );
}
