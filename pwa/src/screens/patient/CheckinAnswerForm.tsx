import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { readReadingTypes } from '../../api/careplan';
import type { OpenCheckin, ReadingTypeInfo } from '../../api/types';
import {
  ACTION_CHOICES,
  choiceText,
  numberAnswer,
  numberBounds,
  optionText,
  readingAnswer,
  scaleValues,
  YES_NO,
  type Choice,
  type NumberProblem,
} from '../../checkins/answer';
import { useTypedMessage } from '../../checkins/use-typed-message';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Textarea } from '../../components/fields';
import { ReadView } from '../../components/ReadView';
import { NO_TYPED_READING, ReadingValueInputs } from '../../components/ReadingValueInputs';
import { NumberInput } from '../../components/TextInput';
import { formatNumber } from '../../format/dates';
import { errorFor, type FieldError } from '../../forms/field-error';
import { readingFieldErrors } from '../../forms/reading-problem';
import { useCheckedSend } from '../../forms/use-checked-send';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageParams } from '../../i18n/translate';
import { cacheKeys } from '../../offline/cache-keys';
import { useRead } from '../../offline/use-read';

/** Sends the answer's text; resolves false when the phone could not keep it (and said so). */
export type Answer = (text: string) => Promise<boolean>;

type Translate = (key: MessageKey, params?: MessageParams) => string;

const QUESTION_ID = 'checkin-question';
const FIELD = 'checkin-answer';

const CHOICE_LABEL: Record<Choice, MessageKey> = {
  yes: 'answer.yes',
  no: 'answer.no',
  done: 'today.outcome.done',
  partly: 'today.outcome.partly',
  not_today: 'today.outcome.not_today',
};

/** One tap answers: yes/no, done/partly/not today, or a point on a scale. */
function Buttons({ values, label, onAnswer }: { values: readonly { text: string; label: string }[]; label?: string; onAnswer: Answer }) {
  return (
    <div class="app-outcomes" role="group" aria-labelledby={QUESTION_ID}>
      {values.map((value) => (
        <button key={value.text} type="button" class="nhsuk-button nhsuk-button--secondary app-outcome" onClick={() => void onAnswer(value.text)}>
          {value.label}
          {label && <span class="nhsuk-u-visually-hidden"> {label}</span>}
        </button>
      ))}
    </div>
  );
}

function numberProblemMessage(problem: NumberProblem, t: Translate): string {
  if (problem.problem === 'range') return rangeText(problem.minimum, problem.maximum, t, 'error');
  return t(problem.problem === 'missing' ? 'answer.errorMissing' : 'readings.errorNotNumber');
}

function rangeText(minimum: number | null, maximum: number | null, t: Translate, use: 'hint' | 'error'): string {
  const min = minimum === null ? null : formatNumber(minimum);
  const max = maximum === null ? null : formatNumber(maximum);
  if (min !== null && max !== null) return t(use === 'hint' ? 'answer.rangeHint' : 'readings.errorRange', { minimum: min, maximum: max });
  if (min !== null) return t(use === 'hint' ? 'answer.minHint' : 'answer.errorBelow', { minimum: min });
  if (max !== null) return t(use === 'hint' ? 'answer.maxHint' : 'answer.errorAbove', { maximum: max });
  return '';
}

/** The form around every typed answer: its error summary, its boxes, and the Send button. */
function TypedAnswerForm({ errors, onSubmit, children }: { errors: FieldError[]; onSubmit: (event: Event) => Promise<void>; children: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <form onSubmit={(event) => void onSubmit(event)} novalidate>
      <ErrorSummary errors={errors} />
      {children}
      <button class="nhsuk-button" type="submit">
        {t('answer.send')}
      </button>
    </form>
  );
}

function NumberAnswer({ checkin, onAnswer }: { checkin: OpenCheckin; onAnswer: Answer }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const { minimum, maximum, unit } = numberBounds(checkin.options);
  const { errors, onSubmit } = useCheckedSend(
    () => {
      const checked = numberAnswer(typed, checkin.options);
      if (checked.ok) return { ok: true, value: checked.text };
      return { ok: false, errors: [{ fieldId: FIELD, message: numberProblemMessage(checked.problem, t) }] };
    },
    onAnswer,
    () => setTyped(''),
  );
  const range = rangeText(minimum, maximum, t, 'hint');
  return (
    <TypedAnswerForm errors={errors} onSubmit={onSubmit}>
      <NumberInput
        id={FIELD}
        label={unit ? t('answer.numberLabelUnit', { unit }) : t('answer.numberLabel')}
        hint={range || undefined}
        error={errorFor(errors, FIELD)}
        inputMode="decimal"
        value={typed}
        onInput={(event) => setTyped(event.currentTarget.value)}
      />
    </TypedAnswerForm>
  );
}

function ReadingFields({ info, onAnswer }: { info: ReadingTypeInfo; onAnswer: Answer }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(NO_TYPED_READING);
  const { errors, onSubmit } = useCheckedSend(
    () => {
      const checked = readingAnswer(info, typed);
      if (checked.ok) return { ok: true, value: checked.text };
      return { ok: false, errors: readingFieldErrors(checked.problems, info, FIELD, t) };
    },
    onAnswer,
    () => setTyped(NO_TYPED_READING),
  );
  return (
    <TypedAnswerForm errors={errors} onSubmit={onSubmit}>
      <ReadingValueInputs info={info} idPrefix={FIELD} typed={typed} onType={setTyped} errors={errors} />
    </TypedAnswerForm>
  );
}

/** A reading: the type's own fields and plausible ranges (two numbers for blood pressure). */
function ReadingAnswer({ checkin, onAnswer }: { checkin: OpenCheckin; onAnswer: Answer }) {
  const { t } = useI18n();
  const { state, reload } = useRead(readReadingTypes, [], cacheKeys.readingTypes());
  const type = optionText(checkin.options, 'reading_type');
  return (
    <ReadView state={state} onRetry={reload}>
      {(types) => {
        const info = types.find((candidate) => candidate.reading_type === type);
        return info ? <ReadingFields info={info} onAnswer={onAnswer} /> : <FreeTextAnswer onAnswer={onAnswer} label={t('answer.textLabel')} />;
      }}
    </ReadView>
  );
}

function FreeTextAnswer({ onAnswer, label }: { onAnswer: Answer; label: string }) {
  const { typed, setTyped, errors, onSubmit } = useTypedMessage(FIELD, 'answer.errorMissing', onAnswer);
  return (
    <TypedAnswerForm errors={errors} onSubmit={onSubmit}>
      <Textarea
        id={FIELD}
        label={label}
        error={errorFor(errors, FIELD)}
        rows={3}
        maxLength={1600}
        value={typed}
        onInput={(event) => setTyped(event.currentTarget.value)}
      />
    </TypedAnswerForm>
  );
}

function AnswerFields({ checkin, onAnswer }: { checkin: OpenCheckin; onAnswer: Answer }) {
  const { t } = useI18n();
  const choices = (values: readonly Choice[]) => values.map((choice) => ({ text: choiceText(choice), label: t(CHOICE_LABEL[choice]) }));
  switch (checkin.kind) {
    case 'yes_no':
      return <Buttons values={choices(YES_NO)} onAnswer={onAnswer} />;
    case 'action_done':
      return <Buttons values={choices(ACTION_CHOICES)} onAnswer={onAnswer} />;
    case 'scale': {
      const values = scaleValues(checkin.options);
      return (
        <>
          <p class="nhsuk-hint">
            {t('answer.scaleHint', { minimum: values[0]!, maximum: values[values.length - 1]! })}
          </p>
          <Buttons
            values={values.map((value) => ({ text: String(value), label: String(value) }))}
            label={t('answer.outOf', { maximum: values[values.length - 1]! })}
            onAnswer={onAnswer}
          />
        </>
      );
    }
    case 'number':
      return <NumberAnswer checkin={checkin} onAnswer={onAnswer} />;
    case 'reading':
      return <ReadingAnswer checkin={checkin} onAnswer={onAnswer} />;
    default:
      return <FreeTextAnswer onAnswer={onAnswer} label={t('answer.textLabel')} />;
  }
}

/** The check-in waiting for an answer, answered here as it could be by text message. */
export function CheckinAnswerForm({ checkin, onAnswer }: { checkin: OpenCheckin; onAnswer: Answer }) {
  const { t } = useI18n();
  return (
    <section class="app-checkin" aria-labelledby="checkin-title">
      <h2 class="nhsuk-heading-m" id="checkin-title">
        {t('answer.title')}
      </h2>
      <p class="nhsuk-body-l app-checkin__question" id={QUESTION_ID}>
        {checkin.question}
      </p>
      <AnswerFields checkin={checkin} onAnswer={onAnswer} />
    </section>
  );
}
