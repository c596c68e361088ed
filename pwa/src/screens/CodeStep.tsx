import { useState } from 'preact/hooks';
import { sendSmsCode, verifySmsCode, type SignInAs } from '../api/client';
import type { Me } from '../api/types';
import { BackLink } from '../components/BackLink';
import { ErrorSummary } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { TextInput } from '../components/TextInput';
import { errorFor } from '../forms/field-error';
import { normaliseOneTimeCode } from '../forms/one-time-code';
import { signInChoices, type SignInChoices } from '../forms/sign-in-choices';
import { formatUkMobile } from '../forms/uk-mobile';
import { useFormSubmission } from '../forms/use-form-submission';
import { useI18n } from '../i18n/I18nProvider';
import { hrefFor } from '../navigation';
import { CHOICES_ID, WhoSignsInStep } from './WhoSignsInStep';

const FIELD = 'code';

/** Patient sign-in, step 2: the 6-digit code from the text message. */
export function CodeStep({ phone, expiresInSeconds, onChangePhone, onSignedIn }: {
  phone: string;
  expiresInSeconds: number;
  onChangePhone: () => void;
  onSignedIn: (me: Me) => void;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [resent, setResent] = useState(false);
  const { errors, submit } = useFormSubmission();
  // Several people use this phone: who signs in, with the code already typed.
  const [choosing, setChoosing] = useState<{ code: string; choices: SignInChoices } | null>(null);
  const displayPhone = formatUkMobile(phone);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    const code = normaliseOneTimeCode(typed);
    void submit({
      serverErrorField: FIELD,
      validate: () => {
        if (typed.trim() === '') return [{ fieldId: FIELD, message: t('code.errorMissing') }];
        if (!code) return [{ fieldId: FIELD, message: t('code.errorInvalid') }];
        return [];
      },
      send: async () => {
        try {
          onSignedIn(await verifySmsCode(phone, code!));
        } catch (error) {
          const choices = signInChoices(error);
          if (!choices) throw error;
          setChoosing({ code: code!, choices });
        }
      },
    });
  };

  const onChoose = (as: SignInAs) => {
    if (!choosing) return;
    void submit({
      serverErrorField: CHOICES_ID,
      validate: () => [],
      send: async () => onSignedIn(await verifySmsCode(phone, choosing.code, as)),
    });
  };

  if (choosing) {
    return <WhoSignsInStep choices={choosing.choices} errors={errors} onChoose={onChoose} onBack={() => setChoosing(null)} />;
  }

  const onResend = () => {
    setResent(false);
    void submit({
      serverErrorField: FIELD,
      validate: () => [],
      send: async () => {
        await sendSmsCode(phone);
        setResent(true);
      },
    });
  };

  return (
    <Page title={t('code.title')} hasErrors={errors.length > 0}>
      <BackLink href={hrefFor({ name: 'patient-sign-in' })} onClick={onChangePhone} />
      <ErrorSummary errors={errors} />
      <h1>{t('code.title')}</h1>
      <p>{t('code.hint', { phone: displayPhone, minutes: Math.round(expiresInSeconds / 60) })}</p>
      {/* Always in the page, so screen readers announce the text when it appears. */}
      <p role="status" class="app-status">
        {resent ? t('code.resent', { phone: displayPhone }) : ''}
      </p>
      <form onSubmit={onSubmit} novalidate>
        <TextInput
          id={FIELD}
          label={t('code.label')}
          autocomplete="one-time-code"
          inputMode="numeric"
          spellcheck={false}
          width={5}
          error={errorFor(errors, FIELD)}
          value={typed}
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
        <div class="app-button-group">
          <button class="nhsuk-button" type="submit">
            {t('code.submit')}
          </button>
          <button class="nhsuk-button nhsuk-button--secondary" type="button" onClick={onResend}>
            {t('code.resend')}
          </button>
        </div>
      </form>
    </Page>
  );
}
