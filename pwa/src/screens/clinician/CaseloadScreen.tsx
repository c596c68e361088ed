import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { readCaseload } from '../../api/inbox';
import type { CaseloadPatient, CaseloadScope } from '../../api/types';
import { Radios } from '../../components/fields';
import { Page } from '../../components/Page';
import { ReadView } from '../../components/ReadView';
import { formatDateTime, formatDay } from '../../format/dates';
import { formatPercent } from '../../format/duration';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../navigation';
import { useRead } from '../../offline/use-read';

const SCOPES: readonly CaseloadScope[] = ['mine', 'practice'];

/** A cell of the responsive table: on phones each cell shows its column's name. */
function Cell({ heading, children }: { heading: string; children: ComponentChildren }) {
  return (
    <td class="nhsuk-table__cell">
      <span class="nhsuk-table-responsive__heading" aria-hidden="true">
        {heading}{' '}
      </span>
      {children}
    </td>
  );
}

function Row({ patient, headings }: { patient: CaseloadPatient; headings: readonly string[] }) {
  const { t, language } = useI18n();
  const h = (index: number) => headings[index]!;
  return (
    <tr class="nhsuk-table__row">
      <Cell heading={h(0)}>
        <a class="app-patient-link" href={hrefFor({ name: 'plan-editor', patientId: patient.patient_id })}>
          {patient.name}
        </a>
        <div class="nhsuk-body-s nhsuk-u-margin-bottom-0">
          <a href={hrefFor({ name: 'conversation', patientId: patient.patient_id })}>
            {t('caseload.messagesLink')}
            <span class="nhsuk-u-visually-hidden">: {patient.name}</span>
          </a>
          {' · '}
          <a href={hrefFor({ name: 'checkins', patientId: patient.patient_id })}>
            {t('caseload.checkinsLink')}
            <span class="nhsuk-u-visually-hidden">: {patient.name}</span>
          </a>
        </div>
      </Cell>
      <Cell heading={h(1)}>
        {patient.last_checkin_at === null ? t('caseload.none') : formatDateTime(patient.last_checkin_at, language)}
        {patient.last_answered_at !== null && (
          <div class="nhsuk-body-s app-secondary-text">
            {t('caseload.answered', { when: formatDateTime(patient.last_answered_at, language) })}
          </div>
        )}
      </Cell>
      <Cell heading={h(2)}>{patient.adherence_4w === null ? t('caseload.noActionsDue') : formatPercent(patient.adherence_4w)}</Cell>
      <Cell heading={h(3)}>
        {patient.open_alerts > 0 ? (
          <strong class="nhsuk-tag nhsuk-tag--red">{t('caseload.alerts', { count: patient.open_alerts })}</strong>
        ) : (
          t('caseload.noAlerts')
        )}
      </Cell>
      <Cell heading={h(4)}>
        {patient.review_overdue && <strong class="nhsuk-tag nhsuk-tag--orange">{t('caseload.overdue')}</strong>}{' '}
        {patient.review_date === null ? t('caseload.noReview') : formatDay(patient.review_date, language)}
      </Cell>
      <Cell heading={h(5)}>
        {patient.continuity === null ? t('caseload.noContacts') : formatPercent(patient.continuity)}
        {patient.contacts > 0 && (
          <div class="nhsuk-body-s app-secondary-text">{t('caseload.contacts', { count: patient.contacts })}</div>
        )}
      </Cell>
    </tr>
  );
}

/** The clinician's patients at a glance: check-ins, adherence, alerts, reviews, continuity. */
export function CaseloadScreen() {
  const { t } = useI18n();
  const [scope, setScope] = useState<CaseloadScope>('mine');
  const { state, reload } = useRead(() => readCaseload(scope), [scope]);
  const headings = [
    t('caseload.patient'),
    t('caseload.lastCheckin'),
    t('caseload.adherence'),
    t('caseload.openAlerts'),
    t('caseload.review'),
    t('caseload.continuity'),
  ];
  return (
    <Page title={t('caseload.title')}>
      <h1>{t('caseload.title')}</h1>
      <Radios
        id="caseload-scope"
        legend={t('caseload.scope')}
        inline
        options={SCOPES.map((value) => ({ value, label: t(`caseload.scope.${value}`) }))}
        value={scope}
        onChange={(value) => setScope(value as CaseloadScope)}
      />
      <ReadView state={state} onRetry={reload}>
        {(caseload) =>
          caseload.patients.length === 0 ? (
            <p>{t('caseload.empty')}</p>
          ) : (
            <table class="nhsuk-table-responsive app-caseload">
              <caption class="nhsuk-table__caption">{t('caseload.caption', { count: caseload.patients.length })}</caption>
              <thead class="nhsuk-table__head">
                <tr class="nhsuk-table__row">
                  {headings.map((heading) => (
                    <th class="nhsuk-table__header" scope="col" key={heading}>
                      {heading}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody class="nhsuk-table__body">
                {caseload.patients.map((patient) => (
                  <Row key={patient.patient_id} patient={patient} headings={headings} />
                ))}
              </tbody>
            </table>
          )
        }
      </ReadView>
    </Page>
  );
}
