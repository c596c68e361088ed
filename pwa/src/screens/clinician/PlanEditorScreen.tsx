import { readPatient, readPlan } from '../../api/careplan';
import { BackLink } from '../../components/BackLink';
import { Page } from '../../components/Page';
import { ReadView } from '../../components/ReadView';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../navigation';
import { useRead } from '../../offline/use-read';
import { ActionsEditor } from './ActionsEditor';
import { GoalsEditor } from './GoalsEditor';
import { PlanFields } from './PlanFields';

/** Hook for a patient's name in a heading: empty until it has loaded. */
export function usePatientName(patientId: string): string {
  const { state } = useRead(() => readPatient(patientId), [patientId]);
  return state.status === 'ready' ? `${state.data.given_name} ${state.data.family_name}` : '';
}

/**
 * A patient's plan for the care team to edit with them: their words, conditions and "if I get
 * worse" plans, goals and actions. Nothing here is kept on the device.
 */
export function PlanEditorScreen({ patientId }: { patientId: string }) {
  const { t } = useI18n();
  const name = usePatientName(patientId);
  const { state, reload, replace } = useRead(() => readPlan(patientId), [patientId]);
  const title = name ? t('editor.title', { name }) : t('editor.titleNoName');
  return (
    <Page title={title}>
      <BackLink href={hrefFor({ name: 'patients' })} />
      <h1>{title}</h1>
      <p>
        <a href={hrefFor({ name: 'history', patientId })}>{t('editor.historyLink')}</a>
        {' · '}
        <a href={hrefFor({ name: 'conversation', patientId })}>{t('editor.messagesLink')}</a>
        {' · '}
        <a href={hrefFor({ name: 'checkins', patientId })}>{t('editor.checkinsLink')}</a>
      </p>
      <ReadView state={state} onRetry={reload}>
        {(plan) => (
          <>
            <PlanFields patientId={patientId} initial={plan} onSaved={replace} />
            <GoalsEditor patientId={patientId} plan={plan} onChanged={reload} />
            <ActionsEditor patientId={patientId} plan={plan} onChanged={reload} />
          </>
        )}
      </ReadView>
    </Page>
  );
}
