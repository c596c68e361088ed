import { describe, expect, it } from 'vitest';
import type { Mutation, PlanAction, Today, TodayItem } from '../../src/api/types';
import { logActionMutation } from '../../src/offline/mutations';
import { dueOn, logFor, thisWeek, todayView, type TodayEntry } from '../../src/plan/today-view';

const action = (id: string, change: Partial<PlanAction> = {}): PlanAction => ({
  id,
  version: 1,
  what: `Action ${id}`,
  goal_id: null,
  frequency: 'daily',
  times_per_week: null,
  weekdays: [],
  time_of_day: 'any',
  start_date: '2026-11-01',
  created_at: 0,
  updated_at: 0,
  ...change,
});

const item = (a: PlanAction, change: Partial<TodayItem> = {}): TodayItem => ({
  action: a,
  due_today: true,
  log: null,
  streak_days: 0,
  done_this_week: 0,
  weeks: [],
  ...change,
});

const serverLog = (actionId: string, outcome: 'done' | 'partly' | 'not_today') => ({
  id: `log-${actionId}`,
  action_id: actionId,
  day: '2026-11-22',
  outcome,
  note: null,
  logged_at: 0,
  actor_kind: 'patient',
  actor_id: 'p1',
  on_behalf_of: null,
});

const today = (items: TodayItem[]): Today => ({ patient_id: 'p1', day: '2026-11-22', time_zone: 'Europe/London', items });

// 2026-11-22 12:00 in London (UTC in winter); Sunday.
const NOON_22 = Date.UTC(2026, 10, 22, 12);
const NOON_23 = Date.UTC(2026, 10, 23, 12);

describe('todayView', () => {
  it("shows the server's logs and due flags for the patient's current day", () => {
    const view = todayView(
      today([item(action('a1'), { log: serverLog('a1', 'partly') }), item(action('a2'), { due_today: false })]),
      [],
      [],
      NOON_22,
    );
    expect(view).toMatchObject({ day: '2026-11-22', fromAnotherDay: false });
    expect(view.entries.map((e) => [e.item.action.id, e.due, e.outcome, e.waiting])).toEqual([
      ['a1', true, 'partly', false],
      ['a2', false, null, false],
    ]);
  });

  it('lays a log waiting in the outbox over the server’s answer', () => {
    const queued = [
      logActionMutation('p1', { action_id: 'a1', day: '2026-11-22', outcome: 'done' }, 1, 'm1'),
      logActionMutation('p1', { action_id: 'a2', day: '2026-11-21', outcome: 'done' }, 1, 'old'),
    ];
    const view = todayView(today([item(action('a1'), { log: serverLog('a1', 'not_today') }), item(action('a2'))]), queued, [], NOON_22);
    expect(view.entries.map((e) => [e.outcome, e.waiting])).toEqual([
      ['done', true],
      [null, false],
    ]);
  });

  it('keeps showing a log just sent until a copy of today that has it (or a newer one) arrives', () => {
    const sent = [logActionMutation('p1', { action_id: 'a1', day: '2026-11-22', outcome: 'done' }, NOON_22, 'm1')];
    const olderLog = { ...serverLog('a1', 'partly'), logged_at: NOON_22 - 60_000 };
    const newerLog = { ...serverLog('a1', 'not_today'), logged_at: NOON_22 + 60_000 };
    const ourLog = { ...serverLog('a1', 'done'), id: 'm1', logged_at: NOON_22 + 5 };
    const outcome = (log: TodayItem['log']) => todayView(today([item(action('a1'), { log })]), [], sent, NOON_22).entries[0];

    expect(outcome(null)).toMatchObject({ outcome: 'done', waiting: false });
    expect(outcome(olderLog)).toMatchObject({ outcome: 'done', waiting: false });
    expect(outcome(ourLog)).toMatchObject({ outcome: 'done', waiting: false });
    expect(outcome(newerLog)).toMatchObject({ outcome: 'not_today', waiting: false });
  });

  it('uses the day in the patient’s time zone, not the phone’s', () => {
    // 23:30 UTC on the 22nd is already the 23rd in Auckland.
    const late = Date.UTC(2026, 10, 22, 23, 30);
    expect(todayView({ ...today([]), time_zone: 'Pacific/Auckland' }, [], [], late).day).toBe('2026-11-23');
    expect(todayView(today([]), [], [], late).day).toBe('2026-11-22');
  });

  it('after midnight, a saved copy from yesterday shows no logs and works out what is due', () => {
    const weekdaysOnly = action('a2', { frequency: 'weekdays', weekdays: [1] }); // Mondays
    const tuesdaysOnly = action('a3', { frequency: 'weekdays', weekdays: [2] });
    const view = todayView(
      today([item(action('a1'), { log: serverLog('a1', 'done') }), item(weekdaysOnly, { due_today: false }), item(tuesdaysOnly)]),
      [],
      [],
      NOON_23, // a Monday
    );
    expect(view).toMatchObject({ day: '2026-11-23', fromAnotherDay: true });
    expect(view.entries.map((e) => [e.item.action.id, e.due, e.outcome])).toEqual([
      ['a1', true, null],
      ['a2', true, null],
      ['a3', false, null],
    ]);
  });
});

describe('notes', () => {
  const withNote = (note: string | null) => ({ ...serverLog('a1', 'partly'), note });

  it('shows the note of the log shown: waiting, just sent, or from the server', () => {
    const noted = (queued: Mutation[], sent: Mutation[], note: string | null) =>
      todayView(today([item(action('a1'), { log: withNote(note) })]), queued, sent, NOON_22).entries[0]!.note;
    const waiting = logActionMutation('p1', { action_id: 'a1', day: '2026-11-22', outcome: 'done', note: 'With Jim' }, NOON_22, 'm2');
    const bare = logActionMutation('p1', { action_id: 'a1', day: '2026-11-22', outcome: 'done' }, NOON_22, 'm3');

    expect(noted([], [], 'Knee sore')).toBe('Knee sore');
    expect(noted([], [], null)).toBeNull();
    expect(noted([waiting], [], 'Knee sore')).toBe('With Jim');
    expect(noted([bare], [], 'Knee sore')).toBeNull();
    expect(noted([], [waiting], 'Knee sore')).toBe('With Jim');
  });

  const entry = (outcome: TodayEntry['outcome'], note: string | null): TodayEntry => ({
    item: item(action('a1')),
    due: true,
    outcome,
    note,
    waiting: false,
  });

  it('sends a note with the outcome already logged, trimmed', () => {
    expect(logFor(entry('partly', null), '2026-11-22', { note: '  Knee sore \n' })).toEqual({
      action_id: 'a1',
      day: '2026-11-22',
      outcome: 'partly',
      note: 'Knee sore',
    });
  });

  it('keeps the note when the outcome changes, and removes it when emptied', () => {
    expect(logFor(entry('partly', 'Knee sore'), '2026-11-22', { outcome: 'done' })).toMatchObject({ outcome: 'done', note: 'Knee sore' });
    expect(logFor(entry('partly', 'Knee sore'), '2026-11-22', { note: '   ' })).toMatchObject({ outcome: 'partly', note: null });
    expect(logFor(entry(null, null), '2026-11-22', { outcome: 'not_today' })).toMatchObject({ outcome: 'not_today', note: null });
  });

  it('sends nothing when nothing changes, or when there is no outcome to note', () => {
    expect(logFor(entry('done', 'Knee sore'), '2026-11-22', { note: 'Knee sore ' })).toBeNull();
    expect(logFor(entry('done', null), '2026-11-22', { outcome: 'done' })).toBeNull();
    expect(logFor(entry(null, null), '2026-11-22', { note: 'Knee sore' })).toBeNull();
  });
});

describe('dueOn', () => {
  it('is never due before the action starts', () => {
    expect(dueOn(action('a', { start_date: '2026-11-23' }), '2026-11-22')).toBe(false);
  });

  it('is due every day for daily and flexible actions', () => {
    expect(dueOn(action('a'), '2026-11-22')).toBe(true);
    expect(dueOn(action('a', { frequency: 'times_per_week', times_per_week: 3 }), '2026-11-22')).toBe(true);
  });

  it('is due on the chosen ISO weekdays (7 is Sunday)', () => {
    const sundays = action('a', { frequency: 'weekdays', weekdays: [7] });
    expect(dueOn(sundays, '2026-11-22')).toBe(true);
    expect(dueOn(sundays, '2026-11-23')).toBe(false);
  });
});

describe('thisWeek', () => {
  it('picks the latest week, whatever the order', () => {
    const weeks = [
      { week_start: '2026-11-16', expected: 7, done: 5, partly: 0, adherence: 0.71 },
      { week_start: '2026-11-09', expected: 7, done: 7, partly: 0, adherence: 1 },
    ];
    expect(thisWeek(item(action('a'), { weeks }))?.week_start).toBe('2026-11-16');
    expect(thisWeek(item(action('a')))).toBeNull();
  });
});
