import { describe, expect, it } from 'vitest';
import { newId } from '../../src/offline/ids';
import { latestLog, logActionMutation, readingsOfType, recordReadingMutation } from '../../src/offline/mutations';

describe('mutation builders', () => {
  it('builds a log_action mutation whose id is the log id', () => {
    expect(logActionMutation('p1', { action_id: 'a1', day: '2026-11-22', outcome: 'partly' }, 1234, 'id-1')).toEqual({
      id: 'id-1',
      kind: 'log_action',
      patient_id: 'p1',
      data: { action_id: 'a1', day: '2026-11-22', outcome: 'partly' },
      made_at: 1234,
    });
  });

  it('builds a record_reading mutation with every reading field', () => {
    const data = { reading_type: 'blood_pressure', value: 142, value2: 88, unit: 'mmHg', taken_at: 99, note: 'after a walk' };
    expect(recordReadingMutation('p1', data, 100, 'id-2')).toEqual({
      id: 'id-2',
      kind: 'record_reading',
      patient_id: 'p1',
      data,
      made_at: 100,
    });
  });

  it('gives each mutation a fresh UUID unless told one', () => {
    const first = logActionMutation('p1', { action_id: 'a1', day: '2026-11-22', outcome: 'done' }, 1);
    const second = logActionMutation('p1', { action_id: 'a1', day: '2026-11-22', outcome: 'done' }, 1);
    expect(first.id).not.toBe(second.id);
    expect(first.id).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('queued mutations', () => {
  const queued = [
    logActionMutation('p1', { action_id: 'a1', day: '2026-11-22', outcome: 'done' }, 1, 'l1'),
    logActionMutation('p1', { action_id: 'a1', day: '2026-11-22', outcome: 'not_today' }, 2, 'l2'),
    logActionMutation('p1', { action_id: 'a1', day: '2026-11-21', outcome: 'partly' }, 3, 'l3'),
    logActionMutation('p2', { action_id: 'a1', day: '2026-11-22', outcome: 'partly' }, 4, 'l4'),
    recordReadingMutation('p1', { reading_type: 'glucose', value: 6, unit: 'mmol/L', taken_at: 5 }, 5, 'r1'),
    recordReadingMutation('p1', { reading_type: 'glucose', value: 7, unit: 'mmol/L', taken_at: 6 }, 6, 'r2'),
    recordReadingMutation('p1', { reading_type: 'weight', value: 80, unit: 'kg', taken_at: 7 }, 7, 'r3'),
  ];

  it('finds the latest log for an action on a day, for that patient only', () => {
    expect(latestLog(queued, 'p1', 'a1', '2026-11-22')).toMatchObject({ id: 'l2', data: { outcome: 'not_today' } });
    expect(latestLog(queued, 'p1', 'a1', '2026-11-21')?.id).toBe('l3');
    expect(latestLog(queued, 'p2', 'a1', '2026-11-22')?.id).toBe('l4');
    expect(latestLog(queued, 'p1', 'a2', '2026-11-22')).toBeNull();
  });

  it('lists waiting readings of one type, newest first', () => {
    expect(readingsOfType(queued, 'p1', 'glucose').map((r) => r.id)).toEqual(['r2', 'r1']);
    expect(readingsOfType(queued, 'p2', 'glucose')).toEqual([]);
  });
});

describe('newId', () => {
  it('makes a version 4 UUID from random bytes', () => {
    const id = newId((bytes) => bytes.fill(0xff));
    expect(id).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
    expect(newId((bytes) => bytes.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('is long enough for the server (8 to 64 characters)', () => {
    expect(newId().length).toBe(36);
  });
});
