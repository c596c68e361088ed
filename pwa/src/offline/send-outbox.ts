// Sends one batch from the outbox: sync mutations together to POST /api/sync, each message to
// its thread. Answers come back in the sync API's shape, so the outbox treats both alike.
import { postMessage } from '../api/checkins';
import { sync } from '../api/careplan';
import { ApiError } from '../api/errors';
import type { Mutation, SyncResult } from '../api/types';
import { isMessage, type MessageMutation, type OutboxMutation } from './mutations';

/** Refusals that sending again would not change: the message is dropped and the person told. */
const REFUSED = new Set([400, 404, 409, 422]);

export interface Senders {
  sync: (batch: Mutation[]) => Promise<SyncResult[]>;
  message: (message: MessageMutation) => Promise<unknown>;
}

const realSenders: Senders = {
  sync: async (batch) => (await sync(batch)).results,
  message: (message) => postMessage(message.patient_id, message.data.body, message.id),
};

/**
 * Each item's answer. A message the server refuses is `invalid` with its words; anything else
 * that fails (offline, signed out, a server fault) throws, so the outbox keeps the whole batch
 * and sends it again later (the ids make that safe).
 */
export async function sendOutboxBatch(batch: OutboxMutation[], senders: Senders = realSenders): Promise<SyncResult[]> {
  const messages = batch.filter(isMessage);
  const mutations = batch.filter((m): m is Mutation => !isMessage(m));
  const answers = mutations.length > 0 ? await senders.sync(mutations) : [];
  for (const message of messages) {
    try {
      await senders.message(message);
      answers.push({ id: message.id, status: 'applied' });
    } catch (error) {
      if (!(error instanceof ApiError && REFUSED.has(error.status))) throw error;
      answers.push({ id: message.id, status: 'invalid', detail: error.detail });
    }
  }
  return answers;
}
