// Dates the NHS.UK way ("Sunday 22 November 2026"), in the reader's language. Intl is used
// only for numbers and time zones; the words come from our own tables (see i18n/calendar).
import { CALENDAR } from '../i18n/calendar';
import type { Language } from '../i18n/translate';

interface CalendarParts {
  year: number;
  /** 1 to 12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The calendar date and clock time of an instant in a time zone (the device's if none given). */
function partsOf(epochMs: number, timeZone?: string): CalendarParts {
  const parts = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

function dayParts(isoDay: string): { year: number; month: number; day: number } {
  const [year, month, day] = isoDay.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ISO weekday (1 Monday … 7 Sunday) of a calendar date. */
export function isoWeekday(isoDay: string): number {
  const { year, month, day } = dayParts(isoDay);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() || 7;
}

/** "Sunday 22 November 2026" */
export function formatDayLong(isoDay: string, language: Language): string {
  return `${weekdayName(isoWeekday(isoDay), language)} ${formatDay(isoDay, language)}`;
}

/** "22 November 2026" */
export function formatDay(isoDay: string, language: Language): string {
  const { year, month, day } = dayParts(isoDay);
  return `${day} ${CALENDAR[language].months[month - 1]} ${year}`;
}

/** "22 November 2026, 14:05" in the device's time zone (or the one given). */
export function formatDateTime(epochMs: number, language: Language, timeZone?: string): string {
  const { year, month, day, hour, minute } = partsOf(epochMs, timeZone);
  return `${day} ${CALENDAR[language].months[month - 1]} ${year}, ${pad(hour)}:${pad(minute)}`;
}

/** "22 Nov" — short enough for a chart axis. */
export function formatShortDate(epochMs: number, language: Language): string {
  const { month, day } = partsOf(epochMs);
  return `${day} ${CALENDAR[language].monthsShort[month - 1]}`;
}

/** The calendar date (YYYY-MM-DD) an instant falls on in a time zone. */
export function localDay(epochMs: number, timeZone: string): string {
  const { year, month, day } = partsOf(epochMs, timeZone);
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The name of an ISO weekday (1 Monday … 7 Sunday). */
export function weekdayName(isoWeekday: number, language: Language): string {
  return CALENDAR[language].weekdays[isoWeekday - 1]!;
}

/** A number with UK punctuation (English and Welsh write numbers the same way). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(value);
}
