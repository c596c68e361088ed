// The app's one outbox: queue a change, send it at once if we can, and send what waits when
// the app starts, when the phone comes back online, and every so often while items wait.
import { useEffect, useState } from 'preact/hooks';
import { localDb } from './db';
import type { OutboxMutation } from './mutations';
import { enqueue, flushOutbox, queuedMutations, type Rejected } from './outbox';
import { sendOutboxBatch } from './send-outbox';

export interface OutboxState {
  queued: readonly OutboxMutation[];
  /** Changes the server would not take, to tell the person about. */
  rejected: readonly Rejected[];
  /** The last attempt to send stopped early (offline, or the server could not be reached). */
  stalled: boolean;
  /**
   * Sent and stored while the app was open: screens keep showing them until their next read
   * from the server includes them, so nothing flickers back to "not logged".
   */
  sent: readonly OutboxMutation[];
}

const SENT_KEPT = 100;

const RETRY_EVERY_MS = 30_000;

let state: OutboxState = { queued: [], rejected: [], stalled: false, sent: [] };
const listeners = new Set<(next: OutboxState) => void>();
const savedListeners = new Set<(saved: OutboxMutation[]) => void>();

function update(change: Partial<OutboxState>): void {
  state = { ...state, ...change };
  listeners.forEach((listener) => listener(state));
}

async function refresh(): Promise<void> {
  update({ queued: await queuedMutations(await localDb()) });
}

async function sendWaiting(): Promise<void> {
  const db = await localDb();
  const outcome = await flushOutbox(db, sendOutboxBatch);
  update({
    queued: await queuedMutations(db),
    rejected: [...state.rejected, ...outcome.rejected],
    stalled: outcome.error !== null,
    sent: [...state.sent, ...outcome.saved].slice(-SENT_KEPT),
  });
  if (outcome.saved.length > 0) savedListeners.forEach((listener) => listener(outcome.saved));
}

let running: Promise<void> | null = null;
let runAgain = false;

/** Send what is waiting. One send at a time (across tabs too, where the browser can tell). */
export function flushNow(): Promise<void> {
  if (running) {
    runAgain = true;
    return running;
  }
  const once = () =>
    navigator.locks ? navigator.locks.request('careplan-outbox', sendWaiting) : sendWaiting();
  running = (async () => {
    try {
      do {
        runAgain = false;
        await once();
      } while (runAgain);
    } catch {
      update({ stalled: true }); // storage failed: nothing was lost, try again later
    } finally {
      running = null;
    }
  })();
  return running;
}

/**
 * Keep a change and send it as soon as possible. Resolves true once it is safely queued; false
 * (and the person is told) if the device's storage failed.
 */
export async function queueMutation(mutation: OutboxMutation): Promise<boolean> {
  try {
    await enqueue(await localDb(), mutation);
    await refresh();
  } catch {
    update({ rejected: [...state.rejected, { mutation, status: 'not-stored', detail: null }] });
    return false;
  }
  void flushNow();
  return true;
}

/** Start sending in the background; returns a function that stops it. */
export function startOutbox(): () => void {
  const onOnline = () => void flushNow();
  window.addEventListener('online', onOnline);
  const timer = window.setInterval(() => {
    if (state.queued.length > 0 && navigator.onLine) void flushNow();
  }, RETRY_EVERY_MS);
  void refresh().then(flushNow);
  return () => {
    window.removeEventListener('online', onOnline);
    window.clearInterval(timer);
  };
}

/** After sign-out: the outbox in storage is gone, so is what we show of it. */
export function resetOutboxState(): void {
  update({ queued: [], rejected: [], stalled: false, sent: [] });
}

export function dismissRejected(): void {
  update({ rejected: [] });
}

/** Called with the mutations the server has just stored, e.g. to reload today's logs. */
export function onSaved(listener: (saved: OutboxMutation[]) => void): () => void {
  savedListeners.add(listener);
  return () => savedListeners.delete(listener);
}

export function useOutbox(): OutboxState {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(state);
    return () => {
      listeners.delete(setCurrent);
    };
  }, []);
  return current;
}
