import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { MessageKey } from './en';
import { readStoredLanguage, storeLanguage } from './language-choice';
import { translate, type Language, type MessageParams } from './translate';

interface I18n {
  language: Language;
  /** A choice the person made: remembered on this device. */
  chooseLanguage(language: Language): void;
  /** Follow an account's preference, unless this device already has a choice. */
  preferLanguage(language: Language): void;
  t(key: MessageKey, params?: MessageParams): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [language, setLanguage] = useState<Language>(() => readStoredLanguage() ?? 'en');

  useLayoutEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const chooseLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    setLanguage(next);
  }, []);

  const preferLanguage = useCallback((preferred: Language) => {
    if (readStoredLanguage() === null) setLanguage(preferred);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      language,
      chooseLanguage,
      preferLanguage,
      t: (key, params) => translate(language, key, params),
    }),
    [language, chooseLanguage, preferLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n needs an <I18nProvider> above it');
  return i18n;
}
