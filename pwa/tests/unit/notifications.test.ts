import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { Thread } from '../../src/api/types';
import {
  checkinToMarkSeen,
  notificationsState,
  subscriptionBody,
  urlBase64ToUint8Array,
  type NotificationsFacts,
} from '../../src/checkins/notifications';
import type { ReadState } from '../../src/offline/use-read';

// A P-256 public key as servers configure it (base64url, no padding): 65 bytes, 0x04 first.
const VAPID_PUBLIC = 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM';

describe('urlBase64ToUint8Array', () => {
  it('decodes a base64url key without padding to its bytes', () => {
    const bytes = urlBase64ToUint8Array(VAPID_PUBLIC);
    expect(bytes).toHaveLength(65);
    expect(bytes[0]).toBe(4);
    expect([...bytes]).toEqual([...Buffer.from(VAPID_PUBLIC, 'base64url')]);
  });

  it('reads the url-safe characters and any padding length', () => {
    expect([...urlBase64ToUint8Array('-_8')]).toEqual([0xfb, 0xff]);
    expect([...urlBase64ToUint8Array('AQ')]).toEqual([1]);
    expect([...urlBase64ToUint8Array('AQID')]).toEqual([1, 2, 3]);
  });
});

describe('subscriptionBody', () => {
  it("is the server's body, without what the server does not use", () => {
    const json = { endpoint: 'https://fcm.googleapis.com/fcm/send/x', expirationTime: 1.5, keys: { p256dh: 'p', auth: 'a' } };
    expect(subscriptionBody(json)).toEqual({ endpoint: json.endpoint, keys: { p256dh: 'p', auth: 'a' } });
  });

  it('is null when the browser gave no endpoint or keys', () => {
    expect(subscriptionBody({ keys: { p256dh: 'p', auth: 'a' } })).toBeNull();
    expect(subscriptionBody({ endpoint: 'https://x.test/1', keys: { p256dh: 'p' } })).toBeNull();
    expect(subscriptionBody({ endpoint: 'https://x.test/1' })).toBeNull();
  });
});

describe('notificationsState', () => {
  const facts = (change: Partial<NotificationsFacts>): NotificationsFacts => ({
    supported: true,
    serverEnabled: true,
    permission: 'default',
    subscribed: false,
    channel: 'sms',
    ...change,
  });

  it('is on only with this device subscribed and push first chosen', () => {
    expect(notificationsState(facts({ permission: 'granted', subscribed: true, channel: 'push_then_sms' }))).toBe('on');
    expect(notificationsState(facts({ permission: 'granted', subscribed: true, channel: 'sms' }))).toBe('off');
    expect(notificationsState(facts({ permission: 'granted', subscribed: false, channel: 'push_then_sms' }))).toBe('off');
    expect(notificationsState(facts({}))).toBe('off');
  });

  it('says when the browser blocks notifications, or they cannot be had here', () => {
    expect(notificationsState(facts({ permission: 'denied', subscribed: true, channel: 'push_then_sms' }))).toBe('blocked');
    expect(notificationsState(facts({ supported: false }))).toBe('unavailable');
    expect(notificationsState(facts({ serverEnabled: false, permission: 'denied' }))).toBe('unavailable');
  });
});

describe('checkinToMarkSeen', () => {
  const thread = (open: string | null): Thread => ({
    messages: [],
    open_checkin: open === null ? null : { id: open, kind: 'scale', question: 'Mood?', options: {} },
    next_before: null,
  });
  const fresh = (open: string | null): ReadState<Thread> => ({ status: 'ready', data: thread(open), savedAt: null, offline: false });

  it("is the open check-in of a fresh thread on the patient's own screen", () => {
    expect(checkinToMarkSeen(fresh('c1'), 'p1', 'p1')).toBe('c1');
    expect(checkinToMarkSeen(fresh(null), 'p1', 'p1')).toBeNull();
  });

  it('is nothing for a saved copy, offline, while loading, or for a carer', () => {
    expect(checkinToMarkSeen({ status: 'ready', data: thread('c1'), savedAt: 5, offline: false }, 'p1', 'p1')).toBeNull();
    expect(checkinToMarkSeen({ status: 'ready', data: thread('c1'), savedAt: null, offline: true }, 'p1', 'p1')).toBeNull();
    expect(checkinToMarkSeen({ status: 'loading' }, 'p1', 'p1')).toBeNull();
    expect(checkinToMarkSeen(fresh('c1'), 'p1', 'carer-1')).toBeNull();
  });
});

describe('the service worker’s notification handlers (public/push-sw.js)', () => {
  const ORIGIN = 'https://careplan.test';
  type Listener = (event: Record<string, unknown>) => void;
  interface FakeWindow {
    url: string;
    focus: () => Promise<FakeWindow>;
    navigate: (url: string) => Promise<unknown>;
  }

  /** Runs the real file against a stand-in `self`; its listeners and what they did. */
  function worker(windows: { url: string; navigate?: (url: string) => Promise<unknown> }[] = []) {
    const listeners = new Map<string, Listener>();
    const shown: [string, NotificationOptions][] = [];
    const opened: string[] = [];
    const focused: string[] = [];
    const clients = windows.map((w) => {
      const client: FakeWindow = {
        url: w.url,
        focus: vi.fn(async (): Promise<FakeWindow> => {
          focused.push(w.url);
          return client;
        }),
        navigate: vi.fn(w.navigate ?? (async () => client)),
      };
      return client;
    });
    const self = {
      location: { origin: ORIGIN },
      addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
      registration: { showNotification: async (title: string, options: NotificationOptions) => void shown.push([title, options]) },
      clients: {
        matchAll: async () => clients,
        openWindow: async (url: string) => void opened.push(url),
      },
    };
    new Function('self', readFileSync(new URL('../../public/push-sw.js', import.meta.url), 'utf8'))(self);
    const fire = async (type: string, event: Record<string, unknown>) => {
      let done: Promise<unknown> = Promise.resolve();
      listeners.get(type)!({ ...event, waitUntil: (promise: Promise<unknown>) => (done = promise) });
      await done;
    };
    return { fire, shown, opened, focused, clients };
  }
  const push = (data: unknown) => ({ data: { json: () => (typeof data === 'string' ? JSON.parse(data) : data) } });
  const click = (url: unknown) => ({ notification: { close: vi.fn(), data: { url } } });

  it('shows the pushed title and body, to open the pushed screen of this app', async () => {
    const sw = worker();
    await sw.fire('push', push({ title: 'Check-in from Riverside', body: 'Mood? Tap to answer.', url: '/#/messages' }));
    expect(sw.shown).toHaveLength(1);
    const [title, options] = sw.shown[0]!;
    expect(title).toBe('Check-in from Riverside');
    expect(options).toMatchObject({ body: 'Mood? Tap to answer.', data: { url: `${ORIGIN}/#/messages` } });
  });

  it('still says something came when the push is not what the server sends', async () => {
    const sw = worker();
    await sw.fire('push', push('not json {'));
    await sw.fire('push', push({ url: 'https://elsewhere.test/phish' }));
    expect(sw.shown.map(([title, options]) => [title, options.data])).toEqual([
      ['Careplan', { url: `${ORIGIN}/#/messages` }],
      ['Careplan', { url: `${ORIGIN}/#/messages` }],
    ]);
  });

  it('focuses an open window of the app on a tap and takes it to the screen', async () => {
    const sw = worker([{ url: 'https://other.test/' }, { url: `${ORIGIN}/#/today` }]);
    const event = click(`${ORIGIN}/#/messages`);
    await sw.fire('notificationclick', event);
    expect(event.notification.close).toHaveBeenCalled();
    expect(sw.focused).toEqual([`${ORIGIN}/#/today`]);
    expect(sw.clients[1]!.navigate).toHaveBeenCalledWith(`${ORIGIN}/#/messages`);
    expect(sw.opened).toEqual([]);
  });

  it('opens the app when no window of it is open (or the open one cannot be moved)', async () => {
    const none = worker([{ url: 'https://other.test/' }]);
    await none.fire('notificationclick', click('/#/messages'));
    expect(none.opened).toEqual([`${ORIGIN}/#/messages`]);

    const stuck = worker([{ url: `${ORIGIN}/`, navigate: () => Promise.reject(new TypeError('not controlled')) }]);
    await stuck.fire('notificationclick', click('https://elsewhere.test/'));
    expect(stuck.opened).toEqual([`${ORIGIN}/#/messages`]);
  });
});
