import { describe, expect, it } from 'vitest';
import type { Schedule } from '../../src/api/types';
import { isPaused, snoozeUntil, startOfLocalDay, untilDate } from '../../src/checkins/pause';
import { checkQuietHours } from '../../src/checkins/quiet-hours';
import { checkScheduleForm, emptyScheduleForm, scheduleCreate, type ScheduleForm } from '../../src/checkins/schedule-form';
import { describeCadence, scheduleState } from '../../src/checkins/schedule-text';
import { translate } from '../../src/i18n/translate';

const DAY = 86_400_000;
const form = (change: Partial<ScheduleForm>): ScheduleForm => ({ ...emptyScheduleForm(), question: 'Did you sleep well?', ...change });
const problems = (f: ScheduleForm) => checkScheduleForm(f).map((e) => `${e.field}:${e.problem}`);

describe('schedule form', () => {
  it('needs a question, and each kind its own options', () => {
    expect(problems(form({ question: '  ' }))).toEqual(['question:question-missing']);
    expect(problems(form({ kind: 'reading' }))).toEqual(['readingType:reading-missing']);
    expect(problems(form({ kind: 'action_done' }))).toEqual(['actionId:action-missing']);
    expect(problems(form({ kind: 'number', min: 'ten', max: '5' }))).toEqual(['min:not-number']);
    expect(problems(form({ kind: 'number', min: '10', max: '5' }))).toEqual(['max:min-not-below-max']);
    expect(problems(form({ kind: 'scale', min: '0', max: '12' }))).toEqual(['max:scale-range']);
    expect(problems(form({ kind: 'scale', min: '0.5', max: '' }))).toEqual(['min:scale-range']);
  });

  it('needs days for weekly, a count for every few days, a time, and an end on or after the start', () => {
    expect(problems(form({ cadence: 'weekly' }))).toEqual(['weekdays:weekdays-missing']);
    expect(problems(form({ cadence: 'every_n_days', everyNDays: '0' }))).toEqual(['everyNDays:every-n-days']);
    expect(problems(form({ cadence: 'every_n_days', everyNDays: '1.5' }))).toEqual(['everyNDays:every-n-days']);
    expect(problems(form({ localTime: '9am' }))).toEqual(['localTime:time-invalid']);
    expect(problems(form({ startDate: '2026-12-01', endDate: '2026-11-30' }))).toEqual(['endDate:end-before-start']);
    expect(problems(form({ startDate: '2026-12-01', endDate: '2026-12-01' }))).toEqual([]);
  });

  it('builds the body the server takes, with only the options the kind uses', () => {
    expect(
      scheduleCreate(form({ kind: 'number', min: '0', max: '24', unit: ' hours ', cadence: 'weekly', weekdays: ['4', '1'], localTime: '18:30' })),
    ).toEqual({
      kind: 'number',
      question: 'Did you sleep well?',
      options: { min: 0, max: 24, unit: 'hours' },
      cadence: 'weekly',
      weekdays: [1, 4],
      every_n_days: null,
      local_time: '18:30',
      start_date: null,
      end_date: null,
      recipient: 'patient',
      channel: 'sms',
    });
    expect(scheduleCreate(form({ kind: 'scale' })).options).toEqual({ min: null, max: null });
    expect(scheduleCreate(form({ kind: 'reading', readingType: 'glucose', cadence: 'every_n_days', everyNDays: '3' }))).toMatchObject({
      options: { reading_type: 'glucose' },
      weekdays: null,
      every_n_days: 3,
    });
    expect(scheduleCreate(form({ kind: 'yes_no', startDate: '2026-12-01' }))).toMatchObject({ options: null, start_date: '2026-12-01' });
  });
});

const schedule = (change: Partial<Schedule> = {}): Schedule => ({
  id: 's1',
  patient_id: 'p1',
  kind: 'yes_no',
  question: 'Did you take your inhaler?',
  options: {},
  cadence: 'daily',
  weekdays: [],
  every_n_days: null,
  local_time: '09:00',
  start_date: '2026-11-22',
  end_date: null,
  recipient: 'patient',
  channel: 'sms',
  carer_access_ended: false,
  active: true,
  paused_until: null,
  next_due_at: 5_000,
  version: 1,
  created_at: 0,
  updated_at: 0,
  ...change,
});

describe('describeCadence', () => {
  const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params);
  const cy = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('cy', key, params);

  it('says how often and at what time', () => {
    expect(describeCadence(schedule(), en, 'en')).toBe('Every day at 09:00');
    expect(describeCadence(schedule({ cadence: 'weekly', weekdays: [4, 1] }), en, 'en')).toBe('On Monday, Thursday at 09:00');
    expect(describeCadence(schedule({ cadence: 'every_n_days', every_n_days: 3 }), en, 'en')).toBe('Every 3 days at 09:00');
    expect(describeCadence(schedule({ cadence: 'weekly', weekdays: [7] }), cy, 'cy')).toBe('Bob wythnos (Dydd Sul) am 09:00');
  });
});

describe('scheduleState', () => {
  it('is stopped, paused (itself or all check-ins), finished, or on', () => {
    expect(scheduleState(schedule({ active: false }), 1_000)).toBe('stopped');
    expect(scheduleState(schedule({ paused_until: 2_000 }), 1_000)).toBe('paused');
    expect(scheduleState(schedule(), 1_000, 2_000)).toBe('paused');
    expect(scheduleState(schedule({ paused_until: 500 }), 1_000, 900)).toBe('active');
    expect(scheduleState(schedule({ next_due_at: null }), 1_000)).toBe('ended');
  });
});

describe('pausing', () => {
  const now = new Date(2026, 10, 22, 10, 0).getTime();

  it('snoozes for a day or a week from now', () => {
    expect(snoozeUntil('day', now)).toBe(now + DAY);
    expect(snoozeUntil('week', now)).toBe(now + 7 * DAY);
  });

  it('pauses until the start of the chosen day on this device', () => {
    expect(untilDate('2026-11-25', now)).toEqual({ ok: true, until: new Date(2026, 10, 25).getTime() });
    expect(startOfLocalDay('2026-02-30')).toBeNull();
  });

  it('refuses dates that are missing, not real, not in the future, or more than a year away', () => {
    expect(untilDate('', now)).toEqual({ ok: false, problem: 'missing' });
    expect(untilDate('25/11/2026', now)).toEqual({ ok: false, problem: 'invalid' });
    expect(untilDate('2026-11-22', now)).toEqual({ ok: false, problem: 'not-future' });
    expect(untilDate('2028-01-01', now)).toEqual({ ok: false, problem: 'too-far' });
  });

  it('counts a pause that has ended as none', () => {
    expect(isPaused(now + 1, now)).toBe(true);
    expect(isPaused(now, now)).toBe(false);
    expect(isPaused(null, now)).toBe(false);
  });
});

describe('checkQuietHours', () => {
  it('takes times like 21:00, crossing midnight or not', () => {
    expect(checkQuietHours('21:00', '08:00')).toEqual([]);
    expect(checkQuietHours('13:00', '14:00')).toEqual([]);
    expect(checkQuietHours('08:00', '08:00')).toEqual([]);
  });

  it('names the field that is missing or not a time', () => {
    expect(checkQuietHours('', '25:00')).toEqual([
      { field: 'start', problem: 'missing' },
      { field: 'end', problem: 'invalid' },
    ]);
  });

  it('refuses quiet hours longer than 20 hours, as the server does', () => {
    expect(checkQuietHours('20:00', '16:00')).toEqual([]);
    expect(checkQuietHours('20:00', '16:01')).toEqual([{ field: 'end', problem: 'too-long' }]);
  });
});
