import { describe, expect, it } from 'vitest';
import { hrefFor, routeFromHash, type Route } from '../../src/navigation';

const ROUTES: Route[] = [
  { name: 'start' },
  { name: 'patient-sign-in' },
  { name: 'practice-sign-in' },
  { name: 'today' },
  { name: 'goals' },
  { name: 'readings' },
  { name: 'reading', readingType: 'blood_pressure' },
  { name: 'my-plan' },
  { name: 'review' },
  { name: 'changes', from: 'my-plan' },
  { name: 'changes', from: 'review' },
  { name: 'patients' },
  { name: 'plan-editor', patientId: 'abc123' },
  { name: 'history', patientId: 'abc123' },
  { name: 'messages' },
  { name: 'checkin-settings' },
  { name: 'conversation', patientId: 'abc123' },
  { name: 'checkins', patientId: 'abc123' },
  { name: 'inbox' },
  { name: 'inbox-item', itemId: 'item/1' },
  { name: 'caseload' },
  { name: 'carers' },
  { name: 'access-log' },
  { name: 'share' },
  { name: 'helping' },
];

describe('routeFromHash', () => {
  it('opens "What has changed" under the screen it came from, so Back returns there', () => {
    expect(hrefFor({ name: 'changes', from: 'review' })).toBe('#/review/changes');
    expect(routeFromHash('#/my-plan/changes')).toEqual({ name: 'changes', from: 'my-plan' });
  });

  it.each(ROUTES)('round-trips $name through its href', (route) => {
    expect(routeFromHash(hrefFor(route))).toEqual(route);
  });

  it('encodes ids that need it, and decodes them back', () => {
    const route: Route = { name: 'plan-editor', patientId: 'a/b c' };
    expect(hrefFor(route)).toBe('#/patients/a%2Fb%20c/plan');
    expect(routeFromHash(hrefFor(route))).toEqual(route);
  });

  it('treats an empty or unknown hash as the start screen', () => {
    expect(routeFromHash('')).toEqual({ name: 'start' });
    expect(routeFromHash('#maincontent')).toEqual({ name: 'start' });
    expect(routeFromHash('#/patients/x/unknown')).toEqual({ name: 'start' });
    expect(routeFromHash('#/goals/changes')).toEqual({ name: 'start' });
  });
});
