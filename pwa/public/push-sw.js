// Check-in notifications (ADR 0014), loaded into the generated service worker through
// workbox `importScripts` (vite.config.ts). The server pushes {title, body, url}; tapping the
// notification focuses the app (or opens it) on that screen. Only this app's own pages open.
const CHECKIN_URL = '/#/messages';

/** A path in this app for a pushed url; anything elsewhere (or nothing) is the Messages screen. */
function appUrl(url, origin) {
  try {
    const resolved = new URL(typeof url === 'string' && url ? url : CHECKIN_URL, origin);
    if (resolved.origin === origin) return resolved.href;
  } catch {
    // not a URL: the default below
  }
  return new URL(CHECKIN_URL, origin).href;
}

function pushed(event) {
  try {
    const data = event.data ? event.data.json() : null;
    return data && typeof data === 'object' ? data : {};
  } catch {
    return {}; // not JSON: still tell the person something came
  }
}

self.addEventListener('push', (event) => {
  const data = pushed(event);
  const title = typeof data.title === 'string' && data.title ? data.title : 'Careplan';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: typeof data.body === 'string' ? data.body : '',
      icon: '/icons/icon-192.png',
      tag: 'careplan-checkin',
      data: { url: appUrl(data.url, self.location.origin) },
    }),
  );
});

async function openApp(url) {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const open = windows.find((client) => new URL(client.url).origin === self.location.origin);
  if (open) {
    const focused = await open.focus();
    try {
      await focused.navigate(url);
      return;
    } catch {
      // a window this worker does not control cannot be navigated: open a new one
    }
  }
  await self.clients.openWindow(url);
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = appUrl(event.notification.data && event.notification.data.url, self.location.origin);
  event.waitUntil(openApp(url));
});
