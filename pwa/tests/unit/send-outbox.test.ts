import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/api/errors';
import type { Mutation, SyncResult } from '../../src/api/types';
import { openCareplanDb, type CareplanDb } from '../../src/offline/db';
import { logActionMutation, messageMutation, type MessageMutation } from '../../src/offline/mutations';
import { enqueue, flushOutbox, queuedMutations } from '../../src/offline/outbox';
import { sendOutboxBatch, type Senders } from '../../src/offline/send-outbox';

const log = (id: string) => logActionMutation('p1', { action_id: 'a1', day: '2026-11-22', outcome: 'done' }, 1_000, id);
const note = (id: string, body = 'Feeling better') => messageMutation('p1', body, null, 1_000, id);

function senders(message: (m: MessageMutation) => Promise<unknown> = async () => ({})) {
  const sync = vi.fn(async (batch: Mutation[]): Promise<SyncResult[]> => batch.map((m) => ({ id: m.id, status: 'applied' as const })));
  return { sync, message: vi.fn(message) } satisfies Senders;
}

describe('sendOutboxBatch', () => {
  it('sends sync mutations together and each message to its thread, with its id as client_id', async () => {
    const send = senders();
    const answers = await sendOutboxBatch([log('l1'), note('m1'), log('l2')], send);
    expect(send.sync).toHaveBeenCalledWith([log('l1'), log('l2')]);
    expect(send.message).toHaveBeenCalledWith(note('m1'));
    expect(answers).toEqual([
      { id: 'l1', status: 'applied' },
      { id: 'l2', status: 'applied' },
      { id: 'm1', status: 'applied' },
    ]);
  });

  it('does not call the sync API for a batch of messages only', async () => {
    const send = senders();
    await sendOutboxBatch([note('m1')], send);
    expect(send.sync).not.toHaveBeenCalled();
  });

  it("drops a message the server refuses, with the server's words", async () => {
    const send = senders(async () => {
      throw new ApiError(400, 'body: must not be blank');
    });
    expect(await sendOutboxBatch([note('m1')], send)).toEqual([{ id: 'm1', status: 'invalid', detail: 'body: must not be blank' }]);
  });

  it.each([0, 401, 429, 500, 503])('keeps everything when sending fails with %i (sent again later)', async (status) => {
    const send = senders(async () => {
      throw new ApiError(status, null);
    });
    await expect(sendOutboxBatch([log('l1'), note('m1')], send)).rejects.toMatchObject({ status });
  });
});

describe('the outbox with messages', () => {
  let db: CareplanDb;
  let count = 0;
  beforeEach(async () => {
    db = await openCareplanDb(`send-outbox-test-${++count}`);
  });
  afterEach(() => db.close());

  it('keeps a message written offline and sends it once, with the same id, when back online', async () => {
    await enqueue(db, note('m1', 'Written on the bus'));
    const offline = await flushOutbox(db, (batch) =>
      sendOutboxBatch(batch, senders(async () => {
        throw new ApiError(0, null);
      })),
    );
    expect(offline.error).toBeInstanceOf(ApiError);
    expect((await queuedMutations(db)).map((m) => m.id)).toEqual(['m1']);

    const online = senders();
    const outcome = await flushOutbox(db, (batch) => sendOutboxBatch(batch, online));
    expect(online.message).toHaveBeenCalledTimes(1);
    expect(online.message.mock.calls[0]![0]).toMatchObject({ id: 'm1', data: { body: 'Written on the bus' } });
    expect(outcome.saved.map((m) => m.id)).toEqual(['m1']);
    expect(await queuedMutations(db)).toEqual([]);
  });
});
