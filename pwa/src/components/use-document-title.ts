import { useEffect } from 'preact/hooks';
import { useI18n } from '../i18n/I18nProvider';

/** Sets the tab title; GOV.UK and NHS.UK prefix it with "Error:" while a form has errors. */
export function useDocumentTitle(page: string, hasErrors = false): void {
  const { t } = useI18n();
  const title = t(hasErrors ? 'layout.errorPageTitle' : 'layout.pageTitle', { page });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
