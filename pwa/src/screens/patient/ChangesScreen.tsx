import { BackLink } from '../../components/BackLink';
import { Page } from '../../components/Page';
import { PlanHistory } from '../../components/PlanHistory';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../navigation';

/**
 * "What has changed": the patient's own view of their plan's history, since their last review
 * unless they ask for all of it. The server's summaries are in English; the rest is translated.
 */
export function ChangesScreen({ patientId, from }: { patientId: string; from: 'my-plan' | 'review' }) {
  const { t, language } = useI18n();
  return (
    <Page title={t('changes.title')}>
      <BackLink href={hrefFor({ name: from })} />
      <h1>{t('changes.title')}</h1>
      <p>{t('changes.lead')}</p>
      {language !== 'en' && <p class="nhsuk-body-s app-secondary-text">{t('changes.inEnglish')}</p>}
      <PlanHistory patientId={patientId} audience="patient" />
    </Page>
  );
}
