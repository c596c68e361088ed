import { useState } from 'preact/hooks';
import { createSchedule } from '../../api/checkins';
import { readPlan, readReadingTypes } from '../../api/careplan';
import type { Cadence, CheckinChannel, CheckinKind } from '../../api/types';
import {
  CADENCES,
  CHANNELS,
  checkScheduleForm,
  emptyScheduleForm,
  KINDS,
  scheduleCreate,
  type ScheduleField,
  type ScheduleForm as Form,
  type ScheduleProblem,
} from '../../checkins/schedule-form';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Checkboxes, Radios, Select } from '../../components/fields';
import { TextInput } from '../../components/TextInput';
import { weekdayName } from '../../format/dates';
import { describeError } from '../../forms/describe-error';
import { errorFor, type FieldError } from '../../forms/field-error';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/I18nProvider';
import { readingTypeLabel } from '../../i18n/labels';
import { useRead } from '../../offline/use-read';

const PROBLEM: Record<ScheduleProblem, MessageKey> = {
  'question-missing': 'scheduleForm.errorQuestion',
  'not-number': 'scheduleForm.errorNumber',
  'min-not-below-max': 'scheduleForm.errorMinMax',
  'scale-range': 'scheduleForm.errorScale',
  'reading-missing': 'scheduleForm.errorReading',
  'action-missing': 'scheduleForm.errorAction',
  'weekdays-missing': 'editor.errorWeekdays',
  'every-n-days': 'scheduleForm.errorEveryNDays',
  'time-invalid': 'scheduleForm.errorTime',
  'date-invalid': 'scheduleForm.errorDate',
  'end-before-start': 'scheduleForm.errorEndBeforeStart',
};

const fieldId = (field: ScheduleField) => `schedule-${field}`;

function KindOptions({ patientId, form, errors, onChange }: {
  patientId: string;
  form: Form;
  errors: readonly FieldError[];
  onChange: (form: Form) => void;
}) {
  const { t } = useI18n();
  const types = useRead(readReadingTypes, []);
  const plan = useRead(() => readPlan(patientId), [patientId]);
  const range = (
    <>
      <TextInput
        id={fieldId('min')}
        label={t('scheduleForm.min')}
        hint={form.kind === 'scale' ? t('scheduleForm.scaleHint') : t('scheduleForm.optional')}
        error={errorFor(errors, fieldId('min'))}
        inputMode="decimal"
        width={5}
        value={form.min}
        onInput={(event) => onChange({ ...form, min: event.currentTarget.value })}
      />
      <TextInput
        id={fieldId('max')}
        label={t('scheduleForm.max')}
        hint={form.kind === 'scale' ? t('scheduleForm.scaleHint') : t('scheduleForm.optional')}
        error={errorFor(errors, fieldId('max'))}
        inputMode="decimal"
        width={5}
        value={form.max}
        onInput={(event) => onChange({ ...form, max: event.currentTarget.value })}
      />
    </>
  );
  switch (form.kind) {
    case 'number':
      return (
        <>
          {range}
          <TextInput
            id="schedule-unit"
            label={t('scheduleForm.unit')}
            hint={t('scheduleForm.unitHint')}
            width={10}
            maxLength={16}
            value={form.unit}
            onInput={(event) => onChange({ ...form, unit: event.currentTarget.value })}
          />
        </>
      );
    case 'scale':
      return range;
    case 'reading':
      return (
        <Select
          id={fieldId('readingType')}
          label={t('scheduleForm.readingType')}
          error={errorFor(errors, fieldId('readingType'))}
          options={[
            { value: '', label: t('scheduleForm.choose') },
            ...(types.state.status === 'ready' ? types.state.data : []).map((info) => ({ value: info.reading_type, label: readingTypeLabel(info, t) })),
          ]}
          value={form.readingType}
          onChange={(readingType) => onChange({ ...form, readingType })}
        />
      );
    case 'action_done':
      return (
        <Select
          id={fieldId('actionId')}
          label={t('scheduleForm.action')}
          hint={plan.state.status === 'ready' && plan.state.data.actions.length === 0 ? t('scheduleForm.noActions') : undefined}
          error={errorFor(errors, fieldId('actionId'))}
          options={[
            { value: '', label: t('scheduleForm.choose') },
            ...(plan.state.status === 'ready' ? plan.state.data.actions : []).map((action) => ({ value: action.id, label: action.what })),
          ]}
          value={form.actionId}
          onChange={(actionId) => onChange({ ...form, actionId })}
        />
      );
    default:
      return null;
  }
}

/** "Set up a check-in": the question, its kind and options, how often, and when. */
export function ScheduleForm({ patientId, onCreated }: { patientId: string; onCreated: (question: string) => void }) {
  const { t, language } = useI18n();
  const [form, setForm] = useState<Form>(emptyScheduleForm);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sending, setSending] = useState(false);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (sending) return;
    const problems = checkScheduleForm(form).map((p) => ({ fieldId: fieldId(p.field), message: t(PROBLEM[p.problem]) }));
    setErrors(problems);
    if (problems.length > 0) return;
    setSending(true);
    try {
      const created = await createSchedule(patientId, scheduleCreate(form));
      setForm(emptyScheduleForm());
      onCreated(created.question);
    } catch (error) {
      setErrors([{ fieldId: fieldId('question'), message: describeError(error, t) }]);
    } finally {
      setSending(false);
    }
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} novalidate>
      <h2 class="nhsuk-heading-m">{t('scheduleForm.title')}</h2>
      <ErrorSummary errors={errors} />
      <TextInput
        id={fieldId('question')}
        label={t('scheduleForm.question')}
        hint={t('scheduleForm.questionHint')}
        error={errorFor(errors, fieldId('question'))}
        maxLength={300}
        value={form.question}
        onInput={(event) => setForm({ ...form, question: event.currentTarget.value })}
      />
      <Radios
        id="schedule-kind"
        legend={t('scheduleForm.kind')}
        options={KINDS.map((value) => ({ value, label: t(`checkins.kind.${value}`) }))}
        value={form.kind}
        onChange={(value) => setForm({ ...form, kind: value as CheckinKind })}
      />
      <KindOptions patientId={patientId} form={form} errors={errors} onChange={setForm} />
      <Radios
        id="schedule-cadence"
        legend={t('scheduleForm.cadence')}
        options={CADENCES.map((value) => ({ value, label: t(`scheduleForm.cadence.${value}`) }))}
        value={form.cadence}
        onChange={(value) => setForm({ ...form, cadence: value as Cadence })}
      />
      {form.cadence === 'weekly' && (
        <Checkboxes
          id={fieldId('weekdays')}
          legend={t('editor.weekdays')}
          error={errorFor(errors, fieldId('weekdays'))}
          options={[1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: String(day), label: weekdayName(day, language) }))}
          values={form.weekdays}
          onChange={(weekdays) => setForm({ ...form, weekdays })}
        />
      )}
      {form.cadence === 'every_n_days' && (
        <TextInput
          id={fieldId('everyNDays')}
          label={t('scheduleForm.everyNDays')}
          error={errorFor(errors, fieldId('everyNDays'))}
          inputMode="numeric"
          width={3}
          value={form.everyNDays}
          onInput={(event) => setForm({ ...form, everyNDays: event.currentTarget.value })}
        />
      )}
      <TextInput
        id={fieldId('localTime')}
        type="time"
        label={t('scheduleForm.time')}
        hint={t('scheduleForm.timeHint')}
        error={errorFor(errors, fieldId('localTime'))}
        value={form.localTime}
        onInput={(event) => setForm({ ...form, localTime: event.currentTarget.value })}
      />
      <TextInput
        id={fieldId('startDate')}
        type="date"
        label={t('scheduleForm.startDate')}
        hint={t('scheduleForm.startHint')}
        error={errorFor(errors, fieldId('startDate'))}
        value={form.startDate}
        onInput={(event) => setForm({ ...form, startDate: event.currentTarget.value })}
      />
      <TextInput
        id={fieldId('endDate')}
        type="date"
        label={t('scheduleForm.endDate')}
        hint={t('scheduleForm.optional')}
        error={errorFor(errors, fieldId('endDate'))}
        value={form.endDate}
        onInput={(event) => setForm({ ...form, endDate: event.currentTarget.value })}
      />
      <Select
        id="schedule-channel"
        label={t('scheduleForm.channel')}
        options={CHANNELS.map((value) => ({ value, label: t(`scheduleForm.channel.${value}`) }))}
        value={form.channel}
        onChange={(value) => setForm({ ...form, channel: value as CheckinChannel })}
      />
      <button class="nhsuk-button" type="submit">
        {t('scheduleForm.submit')}
      </button>
    </form>
  );
}
