import { signOut } from '../api/client';
import { ApiError } from '../api/errors';
import type { Me, PatientLink } from '../api/types';
import { ErrorSummary } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { useFormSubmission } from '../forms/use-form-submission';
import { useI18n } from '../i18n/I18nProvider';
import { relationshipLabel, roleLabel } from '../i18n/labels';

function CarePlanList({ patients }: { patients: readonly PatientLink[] }) {
  const { t } = useI18n();
  return (
    <>
      <h2 class="nhsuk-heading-m">{t('home.carePlans')}</h2>
      <ul class="nhsuk-list nhsuk-list--border">
        {patients.map((patient) => {
          const relationship = relationshipLabel(patient.relationship, t);
          return (
            <li key={patient.id}>
              <strong>{patient.display_name}</strong>
              {relationship && (
                <>
                  <br />
                  <span class="nhsuk-body-s">{relationship}</span>
                </>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** Who is signed in, the care plans they can see, and signing out. */
export function HomeScreen({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const { t } = useI18n();
  const { errors, submit } = useFormSubmission();

  const onSignOut = (event: Event) => {
    event.preventDefault();
    void submit({
      serverErrorField: 'sign-out',
      validate: () => [],
      send: async () => {
        try {
          await signOut();
        } catch (error) {
          // Already signed out elsewhere: the goal is reached.
          if (!(error instanceof ApiError && error.status === 401)) throw error;
        }
        onSignedOut();
      },
    });
  };

  return (
    <Page title={t('home.title')} hasErrors={errors.length > 0}>
      <ErrorSummary errors={errors} />
      <h1>{t('home.title')}</h1>
      <p class="nhsuk-body-l">{t('home.signedInAs', { name: me.display_name })}</p>
      <dl class="nhsuk-summary-list">
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">{t('home.role')}</dt>
          <dd class="nhsuk-summary-list__value">{roleLabel(me.role, t)}</dd>
        </div>
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">{t('home.practice')}</dt>
          <dd class="nhsuk-summary-list__value">{me.organisation.name}</dd>
        </div>
      </dl>
      {me.patients.length > 0 && <CarePlanList patients={me.patients} />}
      <form onSubmit={onSignOut}>
        <button id="sign-out" class="nhsuk-button nhsuk-button--secondary" type="submit">
          {t('home.signOut')}
        </button>
      </form>
    </Page>
  );
}
