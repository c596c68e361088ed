// A check-in schedule in words: "Every day at 09:00", "On Monday, Thursday at 18:30",
// "Every 3 days at 09:00".
import type { Schedule } from '../api/types';
import { weekdayName } from '../format/dates';
import type { MessageKey } from '../i18n/en';
import type { Language, MessageParams } from '../i18n/translate';

type Translate = (key: MessageKey, params?: MessageParams) => string;

export function describeCadence(
  schedule: Pick<Schedule, 'cadence' | 'weekdays' | 'every_n_days' | 'local_time'>,
  t: Translate,
  language: Language,
): string {
  const time = schedule.local_time;
  if (schedule.cadence === 'weekly') {
    const days = [...schedule.weekdays].sort((a, b) => a - b).map((day) => weekdayName(day, language));
    return t('checkins.cadence.weekly', { days: days.join(', '), time });
  }
  if (schedule.cadence === 'every_n_days') {
    return t('checkins.cadence.everyNDays', { count: schedule.every_n_days ?? 1, time });
  }
  return t('checkins.cadence.daily', { time });
}

export type ScheduleState = 'active' | 'paused' | 'stopped' | 'ended';

/** Whether the schedule is running, paused (by itself or for all check-ins), stopped or over. */
export function scheduleState(schedule: Schedule, now: number, allPausedUntil: number | null = null): ScheduleState {
  if (!schedule.active) return 'stopped';
  if ((schedule.paused_until ?? 0) > now || (allPausedUntil ?? 0) > now) return 'paused';
  if (schedule.next_due_at === null) return 'ended';
  return 'active';
}
