// The clinician's action form: what, how often, when, and the goal it serves.
import type { ActionCreate, ActionUpdate, Frequency, PlanAction, TimeOfDay } from '../api/types';

export const FREQUENCIES: readonly Frequency[] = ['daily', 'times_per_week', 'weekdays'];
export const TIMES_OF_DAY: readonly TimeOfDay[] = ['any', 'morning', 'midday', 'afternoon', 'evening', 'bedtime'];

export interface ActionForm {
  what: string;
  frequency: Frequency;
  times_per_week: string;
  weekdays: string[];
  time_of_day: TimeOfDay;
  goal_id: string;
}

export const ACTION_FIELDS: readonly (keyof ActionForm)[] = [
  'what',
  'frequency',
  'times_per_week',
  'weekdays',
  'time_of_day',
  'goal_id',
];

export const emptyActionForm = (): ActionForm => ({
  what: '',
  frequency: 'daily',
  times_per_week: '3',
  weekdays: [],
  time_of_day: 'any',
  goal_id: '',
});

export const actionToForm = (action: PlanAction): ActionForm => ({
  what: action.what,
  frequency: action.frequency,
  times_per_week: String(action.times_per_week ?? 3),
  weekdays: action.weekdays.map(String),
  time_of_day: action.time_of_day,
  goal_id: action.goal_id ?? '',
});

/** The schedule as the API takes it: only the part the frequency uses. */
function schedule(form: ActionForm) {
  return {
    frequency: form.frequency,
    times_per_week: form.frequency === 'times_per_week' ? Number(form.times_per_week) : null,
    weekdays: form.frequency === 'weekdays' ? form.weekdays.map(Number).sort((a, b) => a - b) : [],
  };
}

export function actionCreate(form: ActionForm): ActionCreate {
  return {
    what: form.what.trim(),
    ...schedule(form),
    time_of_day: form.time_of_day,
    goal_id: form.goal_id === '' ? null : form.goal_id,
  };
}

/** The fields that differ from the action as read, with its version; null when none do. */
export function actionUpdate(action: PlanAction, form: ActionForm): ActionUpdate | null {
  const wanted = actionCreate(form);
  const update: ActionUpdate = { version: action.version };
  let changed = false;
  if (wanted.what !== action.what) {
    update.what = wanted.what;
    changed = true;
  }
  const scheduleChanged =
    wanted.frequency !== action.frequency ||
    (wanted.times_per_week ?? null) !== (action.times_per_week ?? null) ||
    JSON.stringify(wanted.weekdays) !== JSON.stringify([...action.weekdays].sort((a, b) => a - b));
  if (scheduleChanged) {
    update.frequency = wanted.frequency!;
    update.times_per_week = wanted.times_per_week ?? null;
    update.weekdays = wanted.weekdays ?? [];
    changed = true;
  }
  if (wanted.time_of_day !== action.time_of_day) {
    update.time_of_day = wanted.time_of_day!;
    changed = true;
  }
  if ((wanted.goal_id ?? null) !== action.goal_id) {
    update.goal_id = wanted.goal_id ?? null;
    changed = true;
  }
  return changed ? update : null;
}

export type ActionProblem = 'what-missing' | 'weekdays-missing';

export function checkActionForm(form: ActionForm): ActionProblem[] {
  const problems: ActionProblem[] = [];
  if (form.what.trim() === '') problems.push('what-missing');
  if (form.frequency === 'weekdays' && form.weekdays.length === 0) problems.push('weekdays-missing');
  return problems;
}
