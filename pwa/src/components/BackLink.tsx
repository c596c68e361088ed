import { useI18n } from '../i18n/I18nProvider';

/** The NHS.UK back link; `href` keeps it a real link that works with the browser's history. */
export function BackLink({ href, onClick }: { href: string; onClick?: () => void }) {
  const { t } = useI18n();
  const handleClick = (event: Event) => {
    if (!onClick) return;
    event.preventDefault();
    onClick();
  };
  return (
    <a class="nhsuk-back-link" href={href} onClick={handleClick}>
      {t('layout.back')}
    </a>
  );
}
