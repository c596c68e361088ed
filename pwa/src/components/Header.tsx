import { useI18n } from '../i18n/I18nProvider';
import { MAIN_CONTENT_ID } from './Page';

/** The skip link and the NHS.UK header with the service name (Careplan is not NHS-branded). */
export function Header() {
  const { t } = useI18n();
  const skipToMain = (event: Event) => {
    // Focus directly: a #maincontent hash would be read as a screen by the app's navigation.
    event.preventDefault();
    document.getElementById(MAIN_CONTENT_ID)?.focus();
  };
  return (
    <>
      <a class="nhsuk-skip-link" href={`#${MAIN_CONTENT_ID}`} onClick={skipToMain}>
        {t('layout.skipLink')}
      </a>
      <header class="nhsuk-header" role="banner">
        <div class="nhsuk-header__container nhsuk-width-container">
          <div class="nhsuk-header__service">
            <span class="nhsuk-header__service-name">{t('layout.serviceName')}</span>
          </div>
        </div>
      </header>
    </>
  );
}
