import { useState } from 'preact/hooks';
import { readHistory } from '../../api/careplan';
import type { Change } from '../../api/types';
import { BackLink } from '../../components/BackLink';
import { Page } from '../../components/Page';
import { ReadView } from '../../components/ReadView';
import { formatDateTime } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { isMessageKey } from '../../i18n/translate';
import { hrefFor } from '../../navigation';
import { useRead } from '../../offline/use-read';
import { usePatientName } from './PlanEditorScreen';

function ChangeItem({ change }: { change: Change }) {
  const { t, language } = useI18n();
  const fields = change.changed_fields.map((field) => {
    const key = `editor.field.${field}`;
    return isMessageKey(key) ? t(key) : field.replace(/_/g, ' ');
  });
  return (
    <li>
      <p class="nhsuk-u-margin-bottom-1">
        <strong>{change.summary}</strong>
      </p>
      <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">
        {t('history.by', { name: change.actor_name, when: formatDateTime(change.at, language) })}
      </p>
      {change.change === 'updated' && fields.length > 0 && <p class="nhsuk-body-s app-secondary-text">{t('history.fields', { fields: fields.join(', ') })}</p>}
    </li>
  );
}

/** Every change to the plan, its goals and actions: who, when, what; or only since the last review. */
export function HistoryScreen({ patientId }: { patientId: string }) {
  const { t, language } = useI18n();
  const name = usePatientName(patientId);
  const [sinceLastReview, setSinceLastReview] = useState(false);
  const { state, reload } = useRead(() => readHistory(patientId, sinceLastReview), [patientId, sinceLastReview]);
  const title = name ? t('history.title', { name }) : t('history.titleNoName');

  return (
    <Page title={title}>
      <BackLink href={hrefFor({ name: 'plan-editor', patientId })} />
      <h1>{title}</h1>
      <div class="nhsuk-form-group">
        <div class="nhsuk-checkboxes">
          <div class="nhsuk-checkboxes__item">
            <input
              class="nhsuk-checkboxes__input"
              id="since-last-review"
              type="checkbox"
              checked={sinceLastReview}
              onChange={(event) => setSinceLastReview(event.currentTarget.checked)}
            />
            <label class="nhsuk-label nhsuk-checkboxes__label" for="since-last-review">
              {t('history.sinceLastReview')}
            </label>
          </div>
        </div>
      </div>
      <ReadView state={state} onRetry={reload}>
        {(history) => (
          <>
            <p class="nhsuk-body-s" role="status">
              {history.last_review_completed_at !== null
                ? t('history.lastReview', { when: formatDateTime(history.last_review_completed_at, language) })
                : t('history.noReview')}
            </p>
            {history.changes.length === 0 ? (
              <p>{t(sinceLastReview ? 'history.noneSince' : 'history.none')}</p>
            ) : (
              <ul class="nhsuk-list nhsuk-list--border">
                {history.changes.map((change) => (
                  <ChangeItem key={change.id} change={change} />
                ))}
              </ul>
            )}
          </>
        )}
      </ReadView>
    </Page>
  );
}
