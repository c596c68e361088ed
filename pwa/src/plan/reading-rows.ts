// The recent-readings table: what the server has, plus readings still in the outbox and ones
// sent since the server's list was read, each once, newest first.
import type { Reading } from '../api/types';
import { readingsOfType, type OutboxMutation } from '../offline/mutations';

export interface ReadingRow {
  id: string;
  taken_at: number;
  value: number;
  value2: number | null;
  note: string | null;
  /** Still in the outbox. */
  waiting: boolean;
}

export function readingRows(
  fromServer: readonly Reading[],
  queued: readonly OutboxMutation[],
  sent: readonly OutboxMutation[],
  patientId: string,
  readingType: string,
): ReadingRow[] {
  const rows = new Map<string, ReadingRow>();
  const local = (mutations: readonly OutboxMutation[], waiting: boolean) =>
    readingsOfType(mutations, patientId, readingType).map(({ id, data }) => ({
      id,
      taken_at: data.taken_at ?? 0,
      value: data.value,
      value2: data.value2 ?? null,
      note: data.note ?? null,
      waiting,
    }));
  // Later sources win: the server's copy over a sent one, a waiting one over both.
  for (const row of local(sent, false)) rows.set(row.id, row);
  for (const reading of fromServer) {
    rows.set(reading.id, { id: reading.id, taken_at: reading.taken_at, value: reading.value, value2: reading.value2, note: reading.note, waiting: false });
  }
  for (const row of local(queued, true)) rows.set(row.id, row);
  return [...rows.values()].sort((a, b) => b.taken_at - a.taken_at);
}
