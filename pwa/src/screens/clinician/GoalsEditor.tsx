import { useState } from 'preact/hooks';
import { createGoal, deleteGoal, readPlan, updateGoal } from '../../api/careplan';
import { isConflict } from '../../api/errors';
import type { CarePlan, Goal, GoalProgress, GoalStatus } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Select, Textarea } from '../../components/fields';
import { GoalSummary } from '../../components/GoalSummary';
import { TextInput } from '../../components/TextInput';
import { describeError } from '../../forms/describe-error';
import { errorFor, type FieldError } from '../../forms/field-error';
import { useI18n } from '../../i18n/I18nProvider';
import { emptyGoalForm, GOAL_FIELDS, goalCreate, goalToForm, goalUpdate, type GoalForm } from '../../plan/goal-form';
import { GOAL_PROGRESS, GOAL_STATUSES, SCALE_VALUES } from '../../plan/goal-labels';
import { ItemConflict } from './ItemConflict';
import { useItemForm } from './use-item-form';

function GoalFields({ prefix, form, errors, onChange }: {
  prefix: string;
  form: GoalForm;
  errors: readonly FieldError[];
  onChange: (form: GoalForm) => void;
}) {
  const { t } = useI18n();
  const scale = SCALE_VALUES.map((value) => ({ value, label: value === '' ? t('goals.scaleNotSure') : value }));
  return (
    <>
      <Textarea
        id={`${prefix}-description`}
        label={t('editor.goalDescription')}
        hint={t('editor.ownWordsHint')}
        error={errorFor(errors, `${prefix}-description`)}
        rows={2}
        maxLength={500}
        value={form.description}
        onInput={(event) => onChange({ ...form, description: event.currentTarget.value })}
      />
      <Select
        id={`${prefix}-status`}
        label={t('editor.goalStatus')}
        options={GOAL_STATUSES.map((value) => ({ value, label: t(`goals.status.${value}`) }))}
        value={form.status}
        onChange={(value) => onChange({ ...form, status: value as GoalStatus })}
      />
      <Select
        id={`${prefix}-progress`}
        label={t('editor.goalProgress')}
        options={GOAL_PROGRESS.map((value) => ({ value, label: t(`goals.progress.${value}`) }))}
        value={form.progress}
        onChange={(value) => onChange({ ...form, progress: value as GoalProgress })}
      />
      <Select
        id={`${prefix}-importance`}
        label={t('editor.importance')}
        options={scale}
        value={form.importance}
        onChange={(value) => onChange({ ...form, importance: value })}
      />
      <Select
        id={`${prefix}-confidence`}
        label={t('editor.confidence')}
        options={scale}
        value={form.confidence}
        onChange={(value) => onChange({ ...form, confidence: value })}
      />
      <TextInput
        id={`${prefix}-target-date`}
        type="date"
        label={t('editor.targetDate')}
        value={form.target_date}
        onInput={(event) => onChange({ ...form, target_date: event.currentTarget.value })}
      />
    </>
  );
}

type Report = (message: string, reload: boolean) => void;

/** `onConflict` handles a 409 (someone else saved first); without it, the 409 is reported. */
function useGoalSubmit(report: Report, onConflict?: () => Promise<void>) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const run = async (descriptionField: string, form: GoalForm, send: () => Promise<string>) => {
    if (form.description.trim() === '') {
      setErrors([{ fieldId: descriptionField, message: t('goals.errorDescriptionMissing') }]);
      return;
    }
    setErrors([]);
    try {
      report(await send(), true);
    } catch (error) {
      try {
        if (isConflict(error) && onConflict) await onConflict();
        else setErrors([{ fieldId: descriptionField, message: describeError(error, t) }]);
      } catch (reloadError) {
        setErrors([{ fieldId: descriptionField, message: describeError(reloadError, t) }]);
      }
    }
  };
  return { errors, run };
}

function GoalEditor({ patientId, goal, report }: { patientId: string; goal: Goal; report: Report }) {
  const { t } = useI18n();
  const { base, form, setForm, bothChanged, saved, conflicted } = useItemForm(goal, goalToForm, GOAL_FIELDS);
  const prefix = `goal-${goal.id}`;

  // Someone else saved first: load their goal and keep what was typed over it.
  const onConflict = async () => {
    const theirs = (await readPlan(patientId)).goals.find((g) => g.id === goal.id);
    if (theirs) conflicted(theirs);
    report(theirs ? '' : t('editor.goalGone'), true);
  };
  const { errors, run } = useGoalSubmit(report, onConflict);

  const save = (event: Event) => {
    event.preventDefault();
    void run(`${prefix}-description`, form, async () => {
      const update = goalUpdate(base, form);
      if (!update) return t('editor.noChanges');
      saved(await updateGoal(patientId, goal.id, update));
      return t('editor.goalSaved');
    });
  };
  const remove = () =>
    void run(`${prefix}-description`, form, async () => {
      await deleteGoal(patientId, goal.id, base.version);
      return t('editor.goalDeleted');
    });

  return (
    <li class="app-editor-item">
      <GoalSummary goal={goal} />
      <details class="nhsuk-details">
        <summary class="nhsuk-details__summary">
          <span class="nhsuk-details__summary-text">
            {t('editor.changeGoal')}
            <span class="nhsuk-u-visually-hidden">: {goal.description}</span>
          </span>
        </summary>
        <div class="nhsuk-details__text">
          <form onSubmit={save} novalidate>
            {bothChanged && <ItemConflict kind="goal" bothChanged={bothChanged} />}
            <ErrorSummary errors={errors} />
            <GoalFields prefix={prefix} form={form} errors={errors} onChange={setForm} />
            <div class="app-button-group">
              <button class="nhsuk-button" type="submit">
                {t('editor.saveGoal')}
              </button>
              <button class="nhsuk-button nhsuk-button--warning" type="button" onClick={remove}>
                {t('editor.deleteGoal')}
              </button>
            </div>
          </form>
        </div>
      </details>
    </li>
  );
}

function NewGoal({ patientId, report }: { patientId: string; report: Report }) {
  const { t } = useI18n();
  const [form, setForm] = useState(emptyGoalForm);
  const { errors, run } = useGoalSubmit(report);
  const save = (event: Event) => {
    event.preventDefault();
    void run('new-goal-description', form, async () => {
      await createGoal(patientId, goalCreate(form));
      setForm(emptyGoalForm());
      return t('editor.goalAdded');
    });
  };
  return (
    <details class="nhsuk-details">
      <summary class="nhsuk-details__summary">
        <span class="nhsuk-details__summary-text">{t('editor.addGoal')}</span>
      </summary>
      <div class="nhsuk-details__text">
        <form onSubmit={save} novalidate>
          <ErrorSummary errors={errors} />
          <GoalFields prefix="new-goal" form={form} errors={errors} onChange={setForm} />
          <button class="nhsuk-button" type="submit">
            {t('editor.addGoal')}
          </button>
        </form>
      </div>
    </details>
  );
}

/** The goals in the plan: change, delete, add. Each saves on its own, with its own version. */
export function GoalsEditor({ patientId, plan, onChanged }: { patientId: string; plan: CarePlan; onChanged: () => void }) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const report: Report = (text, reload) => {
    setMessage(text);
    if (reload) onChanged();
  };
  return (
    <section aria-labelledby="editor-goals">
      <h2 id="editor-goals">{t('editor.goals')}</h2>
      <p role="status" class="app-status app-confirmation">
        {message}
      </p>
      {plan.goals.length === 0 && <p>{t('goals.none')}</p>}
      <ul class="nhsuk-list">
        {plan.goals.map((goal) => (
          <GoalEditor key={goal.id} patientId={patientId} goal={goal} report={report} />
        ))}
      </ul>
      <NewGoal patientId={patientId} report={report} />
    </section>
  );
}
