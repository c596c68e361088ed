// Screens live in the URL hash, so the phone's back button moves between them and any static
// server (or the service worker's fallback) can serve the one index.html.
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { name: 'start' }
  | { name: 'patient-sign-in' }
  | { name: 'practice-sign-in' }
  | { name: 'today' }
  | { name: 'goals' }
  | { name: 'readings' }
  | { name: 'reading'; readingType: string }
  | { name: 'my-plan' }
  | { name: 'review' }
  /** "What has changed", reached from My plan or from Prepare for my review (back goes there). */
  | { name: 'changes'; from: 'my-plan' | 'review' }
  | { name: 'messages' }
  | { name: 'checkin-settings' }
  | { name: 'patients' }
  | { name: 'plan-editor'; patientId: string }
  | { name: 'history'; patientId: string }
  /** A patient's messages, for the care team to read and reply to. */
  | { name: 'conversation'; patientId: string }
  /** A patient's check-in schedules, for the care team to set up. */
  | { name: 'checkins'; patientId: string }
  | { name: 'inbox' }
  | { name: 'inbox-item'; itemId: string }
  | { name: 'caseload' }
  /** The patient's carers: invite, change what they may do, end their access. */
  | { name: 'carers' }
  /** Who viewed or changed the patient's record. */
  | { name: 'access-log' }
  /** The patient's "my story" share links: make one, see views, stop one. */
  | { name: 'share' }
  /** A carer's home: the people they help and invitations waiting for them. */
  | { name: 'helping' };

export type RouteName = Route['name'];

const FIXED: Partial<Record<RouteName, string>> = {
  start: '#/',
  'patient-sign-in': '#/sign-in/patient',
  'practice-sign-in': '#/sign-in/practice',
  today: '#/today',
  goals: '#/goals',
  readings: '#/readings',
  'my-plan': '#/my-plan',
  review: '#/review',
  messages: '#/messages',
  'checkin-settings': '#/messages/settings',
  patients: '#/patients',
  inbox: '#/inbox',
  caseload: '#/caseload',
  carers: '#/carers',
  'access-log': '#/access-log',
  share: '#/share',
  helping: '#/helping',
};

const segment = (value: string) => encodeURIComponent(value);

/** A patient's pages for the care team: `#/patients/{id}/<page>`. */
const PATIENT_PAGES = {
  plan: 'plan-editor',
  history: 'history',
  messages: 'conversation',
  checkins: 'checkins',
} as const;

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'reading':
      return `#/readings/${segment(route.readingType)}`;
    case 'changes':
      return `#/${route.from}/changes`;
    case 'plan-editor':
      return `#/patients/${segment(route.patientId)}/plan`;
    case 'history':
      return `#/patients/${segment(route.patientId)}/history`;
    case 'conversation':
      return `#/patients/${segment(route.patientId)}/messages`;
    case 'checkins':
      return `#/patients/${segment(route.patientId)}/checkins`;
    case 'inbox-item':
      return `#/inbox/${segment(route.itemId)}`;
    default:
      return FIXED[route.name]!;
  }
}

/** The screen a hash names; anything else (empty, unknown, a fragment id) is the start. */
export function routeFromHash(hash: string): Route {
  const fixed = (Object.keys(FIXED) as RouteName[]).find((name) => FIXED[name] === hash);
  if (fixed) return { name: fixed } as Route;
  let match = /^#\/readings\/([^/]+)$/.exec(hash);
  if (match) return { name: 'reading', readingType: decodeURIComponent(match[1]!) };
  match = /^#\/(my-plan|review)\/changes$/.exec(hash);
  if (match) return { name: 'changes', from: match[1] as 'my-plan' | 'review' };
  match = /^#\/patients\/([^/]+)\/(plan|history|messages|checkins)$/.exec(hash);
  if (match) {
    const patientId = decodeURIComponent(match[1]!);
    const name = PATIENT_PAGES[match[2] as keyof typeof PATIENT_PAGES];
    return { name, patientId };
  }
  match = /^#\/inbox\/([^/]+)$/.exec(hash);
  if (match) return { name: 'inbox-item', itemId: decodeURIComponent(match[1]!) };
  return { name: 'start' };
}

/** Replace the current history entry, e.g. after signing in, so "back" does not go to a form. */
export function replaceRoute(route: Route): void {
  const url = route.name === 'start' ? location.pathname : hrefFor(route);
  history.replaceState(null, '', url);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function navigate(route: Route): void {
  location.hash = hrefFor(route);
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
