import { listPatients } from '../../api/careplan';
import { Page } from '../../components/Page';
import { ReadView } from '../../components/ReadView';
import { formatDay } from '../../format/dates';
import { formatNhsNumber } from '../../format/nhs-number';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../navigation';
import { useRead } from '../../offline/use-read';

/** The practice's patients, each opening their care plan. */
export function PatientListScreen() {
  const { t, language } = useI18n();
  const { state, reload } = useRead(listPatients, []);
  return (
    <Page title={t('patients.title')}>
      <h1>{t('patients.title')}</h1>
      <ReadView state={state} onRetry={reload}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('patients.none')}</p>
          ) : (
            <ul class="nhsuk-list nhsuk-list--border">
              {page.items.map((patient) => (
                <li key={patient.id}>
                  <a class="nhsuk-body-l app-patient-link" href={hrefFor({ name: 'plan-editor', patientId: patient.id })}>
                    {patient.given_name} {patient.family_name}
                  </a>
                  <br />
                  <span class="nhsuk-body-s app-secondary-text">
                    {t('patients.born', { date: formatDay(patient.birth_date, language) })}
                    {' · '}
                    {t('patients.nhsNumber', { number: formatNhsNumber(patient.nhs_number) })}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </ReadView>
    </Page>
  );
}
