// The app's own IndexedDB: the last copy of what the patient read (so the plan opens offline)
// and the outbox of changes waiting to be sent. Cleared on sign-out (shared phones).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Me } from '../api/types';
import type { OutboxMutation } from './mutations';

export interface Cached<T = unknown> {
  data: T;
  /** When the copy was saved, epoch ms. */
  savedAt: number;
}

export interface QueuedMutation {
  /** Insertion order: the order mutations are sent in. */
  seq?: number;
  id: string;
  mutation: OutboxMutation;
  queuedAt: number;
}

interface CareplanSchema extends DBSchema {
  cache: { key: string; value: Cached };
  outbox: { key: number; value: QueuedMutation; indexes: { 'by-id': string } };
  /** 'me': who signed in last (opens the app offline); 'owner': whose outbox this is. */
  meta: { key: 'me' | 'owner'; value: Me | string };
}

export type CareplanDb = IDBPDatabase<CareplanSchema>;

export const DB_NAME = 'careplan';

export function openCareplanDb(name = DB_NAME): Promise<CareplanDb> {
  return openDB<CareplanSchema>(name, 1, {
    upgrade(db) {
      db.createObjectStore('cache');
      const outbox = db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      outbox.createIndex('by-id', 'id', { unique: true });
      db.createObjectStore('meta');
    },
  });
}

let shared: Promise<CareplanDb> | null = null;

/** The one connection the app uses (opened on first use). */
export function localDb(): Promise<CareplanDb> {
  shared ??= openCareplanDb().catch((error: unknown) => {
    shared = null; // e.g. storage blocked: try again next time rather than fail for ever
    throw error;
  });
  return shared;
}

export async function readCached<T>(db: CareplanDb, key: string): Promise<Cached<T> | undefined> {
  return (await db.get('cache', key)) as Cached<T> | undefined;
}

export async function writeCached(db: CareplanDb, key: string, data: unknown, now = Date.now()): Promise<void> {
  await db.put('cache', { data, savedAt: now }, key);
}

/**
 * Remember who signed in. If someone else used this device before, nothing of theirs stays:
 * not their saved reads, and not their unsent changes (which must not go under this session).
 */
export async function adoptSignedIn(db: CareplanDb, me: Me): Promise<void> {
  const owner = await db.get('meta', 'owner');
  if (owner !== undefined && owner !== me.id) await forgetEverything(db);
  const tx = db.transaction('meta', 'readwrite');
  await Promise.all([tx.store.put(me, 'me'), tx.store.put(me.id, 'owner'), tx.done]);
}

export async function rememberedMe(db: CareplanDb): Promise<Me | undefined> {
  const me = await db.get('meta', 'me');
  return typeof me === 'object' ? me : undefined;
}

/**
 * The session ended without a sign-out: forget what was read and who read it, but keep the
 * unsent changes for when the same person signs in again.
 */
export async function forgetReads(db: CareplanDb): Promise<void> {
  const tx = db.transaction(['cache', 'meta'], 'readwrite');
  await Promise.all([tx.objectStore('cache').clear(), tx.objectStore('meta').delete('me'), tx.done]);
}

/** Forget everything this device holds for the person: reads and unsent changes. */
export async function forgetEverything(db: CareplanDb): Promise<void> {
  const tx = db.transaction(['cache', 'meta', 'outbox'], 'readwrite');
  await Promise.all([
    tx.objectStore('cache').clear(),
    tx.objectStore('meta').clear(),
    tx.objectStore('outbox').clear(),
    tx.done,
  ]);
}
