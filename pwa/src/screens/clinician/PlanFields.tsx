import { useRef, useState } from 'preact/hooks';
import { readPlan, updatePlan } from '../../api/careplan';
import { isConflict } from '../../api/errors';
import type { CarePlan } from '../../api/types';
import { AlertBox } from '../../components/AlertBox';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Textarea } from '../../components/fields';
import { TextInput } from '../../components/TextInput';
import { describeError } from '../../forms/describe-error';
import { errorFor, type FieldError } from '../../forms/field-error';
import { useI18n } from '../../i18n/I18nProvider';
import { newId } from '../../offline/ids';
import {
  checkPlanForm,
  emptyCondition,
  emptySupport,
  mergeAfterConflict,
  planToForm,
  planUpdate,
  type PlanField,
  type PlanForm,
  type PlanProblem,
} from '../../plan/plan-form';
import type { MessageKey } from '../../i18n/en';
import { ConditionFields } from './ConditionFields';
import { SupportFields } from './SupportFields';

const FIELD_IDS: Record<PlanField, string> = {
  what_matters: 'plan-what-matters',
  about_me: 'plan-about-me',
  review_date: 'plan-review-date',
  conditions: 'plan-conditions',
  support: 'plan-support',
};

const PROBLEM_MESSAGES: Record<PlanProblem['problem'], MessageKey> = {
  'condition-name': 'editor.errorConditionName',
  snomed: 'editor.errorSnomed',
  'support-name': 'editor.errorSupportName',
};

/**
 * The plan's own fields, saved together with the version they were read at. If someone else
 * saved first (409), their plan is loaded and what this clinician typed is laid over it.
 */
export function PlanFields({ patientId, initial, onSaved }: {
  patientId: string;
  initial: CarePlan;
  onSaved: (plan: CarePlan) => void;
}) {
  const { t } = useI18n();
  const [base, setBase] = useState<PlanForm>(() => planToForm(initial));
  const [version, setVersion] = useState(initial.version);
  const [form, setForm] = useState<PlanForm>(base);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<PlanField[] | null>(null);
  const [message, setMessage] = useState('');
  const sending = useRef(false);

  const fieldLabel = (field: PlanField) => t(`editor.field.${field}`);

  const adoptSaved = (plan: CarePlan) => {
    const saved = planToForm(plan);
    setBase(saved);
    setForm(saved);
    setVersion(plan.version);
    onSaved(plan);
  };

  const reloadAfterConflict = async () => {
    const theirs = await readPlan(patientId);
    const theirsForm = planToForm(theirs);
    const { merged, bothChanged } = mergeAfterConflict(base, form, theirsForm);
    setBase(theirsForm);
    setVersion(theirs.version);
    setForm(merged);
    setConflict(bothChanged);
    onSaved(theirs);
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (sending.current) return;
    setMessage('');
    const problems = checkPlanForm(form).map(({ fieldId, problem }) => ({
      fieldId,
      message: t(PROBLEM_MESSAGES[problem]),
    }));
    setErrors(problems);
    if (problems.length > 0) return;
    const update = planUpdate(base, form, version);
    if (!update) {
      setMessage(t('editor.noChanges'));
      return;
    }
    sending.current = true;
    try {
      const saved = await updatePlan(patientId, update);
      setConflict(null);
      adoptSaved(saved);
      setMessage(t('editor.saved', { version: saved.version }));
    } catch (error) {
      try {
        if (isConflict(error)) await reloadAfterConflict();
        else setErrors([{ fieldId: FIELD_IDS.what_matters, message: describeError(error, t) }]);
      } catch (reloadError) {
        setErrors([{ fieldId: FIELD_IDS.what_matters, message: describeError(reloadError, t) }]);
      }
    } finally {
      sending.current = false;
    }
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} novalidate aria-labelledby="plan-fields-title">
      <h2 id="plan-fields-title">{t('editor.planTitle')}</h2>
      {conflict && (
        <AlertBox title={t('editor.conflictTitle')}>
          <p>{t('editor.conflict')}</p>
          {conflict.length > 0 && <p>{t('editor.conflictBoth', { fields: conflict.map(fieldLabel).join(', ') })}</p>}
        </AlertBox>
      )}
      <ErrorSummary errors={errors} />
      <Textarea
        id={FIELD_IDS.what_matters}
        label={fieldLabel('what_matters')}
        hint={t('editor.ownWordsHint')}
        labelClass="nhsuk-label--s"
        maxLength={4000}
        value={form.what_matters}
        onInput={(event) => setForm({ ...form, what_matters: event.currentTarget.value })}
      />
      <Textarea
        id={FIELD_IDS.about_me}
        label={fieldLabel('about_me')}
        hint={t('editor.ownWordsHint')}
        labelClass="nhsuk-label--s"
        maxLength={4000}
        value={form.about_me}
        onInput={(event) => setForm({ ...form, about_me: event.currentTarget.value })}
      />
      <TextInput
        id={FIELD_IDS.review_date}
        type="date"
        label={fieldLabel('review_date')}
        value={form.review_date}
        onInput={(event) => setForm({ ...form, review_date: event.currentTarget.value })}
      />
      <h3 id={FIELD_IDS.conditions} tabIndex={-1}>
        {fieldLabel('conditions')}
      </h3>
      {form.conditions.map((condition, index) => (
        <ConditionFields
          key={condition.id}
          condition={condition}
          errorFor={(fieldId) => errorFor(errors, fieldId)}
          onChange={(next) => setForm({ ...form, conditions: form.conditions.map((c, i) => (i === index ? next : c)) })}
          onRemove={() => setForm({ ...form, conditions: form.conditions.filter((_, i) => i !== index) })}
        />
      ))}
      <button
        class="nhsuk-button nhsuk-button--secondary"
        type="button"
        onClick={() => setForm({ ...form, conditions: [...form.conditions, emptyCondition(newId())] })}
      >
        {t('editor.addCondition')}
      </button>
      <h3 id={FIELD_IDS.support} tabIndex={-1}>
        {fieldLabel('support')}
      </h3>
      {form.support.length === 0 && <p>{t('plan.noSupport')}</p>}
      {form.support.map((service, index) => (
        <SupportFields
          key={service.id}
          service={service}
          errorFor={(fieldId) => errorFor(errors, fieldId)}
          onChange={(next) => setForm({ ...form, support: form.support.map((s, i) => (i === index ? next : s)) })}
          onRemove={() => setForm({ ...form, support: form.support.filter((_, i) => i !== index) })}
        />
      ))}
      <button
        class="nhsuk-button nhsuk-button--secondary"
        type="button"
        onClick={() => setForm({ ...form, support: [...form.support, emptySupport(newId())] })}
      >
        {t('editor.addSupport')}
      </button>
      <div class="app-button-group">
        <button class="nhsuk-button" type="submit">
          {t('editor.save')}
        </button>
      </div>
      <p role="status" class="app-status app-confirmation">
        {message}
      </p>
    </form>
  );
}
