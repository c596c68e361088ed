import { useI18n } from '../i18n/I18nProvider';
import { LANGUAGES } from '../i18n/translate';

/** English / Cymraeg. Each name is in its own language, marked with `lang` for screen readers. */
export function LanguageSwitcher() {
  const { language, chooseLanguage, t } = useI18n();
  return (
    <nav class="app-language-switcher" aria-label={t('language.label')}>
      <ul class="app-language-switcher__list">
        {LANGUAGES.map((option) => (
          <li class="app-language-switcher__item" key={option}>
            {option === language ? (
              <span aria-current="true" lang={option}>
                {t(`language.${option}`)}
              </span>
            ) : (
              <button
                type="button"
                class="app-language-switcher__button"
                lang={option}
                onClick={() => chooseLanguage(option)}
              >
                {t(`language.${option}`)}
              </button>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
