import { useState } from 'preact/hooks';
import { sendSmsCode } from '../api/client';
import { BackLink } from '../components/BackLink';
import { ErrorSummary } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { TextInput } from '../components/TextInput';
import { errorFor } from '../forms/field-error';
import { normaliseUkMobile } from '../forms/uk-mobile';
import { useFormSubmission } from '../forms/use-form-submission';
import { useI18n } from '../i18n/I18nProvider';
import { hrefFor } from '../navigation';

const FIELD = 'phone';

/** Patient sign-in, step 1: the mobile number we text the code to. */
export function PhoneStep({ initialPhone, onCodeSent }: {
  initialPhone: string;
  onCodeSent: (phone: string, expiresInSeconds: number) => void;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(initialPhone);
  const { errors, submit } = useFormSubmission();

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const phone = normaliseUkMobile(typed);
    void submit({
      serverErrorField: FIELD,
      validate: () => {
        if (typed.trim() === '') return [{ fieldId: FIELD, message: t('phone.errorMissing') }];
        if (!phone) return [{ fieldId: FIELD, message: t('phone.errorInvalid') }];
        return [];
      },
      send: async () => {
        const sent = await sendSmsCode(phone!);
        onCodeSent(phone!, sent.expires_in_seconds);
      },
    });
  };

  return (
    <Page title={t('phone.title')} hasErrors={errors.length > 0}>
      <BackLink href={hrefFor({ name: 'start' })} />
      <ErrorSummary errors={errors} />
      <form onSubmit={onSubmit} novalidate>
        <TextInput
          id={FIELD}
          type="tel"
          autocomplete="tel"
          spellcheck={false}
          width={20}
          label={t('phone.title')}
          labelIsPageHeading
          hint={t('phone.hint')}
          error={errorFor(errors, FIELD)}
          value={typed}
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
        <button class="nhsuk-button" type="submit">
          {t('phone.submit')}
        </button>
      </form>
    </Page>
  );
}
