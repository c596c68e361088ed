import { describe, expect, it } from 'vitest';
import type { Reading } from '../../src/api/types';
import { recordReadingMutation } from '../../src/offline/mutations';
import { readingRows } from '../../src/plan/reading-rows';

const glucose = (id: string, value: number, takenAt: number) =>
  recordReadingMutation('p1', { reading_type: 'glucose', value, value2: null, unit: 'mmol/L', taken_at: takenAt, note: null }, takenAt, id);

const stored = (id: string, value: number, takenAt: number): Reading => ({
  id,
  reading_type: 'glucose',
  value,
  value2: null,
  unit: 'mmol/L',
  taken_at: takenAt,
  note: null,
  source: 'app',
  actor_kind: 'patient',
  actor_id: 'p1',
  on_behalf_of: null,
  created_at: takenAt,
});

describe('readingRows', () => {
  it('shows each reading once, newest first, marking only those still in the outbox', () => {
    const rows = readingRows(
      [stored('s1', 6.1, 100), stored('sent-and-read', 7.0, 300)],
      [glucose('waiting', 8.2, 500)],
      [glucose('sent-and-read', 7.0, 300), glucose('sent-not-read', 7.5, 400)],
      'p1',
      'glucose',
    );
    expect(rows.map((r) => [r.id, r.waiting])).toEqual([
      ['waiting', true],
      ['sent-not-read', false],
      ['sent-and-read', false],
      ['s1', false],
    ]);
  });

  it('leaves out other types and other patients', () => {
    const weight = recordReadingMutation('p1', { reading_type: 'weight', value: 80, unit: 'kg', taken_at: 1 }, 1, 'w');
    const someoneElse = recordReadingMutation('p2', { reading_type: 'glucose', value: 5, unit: 'mmol/L', taken_at: 1 }, 1, 'x');
    expect(readingRows([], [weight, someoneElse], [], 'p1', 'glucose')).toEqual([]);
  });
});
