// The outbox: every log, reading and message is written here first and then sent (to POST
// /api/sync; messages to the thread), online or not (one code path). A mutation keeps its id for
// ever, so however often it is sent the server stores it once. It leaves the outbox only when
// the server answered for it.
import { ApiError } from '../api/errors';
import type { SyncResult } from '../api/types';
import type { CareplanDb } from './db';
import type { OutboxMutation } from './mutations';

export interface Rejected {
  mutation: OutboxMutation;
  /** `not-stored`: the device's storage failed, so the change could not even be queued. */
  status: 'invalid' | 'stale' | 'not-stored';
  detail: string | null;
}

export interface FlushOutcome {
  /** Stored by the server now or before (applied or duplicate). */
  saved: OutboxMutation[];
  /** Answered invalid or stale: sending again would not help, so they are dropped. */
  rejected: Rejected[];
  /** Why sending stopped early (offline, signed out, server fault), or null. */
  error: unknown;
}

export type SendBatch = (batch: OutboxMutation[]) => Promise<SyncResult[]>;

/** Add a mutation; adding one with the same id again changes nothing. */
export async function enqueue(db: CareplanDb, mutation: OutboxMutation, now = Date.now()): Promise<void> {
  const tx = db.transaction('outbox', 'readwrite');
  const exists = await tx.store.index('by-id').getKey(mutation.id);
  if (exists === undefined) await tx.store.add({ id: mutation.id, mutation, queuedAt: now });
  await tx.done;
}

/** The mutations waiting, in the order they were made. */
export async function queuedMutations(db: CareplanDb): Promise<OutboxMutation[]> {
  return (await db.getAll('outbox')).map((entry) => entry.mutation);
}

async function remove(db: CareplanDb, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const tx = db.transaction('outbox', 'readwrite');
  for (const id of ids) {
    const key = await tx.store.index('by-id').getKey(id);
    if (key !== undefined) await tx.store.delete(key);
  }
  await tx.done;
}

/** A 400 or 422 for the whole batch: one malformed item can make the server refuse it all. */
const batchRefused = (error: unknown): error is ApiError =>
  error instanceof ApiError && (error.status === 400 || error.status === 422);

/**
 * The server's answer for each mutation, sending `batch` whole and, if the whole batch is
 * refused as malformed, each item on its own so one bad item cannot block the rest for ever.
 */
async function answersFor(batch: OutboxMutation[], send: SendBatch): Promise<SyncResult[]> {
  try {
    return await send(batch);
  } catch (error) {
    if (!batchRefused(error)) throw error;
    if (batch.length === 1) return [{ id: batch[0]!.id, status: 'invalid', detail: error.detail }];
    const answers: SyncResult[] = [];
    for (const mutation of batch) answers.push(...(await answersFor([mutation], send)));
    return answers;
  }
}

/** Send what is waiting, in order and in batches; returns what happened to each item. */
export async function flushOutbox(db: CareplanDb, send: SendBatch, batchSize = 50): Promise<FlushOutcome> {
  const outcome: FlushOutcome = { saved: [], rejected: [], error: null };
  const waiting = await queuedMutations(db);
  for (let start = 0; start < waiting.length; start += batchSize) {
    const batch = waiting.slice(start, start + batchSize);
    let answers: SyncResult[];
    try {
      answers = await answersFor(batch, send);
    } catch (error) {
      outcome.error = error;
      break;
    }
    const answerById = new Map(answers.map((answer) => [answer.id, answer]));
    const done: string[] = [];
    for (const mutation of batch) {
      const answer = answerById.get(mutation.id);
      if (!answer) continue; // no answer for it: keep it and send it again next time
      done.push(mutation.id);
      if (answer.status === 'applied' || answer.status === 'duplicate') outcome.saved.push(mutation);
      else outcome.rejected.push({ mutation, status: answer.status, detail: answer.detail ?? null });
    }
    await remove(db, done);
  }
  return outcome;
}
