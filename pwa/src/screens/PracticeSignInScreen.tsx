import { useState } from 'preact/hooks';
import { signInWithPassword } from '../api/client';
import type { Me } from '../api/types';
import { BackLink } from '../components/BackLink';
import { ErrorSummary } from '../components/ErrorSummary';
import { Page } from '../components/Page';
import { TextInput } from '../components/TextInput';
import { errorFor, type FieldError } from '../forms/field-error';
import { useFormSubmission } from '../forms/use-form-submission';
import { useI18n } from '../i18n/I18nProvider';
import { hrefFor } from '../navigation';

/** Practice staff sign in with their email address and password. */
export function PracticeSignInScreen({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { errors, submit } = useFormSubmission();

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit({
      serverErrorField: 'email',
      validate: () => {
        const problems: FieldError[] = [];
        if (email.trim() === '') problems.push({ fieldId: 'email', message: t('practice.errorEmailMissing') });
        if (password === '') problems.push({ fieldId: 'password', message: t('practice.errorPasswordMissing') });
        return problems;
      },
      send: async () => onSignedIn(await signInWithPassword(email.trim(), password)),
    });
  };

  return (
    <Page title={t('practice.title')} hasErrors={errors.length > 0}>
      <BackLink href={hrefFor({ name: 'start' })} />
      <ErrorSummary errors={errors} />
      <h1>{t('practice.title')}</h1>
      <form onSubmit={onSubmit} novalidate>
        <TextInput
          id="email"
          type="email"
          autocomplete="username"
          spellcheck={false}
          label={t('practice.email')}
          error={errorFor(errors, 'email')}
          value={email}
          onInput={(event) => setEmail(event.currentTarget.value)}
        />
        <TextInput
          id="password"
          type="password"
          autocomplete="current-password"
          label={t('practice.password')}
          error={errorFor(errors, 'password')}
          value={password}
          onInput={(event) => setPassword(event.currentTarget.value)}
        />
        <button class="nhsuk-button" type="submit">
          {t('practice.submit')}
        </button>
      </form>
    </Page>
  );
}
