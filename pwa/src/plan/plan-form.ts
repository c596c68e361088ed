// The plan editor's form: the plan's own fields as the clinician types them (textareas hold
// one sign or step per line), what to send when saving, and how to keep what they typed when
// someone else saved first (409).
import type { CarePlan, Condition, PlanUpdate, ZoneName } from '../api/types';

export const ZONE_NAMES: readonly ZoneName[] = ['green', 'amber', 'red'];

export interface ZoneForm {
  signs: string;
  what_to_do: string;
  who_to_call: string;
}

export interface ConditionForm {
  id: string;
  display: string;
  snomed_code: string;
  zones: Record<ZoneName, ZoneForm>;
}

export interface PlanForm {
  about_me: string;
  what_matters: string;
  review_date: string;
  conditions: ConditionForm[];
}

export type PlanField = keyof PlanForm;
export const PLAN_FIELDS: readonly PlanField[] = ['what_matters', 'about_me', 'review_date', 'conditions'];

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

export function emptyCondition(id: string): ConditionForm {
  const zone = (): ZoneForm => ({ signs: '', what_to_do: '', who_to_call: '' });
  return { id, display: '', snomed_code: '', zones: { green: zone(), amber: zone(), red: zone() } };
}

function conditionToForm(condition: Condition): ConditionForm {
  const form = emptyCondition(condition.id);
  form.display = condition.display;
  form.snomed_code = condition.snomed_code ?? '';
  for (const name of ZONE_NAMES) {
    const zone = condition.if_worse?.[name];
    form.zones[name] = {
      signs: (zone?.signs ?? []).join('\n'),
      what_to_do: (zone?.what_to_do ?? []).join('\n'),
      who_to_call: zone?.who_to_call ?? '',
    };
  }
  return form;
}

export function planToForm(plan: CarePlan): PlanForm {
  return {
    about_me: plan.about_me,
    what_matters: plan.what_matters,
    review_date: plan.review_date ?? '',
    conditions: plan.conditions.map(conditionToForm),
  };
}

/** The conditions as the API takes them: blank lines dropped, words trimmed. */
export function conditionsFromForm(forms: readonly ConditionForm[]): Condition[] {
  return forms.map((form) => {
    const zone = (name: ZoneName) => ({
      signs: lines(form.zones[name].signs),
      what_to_do: lines(form.zones[name].what_to_do),
      who_to_call: form.zones[name].who_to_call.trim(),
    });
    return {
      id: form.id,
      display: form.display.trim(),
      snomed_code: form.snomed_code.trim() === '' ? null : form.snomed_code.trim(),
      if_worse: { green: zone('green'), amber: zone('amber'), red: zone('red') },
    };
  });
}

/** A field's value as it would be sent, so "typed a space" is not a change. */
function sent(form: PlanForm, field: PlanField): unknown {
  switch (field) {
    case 'conditions':
      return conditionsFromForm(form.conditions);
    case 'review_date':
      return form.review_date.trim() === '' ? null : form.review_date.trim();
    default:
      return form[field];
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function changedFields(base: PlanForm, mine: PlanForm): PlanField[] {
  return PLAN_FIELDS.filter((field) => !same(sent(base, field), sent(mine, field)));
}

/** Only what changed since `base`, with the version it was based on; null if nothing did. */
export function planUpdate(base: PlanForm, mine: PlanForm, version: number): PlanUpdate | null {
  const fields = changedFields(base, mine);
  if (fields.length === 0) return null;
  const update: PlanUpdate = { version };
  for (const field of fields) {
    if (field === 'conditions') update.conditions = conditionsFromForm(mine.conditions);
    else if (field === 'review_date') update.review_date = sent(mine, field) as string | null;
    else update[field] = mine[field];
  }
  return update;
}

/**
 * After a 409: start from their saved plan and lay the clinician's own edits over it, field by
 * field, so nothing typed is lost and nothing they did not touch is put back. `bothChanged`
 * lists fields both people changed, where the typed version wins and should be checked.
 */
export function mergeAfterConflict(
  base: PlanForm,
  mine: PlanForm,
  theirs: PlanForm,
): { merged: PlanForm; bothChanged: PlanField[] } {
  const merged: PlanForm = { ...theirs };
  const bothChanged: PlanField[] = [];
  for (const field of PLAN_FIELDS) {
    const mineChanged = !same(sent(base, field), sent(mine, field));
    if (!mineChanged) continue;
    (merged as unknown as Record<PlanField, unknown>)[field] = mine[field];
    const theirsChanged = !same(sent(base, field), sent(theirs, field));
    if (theirsChanged && !same(sent(mine, field), sent(theirs, field))) bothChanged.push(field);
  }
  return { merged, bothChanged };
}

export type PlanProblem =
  | { fieldId: string; problem: 'condition-name' }
  | { fieldId: string; problem: 'snomed' };

export const conditionFieldId = (conditionId: string, part: string) => `condition-${conditionId}-${part}`;

/** What must be put right before the plan can be sent. */
export function checkPlanForm(form: PlanForm): PlanProblem[] {
  const problems: PlanProblem[] = [];
  for (const condition of form.conditions) {
    if (condition.display.trim() === '') {
      problems.push({ fieldId: conditionFieldId(condition.id, 'display'), problem: 'condition-name' });
    }
    const code = condition.snomed_code.trim();
    if (code !== '' && !/^\d{6,18}$/.test(code)) {
      problems.push({ fieldId: conditionFieldId(condition.id, 'snomed'), problem: 'snomed' });
    }
  }
  return problems;
}
