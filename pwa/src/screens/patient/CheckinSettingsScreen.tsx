import { useState } from 'preact/hooks';
import { readCheckinSettings, readSchedules, writeCheckinSettings } from '../../api/checkins';
import type { CheckinSettings, CheckinSettingsUpdate } from '../../api/types';
import { DATE_PROBLEM, isPaused, snoozeUntil, untilDate, type Snooze } from '../../checkins/pause';
import { checkQuietHours, type QuietProblem } from '../../checkins/quiet-hours';
import { useScheduleChange } from '../../checkins/use-schedule-change';
import { BackLink } from '../../components/BackLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Page } from '../../components/Page';
import { ReadView } from '../../components/ReadView';
import { SaveOutcome } from '../../components/SaveOutcome';
import { PauseOrResumeButton, ScheduleItem } from '../../components/ScheduleItem';
import { TextInput } from '../../components/TextInput';
import { formatDateTime } from '../../format/dates';
import { describeError } from '../../forms/describe-error';
import { errorFor, type FieldError } from '../../forms/field-error';
import { useCheckedSend } from '../../forms/use-checked-send';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../navigation';
import { cacheKeys } from '../../offline/cache-keys';
import { useRead } from '../../offline/use-read';
import { NotificationsSection } from './NotificationsSection';

/** The whole settings body: PUT replaces them all, so what is not changing is sent as it is. */
const settingsBody = (settings: CheckinSettings, change: Partial<CheckinSettingsUpdate>): CheckinSettingsUpdate => ({
  quiet_start: settings.quiet_start,
  quiet_end: settings.quiet_end,
  paused_until: settings.paused_until,
  channel: settings.channel,
  ...change,
});

const QUIET_PROBLEM: Record<QuietProblem['problem'], MessageKey> = {
  missing: 'quiet.errorMissing',
  invalid: 'quiet.errorInvalid',
  'too-long': 'quiet.errorTooLong',
};

type Save = (change: Partial<CheckinSettingsUpdate>, done: string) => Promise<boolean>;

function PauseSection({ settings, onSave }: { settings: CheckinSettings; onSave: Save }) {
  const { t, language } = useI18n();
  const [date, setDate] = useState('');
  const now = Date.now();
  const paused = isPaused(settings.paused_until, now);

  const pause = (until: number) =>
    onSave({ paused_until: until }, t('pause.paused', { when: formatDateTime(until, language) }));
  const snooze = (length: Snooze) => void pause(snoozeUntil(length, Date.now()));
  const { errors, onSubmit } = useCheckedSend(
    () => {
      const checked = untilDate(date, Date.now());
      if (checked.ok) return { ok: true, value: checked.until };
      return { ok: false, errors: [{ fieldId: 'pause-until', message: t(DATE_PROBLEM[checked.problem]) }] };
    },
    pause,
    () => setDate(''),
  );

  return (
    <section aria-labelledby="pause-title">
      <h2 class="nhsuk-heading-m" id="pause-title">
        {t('pause.title')}
      </h2>
      {paused ? (
        <>
          <p>{t('pause.pausedUntil', { when: formatDateTime(settings.paused_until!, language) })}</p>
          <button class="nhsuk-button" type="button" onClick={() => void onSave({ paused_until: null }, t('pause.resumed'))}>
            {t('pause.resume')}
          </button>
        </>
      ) : (
        <>
          <p>{t('pause.on')}</p>
          <div class="app-button-group">
            <button class="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => snooze('day')}>
              {t('pause.day')}
            </button>
            <button class="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => snooze('week')}>
              {t('pause.week')}
            </button>
          </div>
          <form onSubmit={(event) => void onSubmit(event)} novalidate>
            <ErrorSummary errors={errors} />
            <TextInput
              id="pause-until"
              type="date"
              label={t('pause.untilLabel')}
              hint={t('pause.untilHint')}
              error={errorFor(errors, 'pause-until')}
              value={date}
              onInput={(event) => setDate(event.currentTarget.value)}
            />
            <button class="nhsuk-button nhsuk-button--secondary" type="submit">
              {t('pause.untilSubmit')}
            </button>
          </form>
        </>
      )}
    </section>
  );
}

function QuietHoursSection({ settings, onSave }: { settings: CheckinSettings; onSave: Save }) {
  const { t } = useI18n();
  const [start, setStart] = useState(settings.quiet_start);
  const [end, setEnd] = useState(settings.quiet_end);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    const problems = checkQuietHours(start, end);
    setErrors(problems.map((p) => ({ fieldId: `quiet-${p.field}`, message: t(QUIET_PROBLEM[p.problem]) })));
    if (problems.length > 0) return;
    await onSave({ quiet_start: start.trim(), quiet_end: end.trim() }, t('quiet.saved', { start: start.trim(), end: end.trim() }));
  };
  return (
    <section aria-labelledby="quiet-title">
      <h2 class="nhsuk-heading-m" id="quiet-title">
        {t('quiet.title')}
      </h2>
      <p>{t('quiet.lead')}</p>
      <form onSubmit={(event) => void onSubmit(event)} novalidate>
        <ErrorSummary errors={errors} />
        <TextInput
          id="quiet-start"
          type="time"
          label={t('quiet.start')}
          error={errorFor(errors, 'quiet-start')}
          value={start}
          onInput={(event) => setStart(event.currentTarget.value)}
        />
        <TextInput
          id="quiet-end"
          type="time"
          label={t('quiet.end')}
          error={errorFor(errors, 'quiet-end')}
          value={end}
          onInput={(event) => setEnd(event.currentTarget.value)}
        />
        <button class="nhsuk-button" type="submit">
          {t('quiet.save')}
        </button>
      </form>
    </section>
  );
}

/** The patient's own check-ins; each can be paused for a week or restarted. */
function MySchedules({ patientId, allPausedUntil, settingsSaved }: {
  patientId: string;
  allPausedUntil: number | null;
  /** When the settings were last saved: quiet hours and pauses move next due times. */
  settingsSaved: number | null;
}) {
  const { t } = useI18n();
  const { state, reload } = useRead(() => readSchedules(patientId), [patientId, settingsSaved], cacheKeys.schedules(patientId));
  const { status, problem, change } = useScheduleChange(reload);
  const now = Date.now();
  return (
    <section aria-labelledby="schedules-title">
      <h2 class="nhsuk-heading-m" id="schedules-title">
        {t('checkins.mineTitle')}
      </h2>
      <SaveOutcome problem={problem} status={status} />
      <ReadView state={state} onRetry={reload}>
        {({ schedules }) =>
          schedules.length === 0 ? (
            <p>{t('checkins.noneMine')}</p>
          ) : (
            <ul class="app-card-list">
              {schedules.map((schedule) => (
                <ScheduleItem key={schedule.id} schedule={schedule} allPausedUntil={allPausedUntil} now={now}>
                  {schedule.active && <PauseOrResumeButton schedule={schedule} now={now} onChange={change} />}
                </ScheduleItem>
              ))}
            </ul>
          )
        }
      </ReadView>
    </section>
  );
}

/** Check-in settings: pause all check-ins, quiet hours, notifications, and the patient's check-ins. */
export function CheckinSettingsScreen({ patientId, meId }: { patientId: string; meId: string }) {
  const { t } = useI18n();
  const { state, reload, replace } = useRead(
    () => readCheckinSettings(patientId),
    [patientId],
    cacheKeys.checkinSettings(patientId),
  );
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const save = (settings: CheckinSettings): Save => async (change, done) => {
    setStatus('');
    setProblem(null);
    try {
      replace(await writeCheckinSettings(patientId, settingsBody(settings, change)));
      setStatus(done);
      return true;
    } catch (error) {
      setProblem(describeError(error, t));
      return false;
    }
  };

  return (
    <Page title={t('checkinSettings.title')}>
      <BackLink href={hrefFor({ name: 'messages' })} />
      <h1>{t('checkinSettings.title')}</h1>
      <p>{t('checkinSettings.lead')}</p>
      <SaveOutcome problem={problem} status={status} />
      <ReadView state={state} onRetry={reload}>
        {(settings) => (
          <>
            <PauseSection settings={settings} onSave={save(settings)} />
            <QuietHoursSection key={`${settings.quiet_start}-${settings.quiet_end}`} settings={settings} onSave={save(settings)} />
            {/* Notifications reach the patient's own devices: not offered to a carer. */}
            {meId === patientId && <NotificationsSection patientId={patientId} settings={settings} onSave={save(settings)} />}
            <MySchedules patientId={patientId} allPausedUntil={settings.paused_until} settingsSaved={settings.updated_at ?? null} />
          </>
        )}
      </ReadView>
    </Page>
  );
}
