// Pausing check-ins: for a day, for a week, or until a chosen date (the day they start again).
import type { MessageKey } from '../i18n/en';

const DAY_MS = 86_400_000;

export type Snooze = 'day' | 'week';

export function snoozeUntil(snooze: Snooze, now: number): number {
  return now + (snooze === 'day' ? DAY_MS : 7 * DAY_MS);
}

/** Midnight at the start of a calendar date on this device, or null if it is not a real date. */
export function startOfLocalDay(isoDay: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return date.getTime();
}

export type DateProblem = 'missing' | 'invalid' | 'not-future' | 'too-far';

export const DATE_PROBLEM: Record<DateProblem, MessageKey> = {
  missing: 'pause.errorDateMissing',
  invalid: 'pause.errorDateInvalid',
  'not-future': 'pause.errorDatePast',
  'too-far': 'pause.errorDateTooFar',
};

/** Longest pause or absence the app offers: a year. */
const LONGEST_MS = 366 * DAY_MS;

/** When a pause (or an absence) chosen as "until this date" ends: that day's start. */
export function untilDate(isoDay: string, now: number): { ok: true; until: number } | { ok: false; problem: DateProblem } {
  if (isoDay.trim() === '') return { ok: false, problem: 'missing' };
  const until = startOfLocalDay(isoDay.trim());
  if (until === null) return { ok: false, problem: 'invalid' };
  if (until <= now) return { ok: false, problem: 'not-future' };
  if (until - now > LONGEST_MS) return { ok: false, problem: 'too-far' };
  return { ok: true, until };
}

/** Whether a pause is in force now (a pause that has ended counts as none). */
export const isPaused = (pausedUntil: number | null | undefined, now: number) =>
  pausedUntil !== null && pausedUntil !== undefined && pausedUntil > now;
