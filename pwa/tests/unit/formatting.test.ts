import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatDayLong, isoWeekday, localDay, weekdayName } from '../../src/format/dates';
import { formatNhsNumber } from '../../src/format/nhs-number';
import { checkReading, formatReading, parseReadingNumber } from '../../src/format/readings';
import { capitalise, describeSchedule } from '../../src/format/schedule';
import { translate, type Language } from '../../src/i18n/translate';
import { bloodPressure, glucose } from './reading-types';

describe('dates', () => {
  it('writes days the NHS.UK way, in English and Welsh', () => {
    expect(formatDayLong('2026-11-22', 'en')).toBe('Sunday 22 November 2026');
    expect(formatDayLong('2026-11-22', 'cy')).toBe('Dydd Sul 22 Tachwedd 2026');
    expect(formatDay('2027-03-05', 'en')).toBe('5 March 2027');
  });

  it('writes a date and 24-hour time in the time zone given', () => {
    expect(formatDateTime(Date.UTC(2026, 6, 1, 13, 5), 'en', 'Europe/London')).toBe('1 July 2026, 14:05');
    expect(formatDateTime(Date.UTC(2026, 0, 9, 8, 0), 'cy', 'Europe/London')).toBe('9 Ionawr 2026, 08:00');
  });

  it('has its own Welsh words, because browsers may have no Welsh locale data', () => {
    expect(formatDay('2026-06-01', 'cy')).toBe('1 Mehefin 2026');
    expect(isoWeekday('2026-11-22')).toBe(7);
  });

  it('finds the calendar day in a time zone, across midnight and clock changes', () => {
    const lateUtc = Date.UTC(2026, 6, 1, 23, 30); // 00:30 on 2 July in London (BST)
    expect(localDay(lateUtc, 'Europe/London')).toBe('2026-07-02');
    expect(localDay(lateUtc, 'UTC')).toBe('2026-07-01');
  });

  it('names ISO weekdays, Monday to Sunday', () => {
    expect([1, 7].map((d) => weekdayName(d, 'en'))).toEqual(['Monday', 'Sunday']);
    expect(weekdayName(1, 'cy')).toBe('Dydd Llun');
  });
});

describe('reading numbers', () => {
  it.each([
    ['7.4', 7.4],
    [' 7,4 ', 7.4],
    ['10,000', 10000],
    ['8 500', 8500],
    ['140', 140],
    ['.5', 0.5],
  ])('reads %j as %d', (typed, value) => {
    expect(parseReadingNumber(typed)).toBe(value);
  });

  it.each(['', 'abc', '7.4.1', '-3', '1e3', '7,4,1'])('rejects %j', (typed) => {
    expect(parseReadingNumber(typed)).toBeNull();
  });
});

describe('checkReading', () => {
  it('accepts a plausible blood pressure', () => {
    expect(checkReading(bloodPressure, { value: '142', value2: '88' })).toEqual({ ok: true, value: 142, value2: 88 });
  });

  it('names each field that is missing, not a number, not whole, or out of range', () => {
    expect(checkReading(bloodPressure, { value: '', value2: 'high' })).toEqual({
      ok: false,
      problems: [
        { field: 'value', problem: 'missing' },
        { field: 'value2', problem: 'not-number' },
      ],
    });
    expect(checkReading(bloodPressure, { value: '140.5', value2: '200' })).toEqual({
      ok: false,
      problems: [
        { field: 'value', problem: 'whole' },
        { field: 'value2', problem: 'range', minimum: 30, maximum: 160 },
      ],
    });
  });

  it('ignores the second value for one-number readings', () => {
    expect(checkReading(glucose, { value: '7,4', value2: 'anything' })).toEqual({ ok: true, value: 7.4, value2: null });
    expect(checkReading(glucose, { value: '0.5', value2: '' })).toMatchObject({ ok: false, problems: [{ problem: 'range' }] });
  });

  it('writes readings the way people expect', () => {
    expect(formatReading(142, 88, 'mmHg')).toBe('142/88 mmHg');
    expect(formatReading(7.4, null, 'mmol/L')).toBe('7.4 mmol/L');
    expect(formatReading(8500, null, 'steps')).toBe('8,500 steps');
  });
});

describe('describeSchedule', () => {
  const say = (language: Language) => (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(language, key, params);
  const base = { frequency: 'daily' as const, times_per_week: null, weekdays: [] as number[], time_of_day: 'any' as const };

  it('says how often and when', () => {
    expect(describeSchedule(base, say('en'), 'en')).toBe('Every day');
    expect(describeSchedule({ ...base, frequency: 'times_per_week', times_per_week: 3 }, say('en'), 'en')).toBe('3 times a week');
    expect(describeSchedule({ ...base, frequency: 'weekdays', weekdays: [3, 1], time_of_day: 'morning' }, say('en'), 'en')).toBe(
      'On Monday, Wednesday, in the morning',
    );
    expect(describeSchedule({ ...base, time_of_day: 'bedtime' }, say('cy'), 'cy')).toBe('Bob dydd, amser gwely');
  });

  it('capitalises a phrase that starts a label', () => {
    expect(capitalise('in the morning')).toBe('In the morning');
  });
});

describe('formatNhsNumber', () => {
  it('groups ten digits 3-3-4 and leaves anything else alone', () => {
    expect(formatNhsNumber('9990000018')).toBe('999 000 0018');
    expect(formatNhsNumber('12345')).toBe('12345');
  });
});
