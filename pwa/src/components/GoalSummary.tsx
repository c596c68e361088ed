import type { Goal } from '../api/types';
import { formatDay } from '../format/dates';
import { useI18n } from '../i18n/I18nProvider';
import { STATUS_TAG } from '../plan/goal-labels';

/** A goal as read: the person's words, its status and progress, importance and confidence. */
export function GoalSummary({ goal, headingLevel = 3 }: { goal: Goal; headingLevel?: 2 | 3 }) {
  const { t, language } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      <Heading class="nhsuk-heading-s app-goal__description">{goal.description}</Heading>
      <p>
        <strong class={`nhsuk-tag ${STATUS_TAG[goal.status]}`}>{t(`goals.status.${goal.status}`)}</strong>
      </p>
      <ul class="nhsuk-list nhsuk-body-s">
        <li>{t('goals.progressIs', { progress: t(`goals.progress.${goal.progress}`) })}</li>
        {goal.importance !== null && <li>{t('goals.importance', { value: goal.importance })}</li>}
        {goal.confidence !== null && <li>{t('goals.confidence', { value: goal.confidence })}</li>}
        {goal.target_date && <li>{t('goals.targetDate', { date: formatDay(goal.target_date, language) })}</li>}
        {goal.target && (
          <li>
            {t('goals.target', {
              measure: goal.target.measure,
              comparator: t(`goals.comparator.${goal.target.comparator}`),
              value: goal.target.upper !== null && goal.target.upper !== undefined
                ? `${goal.target.value}–${goal.target.upper}`
                : String(goal.target.value),
              unit: goal.target.unit,
            })}
          </li>
        )}
      </ul>
    </>
  );
}
