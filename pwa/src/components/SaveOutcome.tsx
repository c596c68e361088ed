import { useI18n } from '../i18n/I18nProvider';
import { AlertBox } from './AlertBox';

/** How the last change went: the problem in an alert box, and the status line screen readers announce. */
export function SaveOutcome({ problem, status }: { problem: string | null; status: string }) {
  const { t } = useI18n();
  return (
    <>
      {problem && (
        <AlertBox title={t('error.summaryTitle')}>
          <p>{problem}</p>
        </AlertBox>
      )}
      <p role="status" class="app-status app-confirmation">
        {status}
      </p>
    </>
  );
}
