import { useCallback, useEffect, useState } from 'preact/hooks';
import { currentUser } from './api/client';
import { ApiError, isNetworkFailure } from './api/errors';
import type { Me } from './api/types';
import { adoptSignedIn, forgetEverything, forgetReads, localDb, rememberedMe, type CareplanDb } from './offline/db';
import { resetOutboxState } from './offline/outbox-runtime';

export type Session =
  | { status: 'loading' }
  | { status: 'signed-out' }
  /** `offline`: the server could not be asked; this is who signed in last on this device. */
  | { status: 'signed-in'; me: Me; offline: boolean }
  | { status: 'failed'; error: unknown };

/** On a poor signal, how long to wait for the server before opening the saved copy. */
const SERVER_PATIENCE_MS = 8_000;

/** Run a storage step; the app still works (online) when the browser blocks IndexedDB. */
async function withStorage<T>(step: (db: CareplanDb) => Promise<T>): Promise<T | undefined> {
  try {
    return await step(await localDb());
  } catch {
    return undefined;
  }
}

/** GET /api/me, but a server that does not answer in time counts as unreachable. */
function askWhoIsSignedIn(): Promise<Me | null> {
  return Promise.race([
    currentUser(),
    new Promise<never>((_, reject) => setTimeout(() => reject(new ApiError(0, null)), SERVER_PATIENCE_MS)),
  ]);
}

/**
 * Who is signed in, asked of the server on load (GET /api/me) and updated on sign in and out.
 * Offline, the person who signed in last on this device carries on with their saved copy,
 * and the server is asked again as soon as the phone is back online.
 */
export function useSession() {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  const signedIn = useCallback(async (me: Me) => {
    await withStorage((db) => adoptSignedIn(db, me));
    setSession({ status: 'signed-in', me, offline: false });
  }, []);

  /** The server ended the session (e.g. it expired): forget what was read, keep what waits. */
  const sessionEnded = useCallback(async () => {
    await withStorage(forgetReads);
    setSession({ status: 'signed-out' });
  }, []);

  const reload = useCallback(async () => {
    setSession({ status: 'loading' });
    try {
      const me = await askWhoIsSignedIn();
      await (me ? signedIn(me) : sessionEnded());
    } catch (error) {
      const remembered = isNetworkFailure(error) ? await withStorage(rememberedMe) : undefined;
      setSession(remembered ? { status: 'signed-in', me: remembered, offline: true } : { status: 'failed', error });
    }
  }, [signedIn, sessionEnded]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // Opened offline: once back online, check quietly (screens stay as they are) that the
  // session is still good.
  const offline = session.status === 'signed-in' && session.offline;
  useEffect(() => {
    if (!offline) return;
    const recheck = async () => {
      try {
        const me = await currentUser();
        await (me ? signedIn(me) : sessionEnded());
      } catch {
        // Still unreachable: carry on with the saved copy.
      }
    };
    window.addEventListener('online', recheck);
    return () => window.removeEventListener('online', recheck);
  }, [offline, signedIn, sessionEnded]);

  /** Signed out on purpose: nothing of theirs stays on the device (shared phones). */
  const signedOut = useCallback(async () => {
    await withStorage(forgetEverything);
    resetOutboxState();
    setSession({ status: 'signed-out' });
  }, []);

  return { session, reload, signedIn, signedOut, sessionEnded };
}
