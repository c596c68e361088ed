// App notifications for check-ins (push first, a text if not opened): the pure parts. The
// browser calls are in use-notifications.ts.
import type { CheckinChannel, PushSubscriptionCreate, Thread } from '../api/types';
import type { ReadState } from '../offline/use-read';

/** A base64url key (the server's VAPID public key) as the bytes `pushManager.subscribe` takes. */
export function urlBase64ToUint8Array(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/** What the browser gives (`subscription.toJSON()`) as the server's subscribe body, or null
 * when it lacks the endpoint or keys (nothing the server could send to). */
export function subscriptionBody(json: PushSubscriptionJSON): PushSubscriptionCreate | null {
  const { endpoint, keys } = json;
  if (!endpoint || !keys?.p256dh || !keys.auth) return null;
  return { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } };
}

/**
 * What the Notifications choice shows:
 * - `unavailable`: this browser cannot show notifications, or the practice has not set them up;
 * - `blocked`: the person said no to notifications in the browser (only its settings undo that);
 * - `on`: this device is subscribed and check-ins come as notifications first;
 * - `off`: anything else (texts only).
 */
export type NotificationsState = 'unavailable' | 'blocked' | 'on' | 'off';

export interface NotificationsFacts {
  /** The browser has service workers, PushManager and Notification. */
  supported: boolean;
  /** The server's push config says it is on. */
  serverEnabled: boolean;
  permission: NotificationPermission;
  /** This device has a push subscription. */
  subscribed: boolean;
  channel: CheckinChannel;
}

export function notificationsState(facts: NotificationsFacts): NotificationsState {
  if (!facts.supported || !facts.serverEnabled) return 'unavailable';
  if (facts.permission === 'denied') return 'blocked';
  return facts.subscribed && facts.channel === 'push_then_sms' ? 'on' : 'off';
}

/**
 * The check-in to tell the server the patient has in front of them: the open one of a thread
 * fresh from the server (a saved copy may not show the newest), and only on the patient's own
 * screen (a carer reading it does not stand for the patient). Null when there is none.
 */
export function checkinToMarkSeen(state: ReadState<Thread>, patientId: string, meId: string): string | null {
  if (meId !== patientId || state.status !== 'ready' || state.offline || state.savedAt !== null) return null;
  return state.data.open_checkin?.id ?? null;
}
