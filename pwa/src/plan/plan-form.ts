// The plan editor's form: the plan's own fields as the clinician types them (textareas hold
// one sign or step per line), what to send when saving, and how to keep what they typed when
// someone else saved first (409).
import type { CarePlan, Condition, PlanUpdate, SupportKind, SupportService, SupportStatus, ZoneName } from '../api/types';
import { fieldsChanged, mergeEdits, type Merged } from './merge-edits';

export const ZONE_NAMES: readonly ZoneName[] = ['green', 'amber', 'red'];
export const SUPPORT_KINDS: readonly SupportKind[] = ['community_group', 'peer_support', 'social_prescribing', 'service', 'other'];
export const SUPPORT_STATUSES: readonly SupportStatus[] = ['using', 'want_to_try', 'tried'];

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

/** A community group or service the person uses or wants to try, and how to reach it. */
export interface SupportForm {
  id: string;
  name: string;
  kind: SupportKind;
  how_to_reach: string;
  status: SupportStatus;
}

export interface PlanForm {
  about_me: string;
  what_matters: string;
  review_date: string;
  conditions: ConditionForm[];
  support: SupportForm[];
}

export type PlanField = keyof PlanForm;
export const PLAN_FIELDS: readonly PlanField[] = ['what_matters', 'about_me', 'review_date', 'conditions', 'support'];

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

export const emptySupport = (id: string): SupportForm => ({
  id,
  name: '',
  kind: 'community_group',
  how_to_reach: '',
  status: 'using',
});

export function planToForm(plan: CarePlan): PlanForm {
  return {
    about_me: plan.about_me,
    what_matters: plan.what_matters,
    review_date: plan.review_date ?? '',
    conditions: plan.conditions.map(conditionToForm),
    support: plan.support.map((service) => ({
      id: service.id,
      name: service.name,
      kind: service.kind,
      how_to_reach: service.how_to_reach ?? '',
      status: service.status ?? 'using',
    })),
  };
}

/** The support services as the API takes them, words trimmed. */
export function supportFromForm(forms: readonly SupportForm[]): SupportService[] {
  return forms.map((form) => ({
    id: form.id,
    name: form.name.trim(),
    kind: form.kind,
    how_to_reach: form.how_to_reach.trim(),
    status: form.status,
  }));
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
    case 'support':
      return supportFromForm(form.support);
    case 'review_date':
      return form.review_date.trim() === '' ? null : form.review_date.trim();
    default:
      return form[field];
  }
}

export function changedFields(base: PlanForm, mine: PlanForm): PlanField[] {
  return fieldsChanged(PLAN_FIELDS, base, mine, sent);
}

/** Only what changed since `base`, with the version it was based on; null if nothing did. */
export function planUpdate(base: PlanForm, mine: PlanForm, version: number): PlanUpdate | null {
  const fields = changedFields(base, mine);
  if (fields.length === 0) return null;
  const update: PlanUpdate = { version };
  for (const field of fields) {
    if (field === 'conditions') update.conditions = conditionsFromForm(mine.conditions);
    else if (field === 'support') update.support = supportFromForm(mine.support);
    else if (field === 'review_date') update.review_date = sent(mine, field) as string | null;
    else update[field] = mine[field];
  }
  return update;
}

/** After a 409: their saved plan with the clinician's own edits laid over it, field by field. */
export function mergeAfterConflict(base: PlanForm, mine: PlanForm, theirs: PlanForm): Merged<PlanForm> {
  return mergeEdits(PLAN_FIELDS, base, mine, theirs, sent);
}

export type PlanProblem = { fieldId: string; problem: 'condition-name' | 'snomed' | 'support-name' };

export const conditionFieldId = (conditionId: string, part: string) => `condition-${conditionId}-${part}`;
export const supportFieldId = (serviceId: string, part: string) => `support-${serviceId}-${part}`;

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
  for (const service of form.support) {
    if (service.name.trim() === '') {
      problems.push({ fieldId: supportFieldId(service.id, 'name'), problem: 'support-name' });
    }
  }
  return problems;
}
