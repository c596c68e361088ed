// The recent-readings table: what the server has, plus readings still in the outbox and ones
// sent since the server's list was read, each once, newest first.
import type { Reading } from '../api/types';
import { recordedBy, type RecordedBy } from '../carers/attribution';
import { readingsOfType, type OutboxMutation } from '../offline/mutations';

export interface ReadingRow {
  id: string;
  taken_at: number;
  value: number;
  value2: number | null;
  note: string | null;
  /** Still in the outbox. */
  waiting: boolean;
  /** Who recorded it, when the server says it was not the patient; null on this device's own. */
  by: RecordedBy | null;
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
      by: null,
    }));
  // Later sources win: the server's copy over a sent one, a waiting one over both.
  for (const row of local(sent, false)) rows.set(row.id, row);
  for (const reading of fromServer) {
    const { id, taken_at, value, value2, note } = reading;
    rows.set(id, { id, taken_at, value, value2, note, waiting: false, by: recordedBy(reading, patientId) });
  }
  for (const row of local(queued, true)) rows.set(row.id, row);
  return [...rows.values()].sort((a, b) => b.taken_at - a.taken_at);
}
