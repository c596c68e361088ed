// Builders for the offline mutations sent to POST /api/sync (and messages, sent to the thread),
// and readers for the ones still queued (so screens can show them before the server has them).
import type { ActionLogCreate, Mutation, ReadingCreate } from '../api/types';
import { newId } from './ids';

/**
 * A message for the care team written in the app. Not a sync kind: it is posted to the thread
 * (POST /api/patients/{id}/messages) with the mutation id as `client_id`, so a replay is stored
 * once. `checkin_id` stays on the device: it says which check-in the message answers.
 */
export interface MessageMutation {
  id: string;
  kind: 'send_message';
  patient_id: string;
  data: { body: string; checkin_id: string | null };
  made_at: number;
}

/** Anything the outbox holds. */
export type OutboxMutation = Mutation | MessageMutation;

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

export function messageMutation(
  patientId: string,
  body: string,
  checkinId: string | null,
  madeAt: number,
  id: string = newId(),
): MessageMutation {
  return { id, kind: 'send_message', patient_id: patientId, data: { body, checkin_id: checkinId }, made_at: madeAt };
}

const isLogAction = (mutation: OutboxMutation): mutation is LogActionMutation => mutation.kind === 'log_action';
const isRecordReading = (mutation: OutboxMutation): mutation is RecordReadingMutation =>
  mutation.kind === 'record_reading';
export const isMessage = (mutation: OutboxMutation): mutation is MessageMutation => mutation.kind === 'send_message';

/** The messages to a patient's thread among `mutations`, in the order they were written. */
export function messagesTo(mutations: readonly OutboxMutation[], patientId: string): MessageMutation[] {
  return mutations.filter(isMessage).filter((m) => m.patient_id === patientId);
}

/** The last log among `mutations` for an action on a day, or null if there is none. */
export function latestLog(
  mutations: readonly OutboxMutation[],
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
  queued: readonly OutboxMutation[],
  patientId: string,
  readingType: string,
): { id: string; data: RecordReadingData }[] {
  return queued
    .filter(isRecordReading)
    .filter((m) => m.patient_id === patientId && m.data.reading_type === readingType)
    .map((m) => ({ id: m.id, data: m.data }))
    .reverse();
}
