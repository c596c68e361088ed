import { readReadingTypes } from '../../api/careplan';
import { Page } from '../../components/Page';
import { ReadView } from '../../components/ReadView';
import { useI18n } from '../../i18n/I18nProvider';
import { readingTypeLabel } from '../../i18n/labels';
import { hrefFor } from '../../navigation';
import { cacheKeys } from '../../offline/cache-keys';
import { useRead } from '../../offline/use-read';

/** The reading types: each opens a page to add a reading and see the trend. */
export function ReadingsScreen(_: { patientId: string }) {
  const { t } = useI18n();
  const { state, reload } = useRead(readReadingTypes, [], cacheKeys.readingTypes());
  return (
    <Page title={t('readings.title')}>
      <h1>{t('readings.title')}</h1>
      <p>{t('readings.lead')}</p>
      <ReadView state={state} onRetry={reload}>
        {(types) => (
          <ul class="nhsuk-list app-reading-types">
            {types.map((info) => (
              <li key={info.reading_type}>
                <div class="nhsuk-card nhsuk-card--clickable">
                  <div class="nhsuk-card__content">
                    <h2 class="nhsuk-card__heading nhsuk-heading-s">
                      <a class="nhsuk-card__link" href={hrefFor({ name: 'reading', readingType: info.reading_type })}>
                        {readingTypeLabel(info, t)}
                      </a>
                    </h2>
                    <p class="nhsuk-card__description nhsuk-body-s">{t('readings.unit', { unit: info.unit })}</p>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </ReadView>
    </Page>
  );
}
