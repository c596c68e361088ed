import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { isNetworkFailure } from '../api/errors';
import { localDb, readCached, writeCached } from './db';

export type ReadState<T> =
  | { status: 'loading' }
  | {
      status: 'ready';
      data: T;
      /** When the copy shown was saved on this device; null when it just came from the server. */
      savedAt: number | null;
      /** The server could not be reached: what is shown is the saved copy. */
      offline: boolean;
    }
  | { status: 'failed'; error: unknown };

async function cached<T>(key: string): Promise<{ data: T; savedAt: number } | undefined> {
  try {
    return await readCached<T>(await localDb(), key);
  } catch {
    return undefined; // no storage: behave as if nothing was saved
  }
}

async function save(key: string, data: unknown): Promise<void> {
  try {
    await writeCached(await localDb(), key, data);
  } catch {
    // Not keeping a copy only costs the offline view.
  }
}

/**
 * Read from the server. With a `cacheKey` (patients' own screens), a saved copy shows at once
 * while the server is asked, every answer is saved, and when the server cannot be reached the
 * saved copy stays on screen. Clinicians' screens pass no key: nothing is kept on the device.
 */
export function useRead<T>(fetcher: () => Promise<T>, deps: readonly unknown[], cacheKey: string | null = null) {
  const [state, setState] = useState<ReadState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const identity = JSON.stringify([...deps, cacheKey]);
  const shown = useRef(identity);

  useEffect(() => {
    if (shown.current !== identity) {
      shown.current = identity; // something else is asked for: never show the last thing under it
      setState({ status: 'loading' });
    }
    let cancelled = false;
    let answered = false;
    let copy: { data: T; savedAt: number } | undefined;
    const fromCache = cacheKey
      ? cached<T>(cacheKey).then((found) => {
          copy = found;
          if (found && !answered && !cancelled) {
            setState((now) => (now.status === 'ready' ? now : { status: 'ready', data: found.data, savedAt: found.savedAt, offline: false }));
          }
        })
      : Promise.resolve();

    fetcherRef.current().then(
      (data) => {
        answered = true;
        if (cancelled) return;
        setState({ status: 'ready', data, savedAt: null, offline: false });
        if (cacheKey) void save(cacheKey, data);
      },
      async (error: unknown) => {
        answered = true;
        await fromCache;
        if (cancelled) return;
        if (copy && isNetworkFailure(error)) {
          setState({ status: 'ready', data: copy.data, savedAt: copy.savedAt, offline: true });
        } else if (isNetworkFailure(error)) {
          // Keep a fresher copy already on screen (e.g. read before the signal went).
          setState((now) => (now.status === 'ready' ? { ...now, offline: true } : { status: 'failed', error }));
        } else {
          setState({ status: 'failed', error });
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [identity, generation]);

  /** Ask the server again, keeping what is on screen until it answers. */
  const reload = useCallback(() => setGeneration((n) => n + 1), []);

  /** Show (and save) a newer copy the server sent in answer to a change. */
  const replace = useCallback(
    (data: T) => {
      setState({ status: 'ready', data, savedAt: null, offline: false });
      if (cacheKey) void save(cacheKey, data);
    },
    [cacheKey],
  );

  return { state, reload, replace };
}
