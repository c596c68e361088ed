import { Page } from '../components/Page';
import { useI18n } from '../i18n/I18nProvider';
import { hrefFor, type Route } from '../navigation';

function SignInChoice({ route, label }: { route: Route; label: string }) {
  return (
    <div class="nhsuk-card nhsuk-card--clickable">
      <div class="nhsuk-card__content">
        <h3 class="nhsuk-card__heading nhsuk-heading-m">
          <a class="nhsuk-card__link" href={hrefFor(route)}>
            {label}
          </a>
        </h3>
      </div>
    </div>
  );
}

export function StartScreen() {
  const { t } = useI18n();
  return (
    <Page title={t('start.title')}>
      <h1>{t('start.title')}</h1>
      <p class="nhsuk-body-l">{t('start.lead')}</p>
      <h2 class="nhsuk-heading-m">{t('start.question')}</h2>
      <SignInChoice route={{ name: 'patient-sign-in' }} label={t('start.patient')} />
      <SignInChoice route={{ name: 'practice-sign-in' }} label={t('start.clinician')} />
    </Page>
  );
}
