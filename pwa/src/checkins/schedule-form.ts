// The clinician's "set up a check-in" form: what is typed, what is wrong with it, and the body
// the server takes. Options depend on the kind: a number's range and unit, a scale's ends, the
// reading type, the action.
import type { Cadence, CheckinChannel, CheckinKind, ScheduleCreate } from '../api/types';
import { parseReadingNumber } from '../format/readings';

export const KINDS: readonly CheckinKind[] = ['number', 'yes_no', 'scale', 'reading', 'action_done', 'free_text'];
export const CADENCES: readonly Cadence[] = ['daily', 'weekly', 'every_n_days'];
export const CHANNELS: readonly CheckinChannel[] = ['sms', 'push_then_sms'];

export interface ScheduleForm {
  kind: CheckinKind;
  question: string;
  min: string;
  max: string;
  unit: string;
  readingType: string;
  actionId: string;
  cadence: Cadence;
  /** ISO weekdays as strings ("1" Monday … "7" Sunday), for the checkboxes. */
  weekdays: string[];
  everyNDays: string;
  localTime: string;
  startDate: string;
  endDate: string;
  channel: CheckinChannel;
}

export const emptyScheduleForm = (): ScheduleForm => ({
  kind: 'yes_no',
  question: '',
  min: '',
  max: '',
  unit: '',
  readingType: '',
  actionId: '',
  cadence: 'daily',
  weekdays: [],
  everyNDays: '2',
  localTime: '09:00',
  startDate: '',
  endDate: '',
  channel: 'sms',
});

export type ScheduleField =
  | 'question'
  | 'min'
  | 'max'
  | 'readingType'
  | 'actionId'
  | 'weekdays'
  | 'everyNDays'
  | 'localTime'
  | 'startDate'
  | 'endDate';

export type ScheduleProblem =
  | 'question-missing'
  | 'not-number'
  | 'min-not-below-max'
  | 'scale-range'
  | 'reading-missing'
  | 'action-missing'
  | 'weekdays-missing'
  | 'every-n-days'
  | 'time-invalid'
  | 'date-invalid'
  | 'end-before-start';

export interface ScheduleError {
  field: ScheduleField;
  problem: ScheduleProblem;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const QUESTION_MAX = 300;

/** An optional bound: null when empty, undefined when it is not a number. */
function bound(typed: string): number | null | undefined {
  if (typed.trim() === '') return null;
  return parseReadingNumber(typed) ?? undefined;
}

function checkRange(form: ScheduleForm, errors: ScheduleError[]): { min: number | null; max: number | null } {
  const min = bound(form.min);
  const max = bound(form.max);
  if (min === undefined) errors.push({ field: 'min', problem: 'not-number' });
  if (max === undefined) errors.push({ field: 'max', problem: 'not-number' });
  if (min === undefined || max === undefined) return { min: null, max: null };
  if (min !== null && max !== null && min >= max) errors.push({ field: 'max', problem: 'min-not-below-max' });
  if (form.kind === 'scale') {
    const whole = (n: number | null) => n === null || (Number.isInteger(n) && n >= 0 && n <= 10);
    if (!whole(min) || !whole(max)) errors.push({ field: min !== null && !whole(min) ? 'min' : 'max', problem: 'scale-range' });
  }
  return { min, max };
}

/** Problems in the form, in the order the fields appear. */
export function checkScheduleForm(form: ScheduleForm): ScheduleError[] {
  const errors: ScheduleError[] = [];
  if (form.question.trim() === '' || form.question.trim().length > QUESTION_MAX) {
    errors.push({ field: 'question', problem: 'question-missing' });
  }
  if (form.kind === 'number' || form.kind === 'scale') checkRange(form, errors);
  if (form.kind === 'reading' && form.readingType === '') errors.push({ field: 'readingType', problem: 'reading-missing' });
  if (form.kind === 'action_done' && form.actionId === '') errors.push({ field: 'actionId', problem: 'action-missing' });
  if (form.cadence === 'weekly' && form.weekdays.length === 0) errors.push({ field: 'weekdays', problem: 'weekdays-missing' });
  if (form.cadence === 'every_n_days') {
    const n = Number(form.everyNDays);
    if (!/^\d+$/.test(form.everyNDays.trim()) || n < 1 || n > 365) errors.push({ field: 'everyNDays', problem: 'every-n-days' });
  }
  if (!TIME.test(form.localTime)) errors.push({ field: 'localTime', problem: 'time-invalid' });
  for (const field of ['startDate', 'endDate'] as const) {
    if (form[field] !== '' && !DATE.test(form[field])) errors.push({ field, problem: 'date-invalid' });
  }
  if (DATE.test(form.startDate) && DATE.test(form.endDate) && form.endDate < form.startDate) {
    errors.push({ field: 'endDate', problem: 'end-before-start' });
  }
  return errors;
}

function options(form: ScheduleForm): ScheduleCreate['options'] {
  switch (form.kind) {
    case 'number':
    case 'scale': {
      const min = bound(form.min) ?? null;
      const max = bound(form.max) ?? null;
      const unit = form.kind === 'number' && form.unit.trim() !== '' ? form.unit.trim() : null;
      return { min, max, ...(unit ? { unit } : {}) };
    }
    case 'reading':
      return { reading_type: form.readingType };
    case 'action_done':
      return { action_id: form.actionId };
    default:
      return null;
  }
}

/** The body for POST /checkin-schedules (call only when `checkScheduleForm` found nothing). */
export function scheduleCreate(form: ScheduleForm): ScheduleCreate {
  return {
    kind: form.kind,
    question: form.question.trim(),
    options: options(form),
    cadence: form.cadence,
    weekdays: form.cadence === 'weekly' ? form.weekdays.map(Number).sort((a, b) => a - b) : null,
    every_n_days: form.cadence === 'every_n_days' ? Number(form.everyNDays) : null,
    local_time: form.localTime,
    start_date: form.startDate === '' ? null : form.startDate,
    end_date: form.endDate === '' ? null : form.endDate,
    recipient: 'patient',
    channel: form.channel,
  };
}
