import { useI18n } from '../i18n/I18nProvider';
import { MAIN_CONTENT_ID } from './Page';

export interface NavigationItem {
  href: string;
  label: string;
  current: boolean;
}

export interface Account {
  name: string;
  onSignOut: () => void;
}

/**
 * The skip link and the NHS.UK header with the service name (Careplan is not NHS-branded),
 * and once signed in: who is signed in, "Sign out", and the main menu.
 */
export function Header({ account, navigation = [] }: { account?: Account; navigation?: readonly NavigationItem[] }) {
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
          {account && (
            <nav class="nhsuk-header__account" aria-label={t('account.label')}>
              <ul class="nhsuk-header__account-list">
                <li class="nhsuk-header__account-item">
                  <span>
                    <span class="nhsuk-u-visually-hidden">{t('account.signedInAs')} </span>
                    {account.name}
                  </span>
                </li>
                <li class="nhsuk-header__account-item">
                  <button class="nhsuk-header__account-button" type="button" onClick={account.onSignOut}>
                    {t('home.signOut')}
                  </button>
                </li>
              </ul>
            </nav>
          )}
        </div>
        {navigation.length > 0 && (
          <nav class="nhsuk-header__navigation" aria-label={t('nav.label')}>
            <div class="nhsuk-header__navigation-container nhsuk-width-container">
              <ul class="nhsuk-header__navigation-list">
                {navigation.map((item) => (
                  <li
                    key={item.href}
                    class={`nhsuk-header__navigation-item ${item.current ? 'nhsuk-header__navigation-item--current' : ''}`}
                  >
                    <a class="nhsuk-header__navigation-link" href={item.href} aria-current={item.current ? 'page' : undefined}>
                      {item.current ? (
                        <strong class="nhsuk-header__navigation-item-current-fallback">{item.label}</strong>
                      ) : (
                        item.label
                      )}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
        )}
      </header>
    </>
  );
}
