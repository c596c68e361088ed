import { useEffect, useRef } from 'preact/hooks';
import type { FieldError } from '../forms/field-error';
import { useI18n } from '../i18n/I18nProvider';

/** The NHS.UK error summary: focused when it appears, each item links to its field. */
export function ErrorSummary({ errors }: { errors: readonly FieldError[] }) {
  const { t } = useI18n();
  const summary = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (errors.length > 0) summary.current?.focus();
  }, [errors]);

  if (errors.length === 0) return null;

  const focusField = (event: Event, fieldId: string) => {
    // Focus the field itself rather than change the URL hash, which the app uses for screens.
    event.preventDefault();
    const field = document.getElementById(fieldId);
    field?.scrollIntoView({ block: 'center' });
    field?.focus();
  };

  return (
    <div class="nhsuk-error-summary" tabIndex={-1} ref={summary} aria-labelledby="error-summary-title">
      <div role="alert">
        <h2 class="nhsuk-error-summary__heading" id="error-summary-title">
          {t('error.summaryTitle')}
        </h2>
        <div class="nhsuk-error-summary__body">
          <ul class="nhsuk-list nhsuk-error-summary__list">
            {errors.map(({ fieldId, message }) => (
              <li key={fieldId}>
                <a href={`#${fieldId}`} onClick={(event) => focusField(event, fieldId)}>
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
