import { useState } from 'preact/hooks';
import { readHistory } from '../api/careplan';
import type { Change } from '../api/types';
import { formatDateTime } from '../format/dates';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/I18nProvider';
import { isMessageKey } from '../i18n/translate';
import { cacheKeys } from '../offline/cache-keys';
import { useRead } from '../offline/use-read';
import { ReadView } from './ReadView';

/**
 * Who reads the history. The care team starts from every change and may narrow it to those
 * since the last review; a patient starts from "since my last review" and may widen it.
 * Only a patient's copy is kept on the device.
 */
export type HistoryAudience = 'clinician' | 'patient';

const WORDS: Record<HistoryAudience, Record<'filter' | 'lastReview' | 'noReview' | 'none' | 'noneSince', MessageKey>> = {
  clinician: {
    filter: 'history.sinceLastReview',
    lastReview: 'history.lastReview',
    noReview: 'history.noReview',
    none: 'history.none',
    noneSince: 'history.noneSince',
  },
  patient: {
    filter: 'changes.showAll',
    lastReview: 'changes.lastReview',
    noReview: 'changes.noReview',
    none: 'changes.none',
    noneSince: 'changes.noneSince',
  },
};

function ChangeItem({ change }: { change: Change }) {
  const { t, language } = useI18n();
  const fields = change.changed_fields.map((field) => {
    const key = `editor.field.${field}`;
    return isMessageKey(key) ? t(key) : field.replace(/_/g, ' ');
  });
  return (
    <li>
      <p class="nhsuk-u-margin-bottom-1">
        {/* The server writes summaries in English: say so, so Welsh screen readers read it right. */}
        <strong lang="en">{change.summary}</strong>
      </p>
      <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">
        {t('history.by', { name: change.actor_name, when: formatDateTime(change.at, language) })}
      </p>
      {change.change === 'updated' && fields.length > 0 && (
        <p class="nhsuk-body-s app-secondary-text">{t('history.fields', { fields: fields.join(', ') })}</p>
      )}
    </li>
  );
}

/** Every change to the plan, its goals and actions: what, who and when; or only since the last review. */
export function PlanHistory({ patientId, audience }: { patientId: string; audience: HistoryAudience }) {
  const { t, language } = useI18n();
  const words = WORDS[audience];
  const [checked, setChecked] = useState(false);
  const sinceLastReview = audience === 'patient' ? !checked : checked;
  const { state, reload } = useRead(
    () => readHistory(patientId, sinceLastReview),
    [patientId, sinceLastReview],
    audience === 'patient' ? cacheKeys.history(patientId, sinceLastReview) : null,
  );

  return (
    <>
      <div class="nhsuk-form-group">
        <div class="nhsuk-checkboxes">
          <div class="nhsuk-checkboxes__item">
            <input
              class="nhsuk-checkboxes__input"
              id="history-filter"
              type="checkbox"
              checked={checked}
              onChange={(event) => setChecked(event.currentTarget.checked)}
            />
            <label class="nhsuk-label nhsuk-checkboxes__label" for="history-filter">
              {t(words.filter)}
            </label>
          </div>
        </div>
      </div>
      <ReadView state={state} onRetry={reload}>
        {(history) => (
          <>
            <p class="nhsuk-body-s" role="status">
              {history.last_review_completed_at !== null
                ? t(words.lastReview, { when: formatDateTime(history.last_review_completed_at, language) })
                : t(words.noReview)}
            </p>
            {history.changes.length === 0 ? (
              <p>{t(sinceLastReview && history.last_review_completed_at !== null ? words.noneSince : words.none)}</p>
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
    </>
  );
}
