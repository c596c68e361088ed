import { useState } from 'preact/hooks';
import { acceptInvitation, declineInvitation, readCaringFor } from '../../api/carers';
import type { HelpedPatient } from '../../api/types';
import type { AccessNotice, Helping } from '../../carers/helping';
import { helpingScopeLabel, ordered } from '../../carers/scopes';
import { Page } from '../../components/Page';
import { ReadView } from '../../components/ReadView';
import { SaveOutcome } from '../../components/SaveOutcome';
import { formatDay } from '../../format/dates';
import { describeError } from '../../forms/describe-error';
import { useI18n } from '../../i18n/I18nProvider';
import { cacheKeys } from '../../offline/cache-keys';
import { useRead } from '../../offline/use-read';

/** Why the carer is back here: their access ended, or the patient changed what they may do. */
function AccessNoticeBox({ notice }: { notice: AccessNotice }) {
  const { t } = useI18n();
  return (
    <div class="nhsuk-warning-callout" role="alert">
      <h2 class="nhsuk-warning-callout__label">
        <span class="nhsuk-u-visually-hidden">{t('outbox.important')} </span>
        {t(notice.kind === 'ended' ? 'helping.endedTitle' : 'helping.narrowedTitle', { name: notice.name })}
      </h2>
      <p>{t(notice.kind === 'ended' ? 'helping.ended' : 'helping.narrowed', { name: notice.name })}</p>
    </div>
  );
}

/** What the patient asked for help with, and until when. */
function HelpDetails({ patient }: { patient: HelpedPatient }) {
  const { t, language } = useI18n();
  return (
    <>
      <p class="nhsuk-body-s app-secondary-text">{patient.practice}</p>
      <p class="nhsuk-u-margin-bottom-1">{t('helping.canDo')}</p>
      <ul class="nhsuk-list nhsuk-list--bullet">
        {ordered(patient.scopes).map((scope) => (
          <li key={scope}>{helpingScopeLabel(scope, t)}</li>
        ))}
      </ul>
      <p>{patient.ends_on ? t('helping.until', { date: formatDay(patient.ends_on, language) }) : t('helping.noEnd')}</p>
    </>
  );
}

/**
 * A carer's home: the people they help (each opens that person's screens) and invitations
 * waiting for an answer.
 */
export function PeopleIHelpScreen({ notice, helping, onChoose }: {
  notice: AccessNotice | null;
  helping: Helping | null;
  onChoose: (patient: HelpedPatient) => void;
}) {
  const { t } = useI18n();
  const { state, reload } = useRead(readCaringFor, [], cacheKeys.caringFor());
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const answer = async (invitation: HelpedPatient, accept: boolean) => {
    setStatus('');
    setProblem(null);
    const name = invitation.patient_name;
    try {
      await (accept ? acceptInvitation : declineInvitation)(invitation.delegation_id);
      setStatus(t(accept ? 'helping.accepted' : 'helping.declined', { name }));
    } catch (error) {
      setProblem(describeError(error, t));
    }
    reload();
  };

  return (
    <Page title={t('helping.title')}>
      <h1>{t('helping.title')}</h1>
      {notice && <AccessNoticeBox notice={notice} />}
      <SaveOutcome problem={problem} status={status} />
      <ReadView state={state} onRetry={reload}>
        {({ patients, invitations }) => (
          <>
            {invitations.length > 0 && (
              <section aria-labelledby="invitations-title">
                <h2 class="nhsuk-heading-m" id="invitations-title">
                  {t('helping.invitationsTitle')}
                </h2>
                <ul class="app-card-list">
                  {invitations.map((invitation) => (
                    <li class="nhsuk-card" key={invitation.delegation_id}>
                      <div class="nhsuk-card__content">
                        <h3 class="nhsuk-card__heading nhsuk-heading-s">
                          {t('helping.invited', { name: invitation.patient_name })}
                        </h3>
                        <HelpDetails patient={invitation} />
                        <div class="app-button-group">
                          <button class="nhsuk-button" type="button" onClick={() => void answer(invitation, true)}>
                            {t('helping.accept')}
                            <span class="nhsuk-u-visually-hidden">: {invitation.patient_name}</span>
                          </button>
                          <button class="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => void answer(invitation, false)}>
                            {t('helping.decline')}
                            <span class="nhsuk-u-visually-hidden">: {invitation.patient_name}</span>
                          </button>
                        </div>
                      </div>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <section aria-labelledby="people-title">
              <h2 class="nhsuk-heading-m" id="people-title">
                {t('helping.peopleTitle')}
              </h2>
              {patients.length === 0 ? (
                <p>{t('helping.none')}</p>
              ) : (
                <ul class="app-card-list">
                  {patients.map((patient) => (
                    <li class="nhsuk-card" key={patient.delegation_id}>
                      <div class="nhsuk-card__content">
                        <h3 class="nhsuk-card__heading nhsuk-heading-s">{patient.patient_name}</h3>
                        <HelpDetails patient={patient} />
                        <button class="nhsuk-button" type="button" onClick={() => onChoose(patient)}>
                          {t(helping?.patientId === patient.patient_id ? 'helping.carryOn' : 'helping.open', {
                            name: patient.patient_name,
                          })}
                        </button>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </ReadView>
    </Page>
  );
}
