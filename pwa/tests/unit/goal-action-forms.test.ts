import { describe, expect, it } from 'vitest';
import type { Goal, PlanAction } from '../../src/api/types';
import { ACTION_FIELDS, actionCreate, actionToForm, actionUpdate, checkActionForm, emptyActionForm } from '../../src/plan/action-form';
import { emptyGoalForm, GOAL_FIELDS, goalCreate, goalToForm, goalUpdate } from '../../src/plan/goal-form';
import { fieldsChanged, mergeEdits } from '../../src/plan/merge-edits';

const goal: Goal = {
  id: 'g1',
  version: 3,
  description: 'Walk to the allotment',
  condition_ids: [],
  target: null,
  target_date: null,
  importance: 8,
  confidence: null,
  status: 'active',
  progress: 'in_progress',
  created_at: 0,
  updated_at: 0,
};

const action: PlanAction = {
  id: 'a1',
  version: 2,
  what: 'Walk',
  goal_id: 'g1',
  frequency: 'weekdays',
  times_per_week: null,
  weekdays: [5, 1],
  time_of_day: 'morning',
  start_date: '2026-11-01',
  created_at: 0,
  updated_at: 0,
};

describe('goal form', () => {
  it('makes a new goal with "not given" scales as null', () => {
    expect(goalCreate({ ...emptyGoalForm(), description: ' Sleep better ', confidence: '4' })).toEqual({
      description: 'Sleep better',
      status: 'active',
      progress: 'not_started',
      importance: null,
      confidence: 4,
      target_date: null,
    });
  });

  it('sends nothing when nothing changed', () => {
    expect(goalUpdate(goal, goalToForm(goal))).toBeNull();
  });

  it('sends only what changed, with the version, clearing a scale as null', () => {
    const form = { ...goalToForm(goal), status: 'achieved' as const, importance: '', target_date: '2027-01-31' };
    expect(goalUpdate(goal, form)).toEqual({ version: 3, status: 'achieved', importance: null, target_date: '2027-01-31' });
  });
});

describe('action form', () => {
  it('sends only the part of the schedule the frequency uses', () => {
    expect(actionCreate({ ...emptyActionForm(), what: 'Stretch', frequency: 'times_per_week', times_per_week: '4', weekdays: ['1'] })).toEqual({
      what: 'Stretch',
      frequency: 'times_per_week',
      times_per_week: 4,
      weekdays: [],
      time_of_day: 'any',
      goal_id: null,
    });
  });

  it('sends nothing when nothing changed (weekday order does not matter)', () => {
    expect(actionUpdate(action, actionToForm(action))).toBeNull();
  });

  it('sends the whole schedule when it changed, so old parts are cleared', () => {
    const form = { ...actionToForm(action), frequency: 'daily' as const };
    expect(actionUpdate(action, form)).toEqual({ version: 2, frequency: 'daily', times_per_week: null, weekdays: [] });
  });

  it('unlinks a goal with null', () => {
    expect(actionUpdate(action, { ...actionToForm(action), goal_id: '' })).toEqual({ version: 2, goal_id: null });
  });

  it('needs words and, for chosen days, at least one day', () => {
    expect(checkActionForm({ ...emptyActionForm(), frequency: 'weekdays' })).toEqual(['what-missing', 'weekdays-missing']);
    expect(checkActionForm(actionToForm(action))).toEqual([]);
  });
});

describe('after someone else saved a goal or action first (409)', () => {
  it('keeps the words typed and takes their other changes; saving sends only mine, at their version', () => {
    const mine = { ...goalToForm(goal), description: 'Walk to the allotment and back' };
    const theirs: Goal = { ...goal, version: 4, status: 'paused' };
    const { merged, bothChanged } = mergeEdits(GOAL_FIELDS, goalToForm(goal), mine, goalToForm(theirs));
    expect(merged).toMatchObject({ description: 'Walk to the allotment and back', status: 'paused' });
    expect(bothChanged).toEqual([]);
    expect(goalUpdate(theirs, merged)).toEqual({ version: 4, description: 'Walk to the allotment and back' });
  });

  it('names the fields both changed differently, keeping what was typed', () => {
    const mine = { ...goalToForm(goal), confidence: '7', importance: '9' };
    const theirs: Goal = { ...goal, version: 4, confidence: 5, importance: 9 };
    const { merged, bothChanged } = mergeEdits(GOAL_FIELDS, goalToForm(goal), mine, goalToForm(theirs));
    expect(merged.confidence).toBe('7');
    expect(bothChanged).toEqual(['confidence']);
  });

  it('does not count spaces around typed words as a change', () => {
    expect(fieldsChanged(GOAL_FIELDS, goalToForm(goal), { ...goalToForm(goal), description: ' Walk to the allotment ' })).toEqual([]);
  });

  it('compares an action\'s days as a list', () => {
    const mine = { ...actionToForm(action), weekdays: ['1', '5', '3'] };
    const theirs: PlanAction = { ...action, version: 3, what: 'Walk to the park' };
    const { merged, bothChanged } = mergeEdits(ACTION_FIELDS, actionToForm(action), mine, actionToForm(theirs));
    expect(merged).toMatchObject({ what: 'Walk to the park', weekdays: ['1', '5', '3'] });
    expect(bothChanged).toEqual([]);
    expect(actionUpdate(theirs, merged)).toEqual({ version: 3, frequency: 'weekdays', times_per_week: null, weekdays: [1, 3, 5] });
  });
});
