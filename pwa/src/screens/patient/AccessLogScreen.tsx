import { useEffect, useState } from 'preact/hooks';
import { readAccessLog } from '../../api/carers';
import type { AccessLogEntry } from '../../api/types';
import { describeAccess, peopleIn, type Person } from '../../carers/access-log';
import { Select } from '../../components/fields';
import { Page } from '../../components/Page';
import { ReadFailed } from '../../components/ReadView';
import { describeError } from '../../forms/describe-error';
import { useI18n } from '../../i18n/I18nProvider';
import { LoadingScreen } from '../LoadingScreen';

const EVERYONE = '';

type LogState =
  | { status: 'loading' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; entries: AccessLogEntry[]; nextBefore: string | null };

/** The log for one person (or everyone), newest first, with older pages added on request. */
function useAccessLog(patientId: string, actorId: string | null) {
  const [state, setState] = useState<LogState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [olderProblem, setOlderProblem] = useState<string | null>(null);
  const { t } = useI18n();

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'loading' });
    setOlderProblem(null);
    readAccessLog(patientId, actorId).then(
      (page) => !cancelled && setState({ status: 'ready', entries: page.items, nextBefore: page.next_before }),
      (error: unknown) => !cancelled && setState({ status: 'failed', error }),
    );
    return () => {
      cancelled = true;
    };
  }, [patientId, actorId, attempt]);

  const loadOlder = async () => {
    if (state.status !== 'ready' || state.nextBefore === null) return;
    setOlderProblem(null);
    try {
      const page = await readAccessLog(patientId, actorId, state.nextBefore);
      setState({ status: 'ready', entries: [...state.entries, ...page.items], nextBefore: page.next_before });
    } catch (error) {
      setOlderProblem(describeError(error, t));
    }
  };

  return { state, olderProblem, loadOlder, retry: () => setAttempt((n) => n + 1) };
}

/** Who viewed or changed the patient's record and when, in plain words, filterable by person. */
export function AccessLogScreen({ patientId }: { patientId: string }) {
  const { t, language } = useI18n();
  const [actorId, setActorId] = useState(EVERYONE);
  const { state, olderProblem, loadOlder, retry } = useAccessLog(patientId, actorId === EVERYONE ? null : actorId);
  // Everyone seen so far stays a choice, so filtering by one person can be undone.
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    if (state.status === 'ready') setPeople((known) => peopleIn(state.entries, known, t));
  }, [state]);

  return (
    <Page title={t('accessLog.title')}>
      <h1>{t('accessLog.title')}</h1>
      <p>{t('accessLog.lead')}</p>
      <Select
        id="access-log-person"
        label={t('accessLog.filterLabel')}
        options={[{ value: EVERYONE, label: t('accessLog.everyone') }, ...people.map((p) => ({ value: p.id, label: p.label }))]}
        value={actorId}
        onChange={setActorId}
      />
      {state.status === 'loading' && <LoadingScreen />}
      {state.status === 'failed' && <ReadFailed error={state.error} onRetry={retry} />}
      {state.status === 'ready' && (
        <>
          {state.entries.length === 0 ? (
            <p>{t('accessLog.none')}</p>
          ) : (
            <ul class="nhsuk-list nhsuk-list--border app-access-log">
              {state.entries.map((entry) => (
                <li key={entry.id}>{describeAccess(entry, t, language)}</li>
              ))}
            </ul>
          )}
          {olderProblem && <p class="nhsuk-error-message">{olderProblem}</p>}
          {state.nextBefore !== null && (
            <button class="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => void loadOlder()}>
              {t('accessLog.older')}
            </button>
          )}
        </>
      )}
    </Page>
  );
}
