import { useEffect, useState } from 'preact/hooks';
import { readThread } from '../api/checkins';
import type { Thread, ThreadMessage } from '../api/types';
import { useRead } from '../offline/use-read';

interface Older {
  messages: ThreadMessage[];
  cursor: string | null;
  /** The oldest message of the newest page when these were read: the pages join there. */
  anchor: string;
}

/**
 * A patient's thread: the newest page (read again with `reload`) and any earlier pages asked for.
 * If a re-read newest page no longer reaches back to where the earlier pages end (many new
 * messages came), the earlier pages are dropped rather than shown with a gap.
 */
export function useThread(patientId: string, cacheKey: string | null) {
  const { state, reload } = useRead<Thread>(() => readThread(patientId), [patientId], cacheKey);
  const [older, setOlder] = useState<Older | null>(null);
  const [olderProblem, setOlderProblem] = useState<unknown>(null);
  const newest = state.status === 'ready' ? state.data.messages : [];

  useEffect(() => {
    if (older && !newest.some((message) => message.id === older.anchor)) setOlder(null);
  }, [newest]);

  const cursor = older ? older.cursor : state.status === 'ready' ? (state.data.next_before ?? null) : null;

  const loadOlder = async () => {
    if (!cursor || state.status !== 'ready') return;
    setOlderProblem(null);
    try {
      const page = await readThread(patientId, cursor);
      setOlder({
        messages: [...page.messages, ...(older?.messages ?? [])],
        cursor: page.next_before ?? null,
        anchor: older?.anchor ?? newest[0]?.id ?? '',
      });
    } catch (error) {
      setOlderProblem(error);
    }
  };

  const messages = older ? [...older.messages, ...newest] : newest;
  return { state, reload, messages, hasOlder: cursor !== null, loadOlder, olderProblem };
}

/**
 * Read again when the person comes back to the screen (the app is shown again, or the phone is
 * back online), so replies that came meanwhile appear. Not on a timer: every read of a thread
 * is an audited access the patient can see, and a timer would fill their access log.
 */
export function useRefreshOnReturn(refresh: () => void): void {
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('online', refresh);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('online', refresh);
    };
  }, [refresh]);
}
