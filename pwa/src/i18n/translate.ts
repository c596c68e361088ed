import { cy } from './cy';
import { en, type MessageKey } from './en';

export type Language = 'en' | 'cy';
export type MessageParams = Record<string, string | number>;

export const LANGUAGES: readonly Language[] = ['en', 'cy'];
export const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { en, cy };

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(DICTIONARIES.en, key);
}

/** The message for `key` in `language`, with each `{param}` filled in. */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return DICTIONARIES[language][key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}
