import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/api/errors';
import type { SyncResult } from '../../src/api/types';
import { openCareplanDb, type CareplanDb } from '../../src/offline/db';
import { logActionMutation, recordReadingMutation, type OutboxMutation } from '../../src/offline/mutations';
import { enqueue, flushOutbox, queuedMutations } from '../../src/offline/outbox';

let db: CareplanDb;
let dbCount = 0;

beforeEach(async () => {
  db = await openCareplanDb(`outbox-test-${++dbCount}`);
});

afterEach(() => db.close());

const log = (id: string, outcome: 'done' | 'partly' = 'done') =>
  logActionMutation('p1', { action_id: 'a1', day: '2026-11-22', outcome }, 1_000, id);
const reading = (id: string) =>
  recordReadingMutation('p1', { reading_type: 'glucose', value: 7.4, value2: null, unit: 'mmol/L', taken_at: 1_000, note: null }, 1_000, id);

/** A fake /api/sync that answers each mutation with the status `answer` gives it. */
function server(answer: (m: OutboxMutation) => SyncResult['status'] | null = () => 'applied') {
  const batches: OutboxMutation[][] = [];
  const send = vi.fn(async (batch: OutboxMutation[]) => {
    batches.push(batch);
    return batch.flatMap((m) => {
      const status = answer(m);
      return status ? [{ id: m.id, status, detail: status === 'invalid' ? 'value: out of range' : null }] : [];
    });
  });
  return { send, batches };
}

describe('enqueue', () => {
  it('keeps mutations in the order they were made', async () => {
    await enqueue(db, log('m-1'));
    await enqueue(db, reading('m-2'));
    await enqueue(db, log('m-3', 'partly'));
    expect((await queuedMutations(db)).map((m) => m.id)).toEqual(['m-1', 'm-2', 'm-3']);
  });

  it('stores a mutation once however often it is added', async () => {
    await enqueue(db, log('m-1'));
    await enqueue(db, log('m-1'));
    expect(await queuedMutations(db)).toHaveLength(1);
  });
});

describe('flushOutbox', () => {
  it('removes what the server applied or had already seen', async () => {
    await enqueue(db, log('m-1'));
    await enqueue(db, reading('m-2'));
    const { send } = server((m) => (m.id === 'm-1' ? 'applied' : 'duplicate'));

    const outcome = await flushOutbox(db, send);

    expect(outcome.saved.map((m) => m.id)).toEqual(['m-1', 'm-2']);
    expect(outcome.rejected).toEqual([]);
    expect(outcome.error).toBeNull();
    expect(await queuedMutations(db)).toEqual([]);
  });

  it('drops invalid and stale items, reporting them with the server’s words', async () => {
    await enqueue(db, log('m-1'));
    await enqueue(db, reading('m-2'));
    await enqueue(db, log('m-3'));
    const { send } = server((m) => ({ 'm-1': 'invalid', 'm-2': 'stale', 'm-3': 'applied' } as const)[m.id]!);

    const outcome = await flushOutbox(db, send);

    expect(outcome.rejected).toEqual([
      { mutation: log('m-1'), status: 'invalid', detail: 'value: out of range' },
      { mutation: reading('m-2'), status: 'stale', detail: null },
    ]);
    expect(await queuedMutations(db)).toEqual([]);
  });

  it('keeps an item the server did not answer for, to send again', async () => {
    await enqueue(db, log('m-1'));
    await enqueue(db, log('m-2'));
    const { send } = server((m) => (m.id === 'm-1' ? 'applied' : null));

    await flushOutbox(db, send);

    expect((await queuedMutations(db)).map((m) => m.id)).toEqual(['m-2']);
  });

  it('keeps everything when the server cannot be reached, and sends the same ids next time', async () => {
    await enqueue(db, log('m-1'));
    await enqueue(db, reading('m-2'));
    const offline = vi.fn(async () => {
      throw new ApiError(0, null);
    });

    const outcome = await flushOutbox(db, offline);
    expect(outcome.error).toBeInstanceOf(ApiError);
    expect(outcome.saved).toEqual([]);
    expect(await queuedMutations(db)).toHaveLength(2);

    const { send, batches } = server();
    await flushOutbox(db, send);
    expect(batches).toEqual([[log('m-1'), reading('m-2')]]);
    expect(await queuedMutations(db)).toEqual([]);
  });

  it('keeps everything when the session has ended (401)', async () => {
    await enqueue(db, log('m-1'));
    const outcome = await flushOutbox(db, async () => {
      throw new ApiError(401, 'Not signed in');
    });
    expect(outcome.error).toMatchObject({ status: 401 });
    expect(await queuedMutations(db)).toHaveLength(1);
  });

  it('sends in batches, in order', async () => {
    for (let i = 1; i <= 5; i++) await enqueue(db, log(`m-${i}`));
    const { send, batches } = server();

    await flushOutbox(db, send, 2);

    expect(batches.map((batch) => batch.map((m) => m.id))).toEqual([['m-1', 'm-2'], ['m-3', 'm-4'], ['m-5']]);
  });

  it('stops at the first batch that fails, keeping it and everything after it', async () => {
    for (let i = 1; i <= 3; i++) await enqueue(db, log(`m-${i}`));
    let calls = 0;
    const send = async (batch: OutboxMutation[]) => {
      if (++calls === 2) throw new ApiError(503, null);
      return batch.map((m) => ({ id: m.id, status: 'applied' as const }));
    };

    const outcome = await flushOutbox(db, send, 1);

    expect(outcome.saved.map((m) => m.id)).toEqual(['m-1']);
    expect((await queuedMutations(db)).map((m) => m.id)).toEqual(['m-2', 'm-3']);
  });

  it('when the whole batch is refused as malformed, sends each item alone so one bad item cannot block the rest', async () => {
    await enqueue(db, log('m-1'));
    await enqueue(db, log('bad'));
    await enqueue(db, reading('m-3'));
    const send = vi.fn(async (batch: OutboxMutation[]) => {
      if (batch.some((m) => m.id === 'bad')) throw new ApiError(400, 'mutations[0].id: too short');
      return batch.map((m) => ({ id: m.id, status: 'applied' as const }));
    });

    const outcome = await flushOutbox(db, send);

    expect(outcome.saved.map((m) => m.id)).toEqual(['m-1', 'm-3']);
    expect(outcome.rejected).toEqual([{ mutation: log('bad'), status: 'invalid', detail: 'mutations[0].id: too short' }]);
    expect(await queuedMutations(db)).toEqual([]);
  });

  it('does nothing (and sends nothing) when the outbox is empty', async () => {
    const { send } = server();
    await flushOutbox(db, send);
    expect(send).not.toHaveBeenCalled();
  });
});
