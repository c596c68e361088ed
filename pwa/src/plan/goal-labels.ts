import type { GoalProgress, GoalStatus } from '../api/types';

export const GOAL_STATUSES: readonly GoalStatus[] = ['proposed', 'active', 'paused', 'achieved', 'abandoned'];
export const GOAL_PROGRESS: readonly GoalProgress[] = [
  'not_started',
  'in_progress',
  'improving',
  'no_change',
  'worsening',
  'achieved',
];

/** The NHS.UK tag colour for a goal's status. */
export const STATUS_TAG: Record<GoalStatus, string> = {
  proposed: 'nhsuk-tag--white',
  active: 'nhsuk-tag--blue',
  paused: 'nhsuk-tag--yellow',
  achieved: 'nhsuk-tag--green',
  abandoned: 'nhsuk-tag--grey',
};

/** 0 to 10 for importance and confidence, and '' for "not given". */
export const SCALE_VALUES: readonly string[] = ['', ...Array.from({ length: 11 }, (_, n) => String(n))];

export const scaleFrom = (value: string): number | null => (value === '' ? null : Number(value));
export const scaleText = (value: number | null | undefined): string => (value === null || value === undefined ? '' : String(value));
