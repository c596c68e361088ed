// Builders for the offline mutations sent to POST /api/sync, and readers for the ones still
// queued (so screens can show them before the server has them).
import type { ActionLogCreate, Mutation, ReadingCreate } from '../api/types';
import { newId } from './ids';

/** A log as the sync API takes it: the mutation id is the log's id. */
export type LogActionData = Omit<ActionLogCreate, 'id'>;
/** A reading as the sync API takes it: the mutation id is the reading's id. */
export type RecordReadingData = Omit<ReadingCreate, 'id'>;

export type LogActionMutation = Mutation & { kind: 'log_action'; data: LogActionData };
type RecordReadingMutation = Mutation & { kind: 'record_reading'; data: RecordReadingData };

export function logActionMutation(
  patientId: string,
  data: LogActionData,
  madeAt: number,
  id: string = newId(),
): Mutation {
  return { id, kind: 'log_action', patient_id: patientId, data: { ...data }, made_at: madeAt };
}

export function recordReadingMutation(
  patientId: string,
  data: RecordReadingData,
  madeAt: number,
  id: string = newId(),
): Mutation {
  return { id, kind: 'record_reading', patient_id: patientId, data: { ...data }, made_at: madeAt };
}

const isLogAction = (mutation: Mutation): mutation is LogActionMutation => mutation.kind === 'log_action';
const isRecordReading = (mutation: Mutation): mutation is RecordReadingMutation =>
  mutation.kind === 'record_reading';

/** The last log among `mutations` for an action on a day, or null if there is none. */
export function latestLog(
  mutations: readonly Mutation[],
  patientId: string,
  actionId: string,
  day: string,
): LogActionMutation | null {
  let latest: LogActionMutation | null = null;
  for (const mutation of mutations) {
    if (!isLogAction(mutation) || mutation.patient_id !== patientId) continue;
    if (mutation.data.action_id === actionId && mutation.data.day === day) latest = mutation;
  }
  return latest;
}

/** The readings of one type among `mutations`, newest first, each with its id. */
export function readingsOfType(
  queued: readonly Mutation[],
  patientId: string,
  readingType: string,
): { id: string; data: RecordReadingData }[] {
  return queued
    .filter(isRecordReading)
    .filter((m) => m.patient_id === patientId && m.data.reading_type === readingType)
    .map((m) => ({ id: m.id, data: m.data }))
    .reverse();
}
