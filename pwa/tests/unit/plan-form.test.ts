import { describe, expect, it } from 'vitest';
import type { CarePlan } from '../../src/api/types';
import {
  changedFields,
  checkPlanForm,
  conditionsFromForm,
  emptyCondition,
  emptySupport,
  mergeAfterConflict,
  planToForm,
  planUpdate,
  supportFromForm,
  type PlanForm,
} from '../../src/plan/plan-form';

const plan: CarePlan = {
  patient_id: 'p1',
  version: 4,
  about_me: 'I live with my husband.',
  what_matters: 'My grandchildren.',
  review_date: '2027-03-15',
  conditions: [
    {
      id: 'copd',
      display: 'COPD',
      snomed_code: '13645005',
      if_worse: {
        green: { signs: ['Breathing as usual'], what_to_do: ['Usual inhalers'], who_to_call: '' },
        amber: { signs: ['More breathless', 'Coughing more'], what_to_do: ['Rescue pack'], who_to_call: 'The practice' },
        red: { signs: [], what_to_do: ['Call 999'], who_to_call: '999' },
      },
    },
  ],
  support: [],
  care_team: [],
  goals: [],
  actions: [],
  updated_at: 1,
};

describe('planToForm and conditionsFromForm', () => {
  it('round-trip the conditions, one sign or step per line', () => {
    const form = planToForm(plan);
    expect(form.conditions[0]!.zones.amber.signs).toBe('More breathless\nCoughing more');
    expect(conditionsFromForm(form.conditions)).toEqual(plan.conditions);
  });

  it('drop blank lines and spaces, and send an empty code as null', () => {
    const condition = emptyCondition('c2');
    condition.display = '  Asthma ';
    condition.snomed_code = ' ';
    condition.zones.red.signs = '\n  Lips turning blue  \n\n';
    expect(conditionsFromForm([condition])[0]).toMatchObject({
      id: 'c2',
      display: 'Asthma',
      snomed_code: null,
      if_worse: { red: { signs: ['Lips turning blue'], what_to_do: [], who_to_call: '' } },
    });
  });

  it('shows an unset review date as an empty field', () => {
    expect(planToForm({ ...plan, review_date: null }).review_date).toBe('');
  });
});

describe('planUpdate', () => {
  const base = planToForm(plan);

  it('is null when nothing changed (trailing blank lines are not a change)', () => {
    const mine = planToForm(plan);
    mine.conditions[0]!.zones.amber.signs += '\n\n';
    expect(planUpdate(base, mine, 4)).toBeNull();
  });

  it('sends only the changed fields, with the version read', () => {
    const mine: PlanForm = { ...base, what_matters: 'Getting back to the allotment.' };
    expect(planUpdate(base, mine, 4)).toEqual({ version: 4, what_matters: 'Getting back to the allotment.' });
  });

  it('sends all conditions when one changed, and a cleared review date as null', () => {
    const mine = planToForm(plan);
    mine.conditions[0]!.zones.red.who_to_call = '999 or 111';
    mine.review_date = '';
    const update = planUpdate(base, mine, 4)!;
    expect(Object.keys(update).sort()).toEqual(['conditions', 'review_date', 'version']);
    expect(update.review_date).toBeNull();
    expect(update.conditions![0]!.if_worse!.red!.who_to_call).toBe('999 or 111');
  });
});

describe('mergeAfterConflict', () => {
  const base = planToForm(plan);

  it('keeps what I typed, takes their other changes, and flags nothing when we changed different fields', () => {
    const mine: PlanForm = { ...base, what_matters: 'Dancing at the wedding.' };
    const theirs: PlanForm = { ...base, about_me: 'Lives alone since March.' };
    const { merged, bothChanged } = mergeAfterConflict(base, mine, theirs);
    expect(merged).toEqual({ ...base, what_matters: 'Dancing at the wedding.', about_me: 'Lives alone since March.' });
    expect(bothChanged).toEqual([]);
    // Saving the merge against their version sends exactly my edit.
    expect(planUpdate(theirs, merged, 5)).toEqual({ version: 5, what_matters: 'Dancing at the wedding.' });
  });

  it('keeps my words where we both changed a field, and says so', () => {
    const mine: PlanForm = { ...base, what_matters: 'Mine.' };
    const theirs: PlanForm = { ...base, what_matters: 'Theirs.', review_date: '2027-04-01' };
    const { merged, bothChanged } = mergeAfterConflict(base, mine, theirs);
    expect(merged.what_matters).toBe('Mine.');
    expect(merged.review_date).toBe('2027-04-01');
    expect(bothChanged).toEqual(['what_matters']);
  });

  it('does not flag a field we both changed to the same thing', () => {
    const same: PlanForm = { ...base, about_me: 'Same words.' };
    expect(mergeAfterConflict(base, same, { ...same }).bothChanged).toEqual([]);
  });

  it('treats the conditions as one field', () => {
    const mine = planToForm(plan);
    mine.conditions.push({ ...emptyCondition('asthma'), display: 'Asthma' });
    const theirs = planToForm(plan);
    theirs.conditions[0]!.display = 'Chronic obstructive pulmonary disease';
    const { merged, bothChanged } = mergeAfterConflict(base, mine, theirs);
    expect(merged.conditions.map((c) => c.display)).toEqual(['COPD', 'Asthma']);
    expect(bothChanged).toEqual(['conditions']);
    expect(changedFields(theirs, merged)).toEqual(['conditions']);
  });
});

describe('checkPlanForm', () => {
  it('needs a name for every condition and a well-formed SNOMED code if one is given', () => {
    const form = planToForm(plan);
    form.conditions.push({ ...emptyCondition('x'), snomed_code: '12AB' });
    form.conditions.push({ ...emptyCondition('y'), display: 'Gout', snomed_code: '90560007' });
    expect(checkPlanForm(form)).toEqual([
      { fieldId: 'condition-x-display', problem: 'condition-name' },
      { fieldId: 'condition-x-snomed', problem: 'snomed' },
    ]);
    expect(checkPlanForm(planToForm(plan))).toEqual([]);
  });
});

describe('support services', () => {
  const walking = {
    id: 'walk',
    name: 'Riverside walking group',
    kind: 'community_group' as const,
    how_to_reach: 'Tuesdays 10am at the library',
    status: 'using' as const,
  };
  const withSupport: CarePlan = { ...plan, support: [walking] };

  it('round-trip through the form, words trimmed', () => {
    const form = planToForm(withSupport);
    expect(supportFromForm(form.support)).toEqual([walking]);
    form.support[0]!.name = '  Riverside walking group ';
    form.support[0]!.how_to_reach = ' Tuesdays 10am at the library  ';
    expect(supportFromForm(form.support)).toEqual([walking]);
  });

  it('are saved with the plan version, all together, only when one changed', () => {
    const base = planToForm(withSupport);
    const mine = planToForm(withSupport);
    mine.support[0]!.how_to_reach += ' ';
    expect(planUpdate(base, mine, 4)).toBeNull();

    mine.support[0]!.status = 'tried';
    mine.support.push({ ...emptySupport('peer'), name: 'Breathe Easy', kind: 'peer_support', status: 'want_to_try' });
    expect(planUpdate(base, mine, 4)).toEqual({
      version: 4,
      support: [
        { ...walking, status: 'tried' },
        { id: 'peer', name: 'Breathe Easy', kind: 'peer_support', how_to_reach: '', status: 'want_to_try' },
      ],
    });
  });

  it('sends an empty list when the last one is removed', () => {
    const base = planToForm(withSupport);
    expect(planUpdate(base, { ...base, support: [] }, 4)).toEqual({ version: 4, support: [] });
  });

  it('need a name', () => {
    const form = planToForm(withSupport);
    form.support.push(emptySupport('new'));
    expect(checkPlanForm(form)).toEqual([{ fieldId: 'support-new-name', problem: 'support-name' }]);
  });

  it('keep what was typed after someone else saved first', () => {
    const base = planToForm(withSupport);
    const mine = planToForm(withSupport);
    mine.support[0]!.status = 'tried';
    const theirs = { ...planToForm(withSupport), what_matters: 'Their words.' };
    const { merged, bothChanged } = mergeAfterConflict(base, mine, theirs);
    expect(merged.support[0]!.status).toBe('tried');
    expect(merged.what_matters).toBe('Their words.');
    expect(bothChanged).toEqual([]);
  });
});
