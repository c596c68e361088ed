import { useCallback, useEffect, useState } from 'preact/hooks';
import { currentUser } from './api/client';
import type { Me } from './api/types';

export type Session =
  | { status: 'loading' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; me: Me }
  | { status: 'failed'; error: unknown };

/** Who is signed in, asked of the server on load (GET /api/me) and updated on sign in and out. */
export function useSession() {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  const reload = useCallback(async () => {
    setSession({ status: 'loading' });
    try {
      const me = await currentUser();
      setSession(me ? { status: 'signed-in', me } : { status: 'signed-out' });
    } catch (error) {
      setSession({ status: 'failed', error });
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const signedIn = useCallback((me: Me) => setSession({ status: 'signed-in', me }), []);
  const signedOut = useCallback(() => setSession({ status: 'signed-out' }), []);
  return { session, reload, signedIn, signedOut };
}
