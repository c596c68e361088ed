import { describe, expect, it } from 'vitest';
import { formatDuration, formatPercent } from '../../src/format/duration';
import { newArrivals, parseItemEvent, sortOpenItems, urgencyOf } from '../../src/inbox/inbox-view';
import { itemKindLabel } from '../../src/inbox/labels';
import { translate, type Language } from '../../src/i18n/translate';

const item = (id: string, urgency: number, created_at: number) => ({ id, urgency, created_at });
const t = (language: Language) => (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate(language, key, params);

describe('sortOpenItems', () => {
  it('puts urgent first, then alerts, then routine; within each, who has waited longest first', () => {
    const items = [item('r-new', 0, 50), item('a-old', 1, 10), item('u-new', 2, 40), item('r-old', 0, 5), item('u-old', 2, 30)];
    expect(sortOpenItems(items).map((i) => i.id)).toEqual(['u-old', 'u-new', 'a-old', 'r-old', 'r-new']);
  });

  it('orders items opened at the same moment by id, so the list does not jump about', () => {
    expect(sortOpenItems([item('b', 1, 10), item('a', 1, 10)]).map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('does not change the list it was given', () => {
    const items = [item('b', 0, 2), item('a', 2, 1)];
    sortOpenItems(items);
    expect(items.map((i) => i.id)).toEqual(['b', 'a']);
  });
});

describe('urgencyOf', () => {
  it('names each level', () => {
    expect([2, 1, 0, 3].map(urgencyOf)).toEqual(['urgent', 'alert', 'routine', 'urgent']);
  });
});

describe('newArrivals', () => {
  it('is what is new since the last read, most urgent first', () => {
    const before = [item('a', 0, 1)];
    const next = [item('a', 0, 1), item('b', 0, 2), item('c', 2, 3)];
    expect(newArrivals(before, next).map((i) => i.id)).toEqual(['c', 'b']);
    expect(newArrivals(next, next)).toEqual([]);
  });
});

describe('parseItemEvent', () => {
  it("reads the server's event data", () => {
    expect(parseItemEvent('{"id":"i1","kind":"red_flag","urgency":2,"patient_id":"p1","change":"opened"}')).toEqual({
      id: 'i1',
      kind: 'red_flag',
      urgency: 2,
      patient_id: 'p1',
      change: 'opened',
    });
    expect(parseItemEvent('{"id":"i1","kind":"reply","urgency":0,"patient_id":null}')).toMatchObject({ patient_id: null, change: 'changed' });
  });

  it('ignores anything else rather than failing', () => {
    expect(parseItemEvent('not json')).toBeNull();
    expect(parseItemEvent('null')).toBeNull();
    expect(parseItemEvent('{"id":1,"kind":"reply","urgency":0}')).toBeNull();
  });
});

describe('formatDuration', () => {
  it('says how long in words, rounded down', () => {
    const en = t('en');
    expect(formatDuration(30_000, en)).toBe('under a minute');
    expect(formatDuration(60_000, en)).toBe('1 minute');
    expect(formatDuration(59 * 60_000, en)).toBe('59 minutes');
    expect(formatDuration(61 * 60_000, en)).toBe('1 hour 1 minute');
    expect(formatDuration(2 * 3_600_000 + 10 * 60_000, en)).toBe('2 hours 10 minutes');
    expect(formatDuration(7 * 3_600_000 + 10 * 60_000, en)).toBe('7 hours');
    expect(formatDuration(26 * 3_600_000, en)).toBe('1 day');
    expect(formatDuration(3 * 86_400_000, en)).toBe('3 days');
  });

  it('in Welsh too', () => {
    expect(formatDuration(5 * 60_000, t('cy'))).toBe('5 munud');
    expect(formatDuration(2 * 86_400_000, t('cy'))).toBe('2 diwrnod');
  });

  it('gives shares as whole percentages', () => {
    expect(formatPercent(0.754)).toBe('75%');
    expect(formatPercent(1)).toBe('100%');
  });
});

describe('itemKindLabel', () => {
  it('names known kinds, and still shows a kind a newer server sends', () => {
    expect(itemKindLabel('red_flag', t('en'))).toBe('Red flag words');
    expect(itemKindLabel('red_flag', t('cy'))).toBe('Geiriau baner goch');
    expect(itemKindLabel('push_failed', t('en'))).toBe('push failed');
  });
});
