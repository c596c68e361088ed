import { useState } from 'preact/hooks';
import { createGoal, readPlan, updateGoal } from '../../api/careplan';
import { isConflict } from '../../api/errors';
import type { CarePlan, Goal, GoalStatus } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Select, Textarea } from '../../components/fields';
import { GoalSummary } from '../../components/GoalSummary';
import { Page } from '../../components/Page';
import { ReadView } from '../../components/ReadView';
import { describeError } from '../../forms/describe-error';
import { errorFor } from '../../forms/field-error';
import { useFormSubmission } from '../../forms/use-form-submission';
import { useI18n } from '../../i18n/I18nProvider';
import { cacheKeys } from '../../offline/cache-keys';
import { useRead } from '../../offline/use-read';
import { GOAL_STATUSES, SCALE_VALUES, scaleFrom } from '../../plan/goal-labels';

/** Change a goal's status; a goal someone else changed meanwhile is reloaded, not overwritten. */
function StatusForm({ patientId, goal, onChanged }: { patientId: string; goal: Goal; onChanged: (message: string) => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<GoalStatus>(goal.status);
  const [problem, setProblem] = useState<string | null>(null);
  const fieldId = `goal-status-${goal.id}`;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (status === goal.status) return;
    try {
      await updateGoal(patientId, goal.id, { version: goal.version, status });
      setProblem(null);
      onChanged(t('goals.statusSaved', { status: t(`goals.status.${status}`) }));
    } catch (error) {
      if (isConflict(error)) {
        onChanged(t('goals.conflict'));
      } else {
        setProblem(describeError(error, t));
      }
    }
  };

  return (
    <form class="app-inline-form" onSubmit={(event) => void onSubmit(event)} novalidate>
      <Select
        id={fieldId}
        label={t('goals.changeStatus')}
        error={problem ?? undefined}
        options={GOAL_STATUSES.map((value) => ({ value, label: t(`goals.status.${value}`) }))}
        value={status}
        onChange={(value) => setStatus(value as GoalStatus)}
      />
      <button class="nhsuk-button nhsuk-button--secondary" type="submit">
        {t('goals.saveStatus')}
        <span class="nhsuk-u-visually-hidden">: {goal.description}</span>
      </button>
    </form>
  );
}

function AddGoalForm({ patientId, onAdded }: { patientId: string; onAdded: (message: string) => void }) {
  const { t } = useI18n();
  const [description, setDescription] = useState('');
  const [importance, setImportance] = useState('');
  const [confidence, setConfidence] = useState('');
  const { errors, submit } = useFormSubmission();
  const scaleOptions = SCALE_VALUES.map((value) => ({ value, label: value === '' ? t('goals.scaleNotSure') : value }));

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit({
      serverErrorField: 'goal-description',
      validate: () =>
        description.trim() === '' ? [{ fieldId: 'goal-description', message: t('goals.errorDescriptionMissing') }] : [],
      send: async () => {
        await createGoal(patientId, {
          description: description.trim(),
          status: 'active',
          progress: 'not_started',
          importance: scaleFrom(importance),
          confidence: scaleFrom(confidence),
        });
        setDescription('');
        setImportance('');
        setConfidence('');
        onAdded(t('goals.added'));
      },
    });
  };

  return (
    <form onSubmit={onSubmit} novalidate>
      <h2 class="nhsuk-heading-m">{t('goals.addTitle')}</h2>
      <ErrorSummary errors={errors} />
      <Textarea
        id="goal-description"
        label={t('goals.descriptionLabel')}
        hint={t('goals.descriptionHint')}
        error={errorFor(errors, 'goal-description')}
        rows={3}
        value={description}
        onInput={(event) => setDescription(event.currentTarget.value)}
      />
      <Select
        id="goal-importance"
        label={t('goals.importanceLabel')}
        hint={t('goals.scaleHint')}
        options={scaleOptions}
        value={importance}
        onChange={setImportance}
      />
      <Select
        id="goal-confidence"
        label={t('goals.confidenceLabel')}
        hint={t('goals.scaleHint')}
        options={scaleOptions}
        value={confidence}
        onChange={setConfidence}
      />
      <button class="nhsuk-button" type="submit">
        {t('goals.add')}
      </button>
    </form>
  );
}

/** `onChanged` null: read only (a carer sees the goals but does not change them). */
function GoalList({ plan, patientId, onChanged }: { plan: CarePlan; patientId: string; onChanged: ((message: string) => void) | null }) {
  const { t } = useI18n();
  if (plan.goals.length === 0) return <p>{t('goals.none')}</p>;
  return (
    <ul class="app-card-list">
      {plan.goals.map((goal) => (
        <li class="nhsuk-card app-goal" key={goal.id}>
          <div class="nhsuk-card__content">
            <GoalSummary goal={goal} headingLevel={2} />
            {/* A new version after a change gets a fresh form. */}
            {onChanged && <StatusForm key={goal.version} patientId={patientId} goal={goal} onChanged={onChanged} />}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** The patient's goals in their own words: their status, and adding a new one (`canEdit`). */
export function GoalsScreen({ patientId, canEdit = true }: { patientId: string; canEdit?: boolean }) {
  const { t } = useI18n();
  const { state, reload } = useRead(() => readPlan(patientId), [patientId], cacheKeys.plan(patientId));
  const [message, setMessage] = useState('');

  const changed = (text: string) => {
    setMessage(text);
    reload();
  };

  return (
    <Page title={t('goals.title')}>
      <h1>{t('goals.title')}</h1>
      <p role="status" class="app-status app-confirmation">
        {message}
      </p>
      <ReadView state={state} onRetry={reload}>
        {(plan) => <GoalList plan={plan} patientId={patientId} onChanged={canEdit ? changed : null} />}
      </ReadView>
      {canEdit && <AddGoalForm patientId={patientId} onAdded={changed} />}
    </Page>
  );
}
