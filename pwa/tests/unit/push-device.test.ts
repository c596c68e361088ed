import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetDevice, subscribeDevice, unsubscribeDevice } from '../../src/checkins/push-device';

const ENDPOINT = 'https://fcm.googleapis.com/fcm/send/device-1';
const KEY = 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

let fetchMock: ReturnType<typeof vi.fn>;
let subscription: { endpoint: string; unsubscribe: ReturnType<typeof vi.fn>; toJSON: () => PushSubscriptionJSON } | null;
let subscribe: ReturnType<typeof vi.fn>;
let permission: NotificationPermission;

/** A browser with a service worker and push, and this device's subscription (or none). */
beforeEach(() => {
  subscription = null;
  permission = 'granted';
  const made = () => ({
    endpoint: ENDPOINT,
    unsubscribe: vi.fn(async () => true),
    toJSON: () => ({ endpoint: ENDPOINT, keys: { p256dh: 'p256dh-key', auth: 'auth-key' } }),
  });
  subscribe = vi.fn(async () => (subscription = made()));
  const registration = { pushManager: { getSubscription: async () => subscription, subscribe } };
  vi.stubGlobal('navigator', { serviceWorker: { getRegistration: async () => registration, ready: Promise.resolve(registration) } });
  vi.stubGlobal('window', { PushManager: class {}, Notification: class {} });
  vi.stubGlobal('Notification', { requestPermission: async () => permission });
  vi.stubGlobal('document', { cookie: 'csrftoken=t' });
  fetchMock = vi.fn(async () => json(201, {}));
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const calls = () => fetchMock.mock.calls.map(([url, init]) => `${(init as RequestInit).method} ${url as string}`);

describe('subscribeDevice', () => {
  it("subscribes with the server's key and gives the server the subscription", async () => {
    expect(await subscribeDevice('p1', KEY)).toBe('granted');
    const [options] = subscribe.mock.calls[0] as [PushSubscriptionOptionsInit];
    expect(options.userVisibleOnly).toBe(true);
    expect((options.applicationServerKey as Uint8Array).length).toBe(65);
    expect(calls()).toEqual(['POST /api/patients/p1/push-subscriptions']);
    const body = JSON.parse((fetchMock.mock.calls[0]![1] as RequestInit).body as string);
    expect(body).toEqual({ endpoint: ENDPOINT, keys: { p256dh: 'p256dh-key', auth: 'auth-key' } });
  });

  it('changes nothing when the person does not allow notifications', async () => {
    permission = 'denied';
    expect(await subscribeDevice('p1', KEY)).toBe('denied');
    expect(subscribe).not.toHaveBeenCalled();
    expect(calls()).toEqual([]);
  });
});

describe('unsubscribeDevice and forgetDevice', () => {
  it('turning off tells the server first, then ends the subscription', async () => {
    await subscribeDevice('p1', KEY);
    const subscribed = subscription!;
    fetchMock.mockClear();
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await unsubscribeDevice('p1');
    expect(calls()).toEqual([`DELETE /api/patients/p1/push-subscriptions?endpoint=${encodeURIComponent(ENDPOINT)}`]);
    expect(subscribed.unsubscribe).toHaveBeenCalled();
  });

  it('turning off keeps the subscription when the server could not be told, so it can be tried again', async () => {
    await subscribeDevice('p1', KEY);
    fetchMock.mockRejectedValue(new TypeError('offline'));
    await expect(unsubscribeDevice('p1')).rejects.toBeTruthy();
    expect(subscription!.unsubscribe).not.toHaveBeenCalled();
  });

  it('signing out ends the subscription even when the server cannot be told, and never throws', async () => {
    await subscribeDevice('p1', KEY);
    fetchMock.mockRejectedValue(new TypeError('offline'));
    await forgetDevice('p1');
    expect(subscription!.unsubscribe).toHaveBeenCalled();
    subscription = null;
    await expect(forgetDevice('p1')).resolves.toBeUndefined();
  });
});
