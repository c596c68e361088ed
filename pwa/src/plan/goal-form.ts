// The clinician's goal form and what it sends: a new goal, or only the fields that changed.
import type { Goal, GoalCreate, GoalProgress, GoalStatus, GoalUpdate } from '../api/types';
import { scaleFrom, scaleText } from './goal-labels';

export interface GoalForm {
  description: string;
  status: GoalStatus;
  progress: GoalProgress;
  importance: string;
  confidence: string;
  target_date: string;
}

export const GOAL_FIELDS: readonly (keyof GoalForm)[] = [
  'description',
  'status',
  'progress',
  'importance',
  'confidence',
  'target_date',
];

export const emptyGoalForm = (): GoalForm => ({
  description: '',
  status: 'active',
  progress: 'not_started',
  importance: '',
  confidence: '',
  target_date: '',
});

export const goalToForm = (goal: Goal): GoalForm => ({
  description: goal.description,
  status: goal.status,
  progress: goal.progress,
  importance: scaleText(goal.importance),
  confidence: scaleText(goal.confidence),
  target_date: goal.target_date ?? '',
});

const dateOrNull = (text: string) => (text.trim() === '' ? null : text.trim());

export function goalCreate(form: GoalForm): GoalCreate {
  return {
    description: form.description.trim(),
    status: form.status,
    progress: form.progress,
    importance: scaleFrom(form.importance),
    confidence: scaleFrom(form.confidence),
    target_date: dateOrNull(form.target_date),
  };
}

/** The fields that differ from the goal as read, with its version; null when none do. */
export function goalUpdate(goal: Goal, form: GoalForm): GoalUpdate | null {
  const wanted = goalCreate(form);
  const update: GoalUpdate = { version: goal.version };
  let changed = false;
  if (wanted.description !== goal.description) {
    update.description = wanted.description;
    changed = true;
  }
  if (wanted.status !== goal.status) {
    update.status = wanted.status!;
    changed = true;
  }
  if (wanted.progress !== goal.progress) {
    update.progress = wanted.progress!;
    changed = true;
  }
  if (wanted.importance !== goal.importance) {
    update.importance = wanted.importance ?? null;
    changed = true;
  }
  if (wanted.confidence !== goal.confidence) {
    update.confidence = wanted.confidence ?? null;
    changed = true;
  }
  if (wanted.target_date !== goal.target_date) {
    update.target_date = wanted.target_date ?? null;
    changed = true;
  }
  return changed ? update : null;
}
