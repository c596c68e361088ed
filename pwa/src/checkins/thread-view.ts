// What a thread shows: the server's messages, oldest first (newest at the bottom, as a chat
// reads), then messages written on this device that the server's copy does not have yet.
import type { ThreadMessage } from '../api/types';
import { messagesTo, type OutboxMutation } from '../offline/mutations';

/** Who wrote a message, as the thread names them. */
export type Author =
  | { kind: 'you' }
  | { kind: 'patient'; name: string | null }
  | { kind: 'carer'; name: string | null }
  | { kind: 'clinician'; name: string | null }
  | { kind: 'checkin' }
  | { kind: 'safety-net' }
  | { kind: 'automatic' };

export interface ThreadEntry {
  id: string;
  body: string;
  /** Epoch ms: the server's time, or when it was written on this device. */
  at: number;
  author: Author;
  /** Sent by the patient's side (patient or carer) rather than by the practice. */
  fromPatientSide: boolean;
  /** Written on this device and still waiting in the outbox. */
  waiting: boolean;
  /** The server's message (null while only this device has it): status, channel, purpose. */
  message: ThreadMessage | null;
  /** Someone acted for the patient (a carer): say "on behalf of". */
  onBehalf: boolean;
}

const CHECKIN_PURPOSES = new Set(['checkin', 'checkin_reminder', 'reminder']);

export function authorOf(message: ThreadMessage, meId: string): Author {
  if (message.author_id !== null && message.author_id === meId) return { kind: 'you' };
  switch (message.author_kind) {
    case 'patient':
      return { kind: 'patient', name: message.author_name };
    case 'carer':
      return { kind: 'carer', name: message.author_name };
    case 'clinician':
      return { kind: 'clinician', name: message.author_name };
    default:
      if (message.purpose === 'safety_net') return { kind: 'safety-net' };
      if (CHECKIN_PURPOSES.has(message.purpose)) return { kind: 'checkin' };
      return { kind: 'automatic' };
  }
}

const fromPatientSide = (message: ThreadMessage) => message.direction === 'inbound';

/**
 * `queued`: still in the outbox. `sent`: stored by the server since this copy of the thread
 * may have been read; each shows until the server's copy has it (the mutation id is the
 * message id), so nothing flickers away after sending.
 */
export function threadEntries(
  fromServer: readonly ThreadMessage[],
  queued: readonly OutboxMutation[],
  sent: readonly OutboxMutation[],
  patientId: string,
  meId: string,
): ThreadEntry[] {
  const entries: ThreadEntry[] = fromServer.map((message) => ({
    id: message.id,
    body: message.body,
    at: message.created_at,
    author: authorOf(message, meId),
    fromPatientSide: fromPatientSide(message),
    waiting: false,
    message,
    onBehalf: message.on_behalf_of !== null && message.on_behalf_of !== message.author_id,
  }));
  const shown = new Set(entries.map((entry) => entry.id));
  const local = (mutations: readonly OutboxMutation[], waiting: boolean) => {
    for (const mutation of messagesTo(mutations, patientId)) {
      if (shown.has(mutation.id)) continue;
      shown.add(mutation.id);
      entries.push({
        id: mutation.id,
        body: mutation.data.body,
        at: mutation.made_at,
        author: { kind: 'you' },
        fromPatientSide: true,
        waiting,
        message: null,
        onBehalf: false,
      });
    }
  };
  local(queued, true);
  local(sent, false);
  return entries;
}

/**
 * Whether the open check-in was answered on this device and the server's copy of the thread does
 * not have that answer yet: the form is hidden so the question is not answered twice. Once the
 * server's copy has the answer, its `open_checkin` says whether it is still open (e.g. unclear).
 */
export function answeredHere(
  checkinId: string,
  fromServer: readonly ThreadMessage[],
  queued: readonly OutboxMutation[],
  sent: readonly OutboxMutation[],
  patientId: string,
): boolean {
  const onServer = new Set(fromServer.map((message) => message.id));
  return [...messagesTo(queued, patientId), ...messagesTo(sent, patientId)].some(
    (m) => m.data.checkin_id === checkinId && !onServer.has(m.id),
  );
}
