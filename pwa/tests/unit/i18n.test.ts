import { describe, expect, it } from 'vitest';
import { readingTypeLabel, roleLabel } from '../../src/i18n/labels';
import { DICTIONARIES, LANGUAGES, isLanguage, isMessageKey, translate } from '../../src/i18n/translate';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message dictionaries', () => {
  const englishKeys = Object.keys(DICTIONARIES.en).sort();

  it.each(LANGUAGES)('%s has every key, each with a message', (language) => {
    const dictionary = DICTIONARIES[language];
    expect(Object.keys(dictionary).sort()).toEqual(englishKeys);
    for (const key of englishKeys) expect(dictionary[key as keyof typeof dictionary].trim()).not.toBe('');
  });

  it('uses the same parameters in every language', () => {
    for (const key of englishKeys) {
      const english = placeholders(DICTIONARIES.en[key as keyof typeof DICTIONARIES.en]);
      expect(placeholders(DICTIONARIES.cy[key as keyof typeof DICTIONARIES.cy]), key).toEqual(english);
    }
  });

  it('has Welsh words where English and Welsh differ', () => {
    expect(translate('cy', 'code.submit')).toBe('Mewngofnodi');
    expect(translate('cy', 'home.signOut')).toBe('Allgofnodi');
  });
});

describe('translate', () => {
  it('fills in parameters', () => {
    expect(translate('en', 'editor.title', { name: 'Margaret Jones' })).toBe('Care plan for Margaret Jones');
    expect(translate('cy', 'editor.title', { name: 'Siân Williams' })).toBe('Cynllun gofal Siân Williams');
    expect(translate('en', 'outbox.waiting', { count: 2 })).toBe('2 waiting to send');
  });

  it('leaves a placeholder it was given no value for, so the gap is visible', () => {
    expect(translate('en', 'editor.title')).toBe('Care plan for {name}');
  });
});

describe('isLanguage', () => {
  it('accepts only the languages we have', () => {
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('cy')).toBe(true);
    expect(isLanguage('fr')).toBe(false);
    expect(isLanguage(null)).toBe(false);
  });
});

describe('labels for server codes', () => {
  const t = (key: Parameters<typeof translate>[1]) => translate('cy', key);

  it('translates known roles and reading types', () => {
    expect(roleLabel('gp', t)).toBe('Meddyg teulu');
    expect(readingTypeLabel({ reading_type: 'blood_pressure', label: 'Blood pressure' }, t)).toBe('Pwysedd gwaed');
  });

  it('still shows something for codes a newer server may send', () => {
    expect(roleLabel('physiotherapist', t)).toBe('physiotherapist');
    expect(readingTypeLabel({ reading_type: 'ketones', label: 'Ketones' }, t)).toBe('Ketones');
  });

  it('does not treat inherited object properties as messages', () => {
    expect(isMessageKey('toString')).toBe(false);
    expect(isMessageKey('home.signOut')).toBe(true);
  });
});
