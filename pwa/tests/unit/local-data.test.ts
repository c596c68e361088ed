import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Me } from '../../src/api/types';
import {
  adoptSignedIn,
  forgetEverything,
  forgetReads,
  openCareplanDb,
  readCached,
  rememberedMe,
  writeCached,
  type CareplanDb,
} from '../../src/offline/db';
import { logActionMutation } from '../../src/offline/mutations';
import { enqueue, queuedMutations } from '../../src/offline/outbox';

const person = (id: string): Me => ({
  kind: 'patient',
  id,
  display_name: `Person ${id}`,
  role: 'patient',
  organisation: { id: 'o1', name: 'Riverside Medical Practice' },
  preferred_language: 'en',
  patients: [{ id, display_name: `Person ${id}`, relationship: 'self' }],
});

let db: CareplanDb;
let dbCount = 0;

beforeEach(async () => {
  db = await openCareplanDb(`local-data-test-${++dbCount}`);
});

afterEach(() => db.close());

async function somethingOfEveryKind(id: string) {
  await adoptSignedIn(db, person(id));
  await writeCached(db, `${id}/plan`, { what_matters: 'walking' }, 5);
  await enqueue(db, logActionMutation(id, { action_id: 'a1', day: '2026-11-22', outcome: 'done' }, 1, `m-${id}`));
}

describe('saved copies', () => {
  it('keeps the data with the time it was saved', async () => {
    await writeCached(db, 'p1/plan', { version: 3 }, 1234);
    expect(await readCached(db, 'p1/plan')).toEqual({ data: { version: 3 }, savedAt: 1234 });
    expect(await readCached(db, 'p2/plan')).toBeUndefined();
  });
});

describe('who this device holds data for', () => {
  it('remembers who signed in, to open the app offline', async () => {
    await adoptSignedIn(db, person('p1'));
    expect(await rememberedMe(db)).toEqual(person('p1'));
  });

  it('keeps everything when the same person signs in again', async () => {
    await somethingOfEveryKind('p1');
    await adoptSignedIn(db, person('p1'));
    expect(await readCached(db, 'p1/plan')).toBeDefined();
    expect(await queuedMutations(db)).toHaveLength(1);
  });

  it('forgets everything of the last person when someone else signs in', async () => {
    await somethingOfEveryKind('p1');
    await adoptSignedIn(db, person('p2'));
    expect(await readCached(db, 'p1/plan')).toBeUndefined();
    expect(await queuedMutations(db)).toEqual([]);
    expect(await rememberedMe(db)).toEqual(person('p2'));
  });

  it('after the session ends, forgets reads but keeps unsent changes for the same person', async () => {
    await somethingOfEveryKind('p1');
    await forgetReads(db);
    expect(await readCached(db, 'p1/plan')).toBeUndefined();
    expect(await rememberedMe(db)).toBeUndefined();
    expect(await queuedMutations(db)).toHaveLength(1);

    await adoptSignedIn(db, person('p1'));
    expect(await queuedMutations(db)).toHaveLength(1);
  });

  it('after the session ends, still drops the unsent changes if someone else signs in', async () => {
    await somethingOfEveryKind('p1');
    await forgetReads(db);
    await adoptSignedIn(db, person('p2'));
    expect(await queuedMutations(db)).toEqual([]);
  });

  it('on sign-out, forgets everything', async () => {
    await somethingOfEveryKind('p1');
    await forgetEverything(db);
    expect(await readCached(db, 'p1/plan')).toBeUndefined();
    expect(await rememberedMe(db)).toBeUndefined();
    expect(await queuedMutations(db)).toEqual([]);
  });
});
