import { BackLink } from '../../components/BackLink';
import { Page } from '../../components/Page';
import { PlanHistory } from '../../components/PlanHistory';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../navigation';
import { usePatientName } from './PlanEditorScreen';

/** Every change to a patient's plan, for the care team; or only since the last review. */
export function HistoryScreen({ patientId }: { patientId: string }) {
  const { t } = useI18n();
  const name = usePatientName(patientId);
  const title = name ? t('history.title', { name }) : t('history.titleNoName');
  return (
    <Page title={title}>
      <BackLink href={hrefFor({ name: 'plan-editor', patientId })} />
      <h1>{title}</h1>
      <PlanHistory patientId={patientId} audience="clinician" />
    </Page>
  );
}
