// This device's push subscription: the browser calls behind the Notifications choice.
import { subscribePush, unsubscribePush } from '../api/checkins';
import { subscriptionBody, urlBase64ToUint8Array } from './notifications';

export const pushSupported = (): boolean =>
  typeof navigator !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/** This device's subscription, if it has one (null where push is not supported). */
export async function deviceSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  const registration = await navigator.serviceWorker.getRegistration();
  return registration ? registration.pushManager.getSubscription() : null;
}

/**
 * Ask the person, subscribe this device with the server's key and give the server the
 * subscription. Returns the browser's permission: anything but 'granted' means nothing changed.
 */
export async function subscribeDevice(patientId: string, publicKey: string): Promise<NotificationPermission> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission;
  const registration = await navigator.serviceWorker.ready;
  const subscription =
    (await registration.pushManager.getSubscription()) ??
    (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: urlBase64ToUint8Array(publicKey) }));
  const body = subscriptionBody(subscription.toJSON());
  if (body === null) {
    await subscription.unsubscribe();
    throw new Error('The browser gave a subscription without keys');
  }
  await subscribePush(patientId, body);
  return permission;
}

/** Stop notifying this device: the server forgets it first, so a failure can be tried again. */
export async function unsubscribeDevice(patientId: string): Promise<void> {
  const subscription = await deviceSubscription();
  if (subscription === null) return;
  await unsubscribePush(patientId, subscription.endpoint);
  await subscription.unsubscribe();
}

/**
 * On sign-out: this device stops being notified for the person leaving it (a shared phone must
 * not show their check-ins to the next person), even offline: the browser's subscription ends
 * here, so the push service answers 410 and the server forgets it. Never throws.
 */
export async function forgetDevice(patientId: string): Promise<void> {
  try {
    const subscription = await deviceSubscription();
    if (subscription === null) return;
    await unsubscribePush(patientId, subscription.endpoint).catch(() => undefined);
    await subscription.unsubscribe();
  } catch {
    // no service worker or push here: nothing was subscribed
  }
}
