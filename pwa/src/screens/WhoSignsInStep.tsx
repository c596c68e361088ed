import type { SignInAs } from '../api/client';
import { BackLink } from '../components/BackLink';
import { ErrorSummary } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import type { FieldError } from '../forms/field-error';
import type { SignInChoices } from '../forms/sign-in-choices';
import { useI18n } from '../i18n/I18nProvider';
import { hrefFor } from '../navigation';

export const CHOICES_ID = 'sign-in-as';

/** Sign-in, step 3 on a shared phone: sign in as the patient (which one) or as the carer. */
export function WhoSignsInStep({ choices, errors, onChoose, onBack }: {
  choices: SignInChoices;
  errors: readonly FieldError[];
  onChoose: (as: SignInAs) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const several = choices.patientIds.length > 1;
  return (
    <Page title={t('whoSignsIn.title')} hasErrors={errors.length > 0}>
      <BackLink href={hrefFor({ name: 'patient-sign-in' })} onClick={onBack} />
      <ErrorSummary errors={errors} />
      <h1>{t('whoSignsIn.title')}</h1>
      <p>{t('whoSignsIn.lead')}</p>
      <div class="app-button-group" id={CHOICES_ID} tabIndex={-1}>
        {choices.patientIds.map((patientId, index) => (
          <button key={patientId} class="nhsuk-button" type="button" onClick={() => onChoose({ patient_id: patientId })}>
            {several ? t('whoSignsIn.patientNumber', { number: index + 1 }) : t('whoSignsIn.patient')}
          </button>
        ))}
        {choices.carer && (
          <button class="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => onChoose({ as_carer: true })}>
            {t('whoSignsIn.carer')}
          </button>
        )}
      </div>
    </Page>
  );
}
