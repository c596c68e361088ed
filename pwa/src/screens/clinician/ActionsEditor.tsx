import { useState } from 'preact/hooks';
import { createAction, deleteAction, readPlan, updateAction } from '../../api/careplan';
import { isConflict } from '../../api/errors';
import type { CarePlan, Frequency, Goal, PlanAction, TimeOfDay } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Checkboxes, Radios, Select } from '../../components/fields';
import { TextInput } from '../../components/TextInput';
import { weekdayName } from '../../format/dates';
import { capitalise, describeSchedule } from '../../format/schedule';
import { describeError } from '../../forms/describe-error';
import { errorFor, type FieldError } from '../../forms/field-error';
import { useI18n } from '../../i18n/I18nProvider';
import {
  actionCreate,
  actionToForm,
  ACTION_FIELDS,
  actionUpdate,
  checkActionForm,
  emptyActionForm,
  FREQUENCIES,
  TIMES_OF_DAY,
  type ActionForm,
} from '../../plan/action-form';
import { ItemConflict } from './ItemConflict';
import { useItemForm } from './use-item-form';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

function ActionFields({ prefix, form, goals, errors, onChange }: {
  prefix: string;
  form: ActionForm;
  goals: readonly Goal[];
  errors: readonly FieldError[];
  onChange: (form: ActionForm) => void;
}) {
  const { t, language } = useI18n();
  return (
    <>
      <TextInput
        id={`${prefix}-what`}
        label={t('editor.actionWhat')}
        hint={t('editor.actionWhatHint')}
        error={errorFor(errors, `${prefix}-what`)}
        maxLength={500}
        value={form.what}
        onInput={(event) => onChange({ ...form, what: event.currentTarget.value })}
      />
      <Radios
        id={`${prefix}-frequency`}
        legend={t('editor.frequency')}
        options={FREQUENCIES.map((value) => ({ value, label: t(`editor.frequency.${value}`) }))}
        value={form.frequency}
        onChange={(value) => onChange({ ...form, frequency: value as Frequency })}
      />
      {form.frequency === 'times_per_week' && (
        <Select
          id={`${prefix}-times`}
          label={t('editor.timesPerWeek')}
          options={[1, 2, 3, 4, 5, 6, 7].map((n) => ({ value: String(n), label: String(n) }))}
          value={form.times_per_week}
          onChange={(value) => onChange({ ...form, times_per_week: value })}
        />
      )}
      {form.frequency === 'weekdays' && (
        <Checkboxes
          id={`${prefix}-weekdays`}
          legend={t('editor.weekdays')}
          error={errorFor(errors, `${prefix}-weekdays`)}
          options={WEEKDAYS.map((day) => ({ value: String(day), label: weekdayName(day, language) }))}
          values={form.weekdays}
          onChange={(weekdays) => onChange({ ...form, weekdays })}
        />
      )}
      <Select
        id={`${prefix}-time`}
        label={t('editor.timeOfDay')}
        options={TIMES_OF_DAY.map((value) => ({ value, label: capitalise(t(`timeOfDay.${value}`)) }))}
        value={form.time_of_day}
        onChange={(value) => onChange({ ...form, time_of_day: value as TimeOfDay })}
      />
      <Select
        id={`${prefix}-goal`}
        label={t('editor.linkedGoal')}
        options={[{ value: '', label: t('editor.noGoal') }, ...goals.map((goal) => ({ value: goal.id, label: goal.description }))]}
        value={form.goal_id}
        onChange={(value) => onChange({ ...form, goal_id: value })}
      />
    </>
  );
}

type Report = (message: string) => void;

/** `onConflict` handles a 409 (someone else saved first); without it, the 409 is reported. */
function useActionSubmit(prefix: string, report: Report, onConflict?: () => Promise<void>) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const run = async (form: ActionForm | null, send: () => Promise<string>) => {
    const problems: FieldError[] = (form ? checkActionForm(form) : []).map((problem) =>
      problem === 'what-missing'
        ? { fieldId: `${prefix}-what`, message: t('editor.errorActionWhat') }
        : { fieldId: `${prefix}-weekdays`, message: t('editor.errorWeekdays') },
    );
    setErrors(problems);
    if (problems.length > 0) return;
    try {
      report(await send());
    } catch (error) {
      try {
        if (isConflict(error) && onConflict) await onConflict();
        else setErrors([{ fieldId: `${prefix}-what`, message: describeError(error, t) }]);
      } catch (reloadError) {
        setErrors([{ fieldId: `${prefix}-what`, message: describeError(reloadError, t) }]);
      }
    }
  };
  return { errors, run };
}

function ActionEditor({ patientId, action, goals, report }: {
  patientId: string;
  action: PlanAction;
  goals: readonly Goal[];
  report: Report;
}) {
  const { t, language } = useI18n();
  const { base, form, setForm, bothChanged, saved, conflicted } = useItemForm(action, actionToForm, ACTION_FIELDS);
  const prefix = `action-${action.id}`;

  // Someone else saved first: load their action and keep what was typed over it.
  const onConflict = async () => {
    const theirs = (await readPlan(patientId)).actions.find((a) => a.id === action.id);
    if (theirs) conflicted(theirs);
    report(theirs ? '' : t('editor.actionGone'));
  };
  const { errors, run } = useActionSubmit(prefix, report, onConflict);

  const save = (event: Event) => {
    event.preventDefault();
    void run(form, async () => {
      const update = actionUpdate(base, form);
      if (!update) return t('editor.noChanges');
      saved(await updateAction(patientId, action.id, update));
      return t('editor.actionSaved');
    });
  };
  const remove = () =>
    void run(null, async () => {
      await deleteAction(patientId, action.id, base.version);
      return t('editor.actionDeleted');
    });

  return (
    <li class="app-editor-item">
      <h3 class="nhsuk-heading-s">{action.what}</h3>
      <p class="nhsuk-body-s app-secondary-text">{describeSchedule(action, t, language)}</p>
      <details class="nhsuk-details">
        <summary class="nhsuk-details__summary">
          <span class="nhsuk-details__summary-text">
            {t('editor.changeAction')}
            <span class="nhsuk-u-visually-hidden">: {action.what}</span>
          </span>
        </summary>
        <div class="nhsuk-details__text">
          <form onSubmit={save} novalidate>
            {bothChanged && <ItemConflict kind="action" bothChanged={bothChanged} />}
            <ErrorSummary errors={errors} />
            <ActionFields prefix={prefix} form={form} goals={goals} errors={errors} onChange={setForm} />
            <div class="app-button-group">
              <button class="nhsuk-button" type="submit">
                {t('editor.saveAction')}
              </button>
              <button class="nhsuk-button nhsuk-button--warning" type="button" onClick={remove}>
                {t('editor.deleteAction')}
              </button>
            </div>
          </form>
        </div>
      </details>
    </li>
  );
}

function NewAction({ patientId, goals, report }: { patientId: string; goals: readonly Goal[]; report: Report }) {
  const { t } = useI18n();
  const [form, setForm] = useState(emptyActionForm);
  const { errors, run } = useActionSubmit('new-action', report);
  const save = (event: Event) => {
    event.preventDefault();
    void run(form, async () => {
      await createAction(patientId, actionCreate(form));
      setForm(emptyActionForm());
      return t('editor.actionAdded');
    });
  };
  return (
    <details class="nhsuk-details">
      <summary class="nhsuk-details__summary">
        <span class="nhsuk-details__summary-text">{t('editor.addAction')}</span>
      </summary>
      <div class="nhsuk-details__text">
        <form onSubmit={save} novalidate>
          <ErrorSummary errors={errors} />
          <ActionFields prefix="new-action" form={form} goals={goals} errors={errors} onChange={setForm} />
          <button class="nhsuk-button" type="submit">
            {t('editor.addAction')}
          </button>
        </form>
      </div>
    </details>
  );
}

/** The actions in the plan: change, delete, add. Each saves on its own, with its own version. */
export function ActionsEditor({ patientId, plan, onChanged }: { patientId: string; plan: CarePlan; onChanged: () => void }) {
  const { t } = useI18n();
  const [message, setMessage] = useState('');
  const report: Report = (text) => {
    setMessage(text);
    onChanged();
  };
  return (
    <section aria-labelledby="editor-actions">
      <h2 id="editor-actions">{t('editor.actions')}</h2>
      <p role="status" class="app-status app-confirmation">
        {message}
      </p>
      {plan.actions.length === 0 && <p>{t('plan.noActions')}</p>}
      <ul class="nhsuk-list">
        {plan.actions.map((action) => (
          <ActionEditor key={action.id} patientId={patientId} action={action} goals={plan.goals} report={report} />
        ))}
      </ul>
      <NewAction patientId={patientId} goals={plan.goals} report={report} />
    </section>
  );
}
