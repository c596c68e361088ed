import { postMessage } from '../../api/checkins';
import { BackLink } from '../../components/BackLink';
import { Page } from '../../components/Page';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../navigation';
import { Conversation } from './Conversation';
import { usePatientName } from './PlanEditorScreen';

/** A patient's messages for the care team, reached from the caseload or the plan. */
export function ConversationScreen({ patientId, meId }: { patientId: string; meId: string }) {
  const { t } = useI18n();
  const name = usePatientName(patientId);
  const title = name ? t('conversation.pageTitle', { name }) : t('conversation.pageTitleNoName');
  return (
    <Page title={title}>
      <BackLink href={hrefFor({ name: 'caseload' })} />
      <h1>{title}</h1>
      <p>
        <a href={hrefFor({ name: 'plan-editor', patientId })}>{t('item.planLink')}</a>
        {' · '}
        <a href={hrefFor({ name: 'checkins', patientId })}>{t('item.checkinsLink')}</a>
      </p>
      <Conversation patientId={patientId} patientName={name} meId={meId} send={(body, clientId) => postMessage(patientId, body, clientId)} />
    </Page>
  );
}
