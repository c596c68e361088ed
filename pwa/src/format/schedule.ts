// How often and when an action is done, in words.
import type { PlanAction } from '../api/types';
import type { MessageKey } from '../i18n/en';
import type { Language, MessageParams } from '../i18n/translate';
import { weekdayName } from './dates';

type Translate = (key: MessageKey, params?: MessageParams) => string;

export function describeSchedule(
  action: Pick<PlanAction, 'frequency' | 'times_per_week' | 'weekdays' | 'time_of_day'>,
  t: Translate,
  language: Language,
): string {
  let how: string;
  if (action.frequency === 'times_per_week') how = t('schedule.timesPerWeek', { count: action.times_per_week ?? 1 });
  else if (action.frequency === 'weekdays') {
    const days = [...action.weekdays].sort((a, b) => a - b).map((day) => weekdayName(day, language));
    how = t('schedule.weekdays', { days: days.join(', ') });
  } else how = t('schedule.daily');
  return action.time_of_day === 'any' ? how : `${how}, ${t(`timeOfDay.${action.time_of_day}`)}`;
}

/** "in the morning" → "In the morning", for a label that starts a line. */
export const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);
