import { isLanguage, type Language } from './translate';

const STORAGE_KEY = 'careplan.language';

/** The language this device chose last time, or null if it never chose. */
export function readStoredLanguage(): Language | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null; // storage can be blocked (private mode, policy)
  }
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembering the choice is better than failing the switch.
  }
}
