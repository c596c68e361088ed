import type { Condition, ZoneName } from '../api/types';

const ZONES: readonly ZoneName[] = ['green', 'amber', 'red'];

/**
 * Everyone the plan says to call when the person gets worse (the practice, a specialist
 * nurse, 111), once each: with the care team, the contacts a printed plan must carry.
 * 999 is left out: the emergency line is always shown above the conditions.
 */
export function whoToCall(conditions: readonly Condition[]): string[] {
  const all = conditions.flatMap((condition) => ZONES.map((name) => condition.if_worse?.[name]?.who_to_call?.trim() ?? ''));
  return [...new Set(all.filter((who) => who !== '' && who !== '999'))];
}
