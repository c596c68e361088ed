// Screens before sign-in live in the URL hash, so the phone's back button moves between them
// and any static server (or the service worker's fallback) can serve the one index.html.
import { useEffect, useState } from 'preact/hooks';

export type Route = 'start' | 'patient' | 'practice';

const HASHES: Record<Route, string> = {
  start: '#/',
  patient: '#/sign-in/patient',
  practice: '#/sign-in/practice',
};

export function routeFromHash(hash: string): Route {
  const match = (Object.keys(HASHES) as Route[]).find((route) => HASHES[route] === hash);
  return match ?? 'start';
}

export function hrefFor(route: Route): string {
  return HASHES[route];
}

/** Replace the current history entry, e.g. after signing in, so "back" does not go to a form. */
export function replaceRoute(route: Route): void {
  const url = route === 'start' ? location.pathname : HASHES[route];
  history.replaceState(null, '', url);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeFromHash(location.hash));
  useEffect(() => {
    const update = () => setRoute(routeFromHash(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
