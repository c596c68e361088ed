import { describe, expect, it } from 'vitest';
import { hrefFor, routeFromHash } from '../../src/navigation';

describe('routeFromHash', () => {
  it('round-trips every route through its href', () => {
    for (const route of ['start', 'patient', 'practice'] as const) {
      expect(routeFromHash(hrefFor(route))).toBe(route);
    }
  });

  it('treats an empty or unknown hash as the start screen', () => {
    expect(routeFromHash('')).toBe('start');
    expect(routeFromHash('#maincontent')).toBe('start');
  });
});
