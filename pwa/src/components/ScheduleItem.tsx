import type { ComponentChildren } from 'preact';
import type { Schedule } from '../api/types';
import { isPaused } from '../checkins/pause';
import { describeCadence, scheduleState } from '../checkins/schedule-text';
import type { ScheduleChange } from '../checkins/use-schedule-change';
import { formatDateTime, formatDay } from '../format/dates';
import { useI18n } from '../i18n/I18nProvider';

const WEEK_MS = 7 * 86_400_000;

const STATE_TAG = { active: 'nhsuk-tag--green', paused: 'nhsuk-tag--yellow', stopped: 'nhsuk-tag--grey', ended: 'nhsuk-tag--grey' };

/** One check-in schedule: the question, how often, and when it is next sent (or why not). */
export function ScheduleItem({ schedule, allPausedUntil, now, children }: {
  schedule: Schedule;
  allPausedUntil: number | null;
  now: number;
  children?: ComponentChildren;
}) {
  const { t, language } = useI18n();
  const state = scheduleState(schedule, now, allPausedUntil);
  const pausedUntil = Math.max(schedule.paused_until ?? 0, allPausedUntil ?? 0);
  return (
    <li class="app-editor-item">
      <h3 class="nhsuk-heading-s">{schedule.question}</h3>
      <p>
        <strong class={`nhsuk-tag ${STATE_TAG[state]}`}>{t(`checkins.state.${state}`)}</strong>
      </p>
      <ul class="nhsuk-list nhsuk-body-s">
        <li>{t(`checkins.kind.${schedule.kind}`)}</li>
        <li>{describeCadence(schedule, t, language)}</li>
        {state === 'active' && schedule.next_due_at !== null && (
          <li>{t('checkins.nextDue', { when: formatDateTime(schedule.next_due_at, language) })}</li>
        )}
        {state === 'paused' && <li>{t('checkins.pausedUntil', { when: formatDateTime(pausedUntil, language) })}</li>}
        {schedule.end_date && <li>{t('checkins.endsOn', { date: formatDay(schedule.end_date, language) })}</li>}
      </ul>
      {children}
    </li>
  );
}

/** A button that acts on one schedule; screen readers also hear which question it is for. */
export function ScheduleButton({ schedule, label, warning = false, onClick }: {
  schedule: Schedule;
  label: string;
  warning?: boolean;
  onClick: () => void;
}) {
  return (
    <button class={`nhsuk-button ${warning ? 'nhsuk-button--warning' : 'nhsuk-button--secondary'}`} type="button" onClick={onClick}>
      {label}
      <span class="nhsuk-u-visually-hidden">: {schedule.question}</span>
    </button>
  );
}

/** Resume a paused schedule, or pause it for a week (for the patient and for the care team). */
export function PauseOrResumeButton({ schedule, now, onChange }: {
  schedule: Schedule;
  now: number;
  onChange: ScheduleChange;
}) {
  const { t, language } = useI18n();
  if (isPaused(schedule.paused_until, now)) {
    return (
      <ScheduleButton
        schedule={schedule}
        label={t('checkins.resume')}
        onClick={() => void onChange(schedule, { paused_until: null }, t('checkins.scheduleResumed'))}
      />
    );
  }
  const pauseWeek = () => {
    const until = Date.now() + WEEK_MS;
    void onChange(schedule, { paused_until: until }, t('checkins.schedulePaused', { when: formatDateTime(until, language) }));
  };
  return <ScheduleButton schedule={schedule} label={t('checkins.pauseWeek')} onClick={pauseWeek} />;
}
