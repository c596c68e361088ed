import { useEffect, useRef, useState } from 'preact/hooks';
import { readToday } from '../../api/careplan';
import type { Outcome, Today } from '../../api/types';
import { describeActor, recordedBy } from '../../carers/attribution';
import { Textarea } from '../../components/fields';
import { Page } from '../../components/Page';
import { ReadView } from '../../components/ReadView';
import { formatDayLong } from '../../format/dates';
import { describeSchedule } from '../../format/schedule';
import { useI18n } from '../../i18n/I18nProvider';
import { cacheKeys } from '../../offline/cache-keys';
import { logActionMutation } from '../../offline/mutations';
import { onSaved, queueMutation, useOutbox } from '../../offline/outbox-runtime';
import { useRead } from '../../offline/use-read';
import { logFor, NOTE_MAX_LENGTH, thisWeek, todayView, type TodayEntry } from '../../plan/today-view';

const OUTCOMES: readonly Outcome[] = ['done', 'partly', 'not_today'];

/** Answers whether the change was kept (false: the phone could not store it, and was told). */
type Log = (change: { outcome: Outcome } | { note: string }) => Promise<boolean>;

/**
 * "Add a note", shown once an action is logged, so the one tap to log stays one tap. Saving
 * sends the day's log again with the note (a new log for the day replaces the last one).
 */
function NoteDisclosure({ entry, onLog }: { entry: TodayEntry; onLog: Log }) {
  const { t } = useI18n();
  const { id: actionId, what } = entry.item.action;
  const fieldId = `note-${actionId}`;
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  const summary = useRef<HTMLElement>(null);

  const onToggle = (event: Event) => {
    const isOpen = (event.currentTarget as HTMLDetailsElement).open;
    setOpen(isOpen);
    if (isOpen) {
      setText(entry.note ?? '');
      setError(undefined);
      setStatus('');
    }
  };

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (text.trim() === '' && entry.note === null) {
      setError(t('today.errorNoteMissing'));
      document.getElementById(fieldId)?.focus();
      return;
    }
    setError(undefined);
    if (!(await onLog({ note: text }))) return;
    setStatus(t(text.trim() === '' ? 'today.noteRemoved' : 'today.noteSaved'));
    setOpen(false);
    summary.current?.focus();
  };

  return (
    <>
      <details class="nhsuk-details" open={open} onToggle={onToggle}>
        <summary class="nhsuk-details__summary" ref={summary}>
          <span class="nhsuk-details__summary-text">
            {t(entry.note === null ? 'today.addNote' : 'today.changeNote')}
            <span class="nhsuk-u-visually-hidden">: {what}</span>
          </span>
        </summary>
        <div class="nhsuk-details__text">
          <form onSubmit={(event) => void onSubmit(event)} novalidate>
            <Textarea
              id={fieldId}
              label={t('today.noteLabel')}
              hint={t('today.noteHint', { max: NOTE_MAX_LENGTH })}
              error={error}
              rows={3}
              maxLength={NOTE_MAX_LENGTH}
              value={text}
              onInput={(event) => setText(event.currentTarget.value)}
            />
            <button class="nhsuk-button nhsuk-button--secondary" type="submit">
              {t('today.saveNote')}
              <span class="nhsuk-u-visually-hidden">: {what}</span>
            </button>
          </form>
        </div>
      </details>
      <p role="status" class="app-status app-confirmation">
        {status}
      </p>
    </>
  );
}

/** `onLog` null: the person may see the day but not log it (a carer without that scope). */
function ActionCard({ entry, onLog, patientId, onBehalf }: {
  entry: TodayEntry;
  onLog: Log | null;
  patientId: string;
  /** A carer is reading: the patient's own log is not "you said". */
  onBehalf: boolean;
}) {
  const { t, language } = useI18n();
  const { action, streak_days, done_this_week } = entry.item;
  const week = thisWeek(entry.item);
  const headingId = `action-${action.id}`;
  const log = entry.item.log;
  const by = !entry.waiting && log ? recordedBy(log, patientId) : null;
  const said = entry.waiting ? 'today.loggedWaiting' : by || onBehalf ? 'today.loggedNeutral' : 'today.logged';
  const state = entry.outcome ? t(said, { outcome: t(`today.outcome.${entry.outcome}`) }) : t('today.notLogged');
  const expected = week?.expected ?? 0;

  return (
    <li class="app-action">
      <h3 class="nhsuk-heading-s app-action__what" id={headingId}>
        {action.what}
      </h3>
      <p class="nhsuk-body-s app-secondary-text">{describeSchedule(action, t, language)}</p>
      <p class={`app-action__state ${entry.outcome ? 'app-action__state--logged' : ''}`}>{state}</p>
      {by && <p class="nhsuk-body-s app-secondary-text">{t('today.loggedBy', { who: describeActor(by, t) })}</p>}
      {entry.note !== null && <p class="app-preserve-lines">{t('today.yourNote', { note: entry.note })}</p>}
      {onLog && (
        <div class="app-outcomes" role="group" aria-labelledby={headingId}>
          {OUTCOMES.map((outcome) => {
            const chosen = entry.outcome === outcome;
            return (
              <button
                key={outcome}
                type="button"
                class={`nhsuk-button app-outcome ${chosen ? 'app-outcome--chosen' : 'nhsuk-button--secondary'}`}
                aria-pressed={chosen}
                onClick={() => !chosen && void onLog({ outcome })}
              >
                {chosen && <span aria-hidden="true">✓ </span>}
                {t(`today.outcome.${outcome}`)}
              </button>
            );
          })}
        </div>
      )}
      {onLog && entry.outcome !== null && <NoteDisclosure entry={entry} onLog={onLog} />}
      <p class="nhsuk-body-s app-action__figures">
        {t('today.streak', { days: streak_days })}
        <br />
        {expected > 0
          ? t('today.thisWeek', { done: done_this_week, expected })
          : t('today.thisWeekNoTarget', { done: done_this_week })}
      </p>
      {expected > 0 && (
        <span class="app-progress" aria-hidden="true">
          <span class="app-progress__bar" style={{ width: `${Math.min(100, (100 * done_this_week) / expected)}%` }} />
        </span>
      )}
    </li>
  );
}

function TodayList({ today, patientId, canLog, onBehalf }: { today: Today; patientId: string; canLog: boolean; onBehalf: boolean }) {
  const { t, language } = useI18n();
  const { queued, sent } = useOutbox();
  const view = todayView(today, queued, sent, Date.now());
  const due = view.entries.filter((entry) => entry.due);
  const notDue = view.entries.filter((entry) => !entry.due);

  const log = (entry: TodayEntry): Log => async (change) => {
    const data = logFor(entry, view.day, change);
    return data === null || queueMutation(logActionMutation(patientId, data, Date.now()));
  };

  const cards = (entries: TodayEntry[]) => (
    <ul class="app-action-list">
      {entries.map((entry) => (
        <ActionCard key={entry.item.action.id} entry={entry} onLog={canLog ? log(entry) : null} patientId={patientId} onBehalf={onBehalf} />
      ))}
    </ul>
  );

  return (
    <>
      <p class="nhsuk-body-l">{formatDayLong(view.day, language)}</p>
      {view.entries.length === 0 && <p>{t('today.noActions')}</p>}
      {view.entries.length > 0 && (
        <>
          <h2 class="nhsuk-heading-m">{t('today.dueTitle')}</h2>
          {due.length === 0 ? <p>{t('today.nothingDue')}</p> : cards(due)}
        </>
      )}
      {notDue.length > 0 && (
        <details class="nhsuk-details">
          <summary class="nhsuk-details__summary">
            <span class="nhsuk-details__summary-text">{t('today.otherActions', { count: notDue.length })}</span>
          </summary>
          <div class="nhsuk-details__text">{cards(notDue)}</div>
        </details>
      )}
    </>
  );
}

/** Home for patients: each action due today, logged with one tap, offline too. */
export function TodayScreen({ patientId, canLog = true, onBehalf = false }: { patientId: string; canLog?: boolean; onBehalf?: boolean }) {
  const { t } = useI18n();
  const { state, reload } = useRead(() => readToday(patientId), [patientId], cacheKeys.today(patientId));

  // Once the server has a log, ask again for the streak and the week's count.
  useEffect(
    () => onSaved((saved) => saved.some((m) => m.kind === 'log_action' && m.patient_id === patientId) && reload()),
    [patientId, reload],
  );

  return (
    <Page title={t('today.title')}>
      <h1>{t('today.title')}</h1>
      <ReadView state={state} onRetry={reload}>
        {(today) => <TodayList today={today} patientId={patientId} canLog={canLog} onBehalf={onBehalf} />}
      </ReadView>
    </Page>
  );
}
