import { useState } from 'preact/hooks';
import { readCheckinSettings, readSchedules, sendCheckinNow } from '../../api/checkins';
import type { Schedule } from '../../api/types';
import { isPaused } from '../../checkins/pause';
import { useScheduleChange, type ScheduleChange } from '../../checkins/use-schedule-change';
import { BackLink } from '../../components/BackLink';
import { Page } from '../../components/Page';
import { ReadView } from '../../components/ReadView';
import { SaveOutcome } from '../../components/SaveOutcome';
import { PauseOrResumeButton, ScheduleButton, ScheduleItem } from '../../components/ScheduleItem';
import { formatDateTime } from '../../format/dates';
import { describeError } from '../../forms/describe-error';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../navigation';
import { useRead } from '../../offline/use-read';
import { usePatientName } from './PlanEditorScreen';
import { ScheduleForm } from './ScheduleForm';

function ScheduleActions({ schedule, now, onChange, onSendNow }: {
  schedule: Schedule;
  now: number;
  onChange: ScheduleChange;
  onSendNow: (schedule: Schedule) => void;
}) {
  const { t } = useI18n();
  if (!schedule.active) {
    return (
      <ScheduleButton
        schedule={schedule}
        label={t('checkins.start')}
        onClick={() => void onChange(schedule, { active: true }, t('checkins.started'))}
      />
    );
  }
  return (
    <div class="app-button-group">
      {!isPaused(schedule.paused_until, now) && (
        <ScheduleButton schedule={schedule} label={t('checkins.sendNow')} onClick={() => onSendNow(schedule)} />
      )}
      <PauseOrResumeButton schedule={schedule} now={now} onChange={onChange} />
      <ScheduleButton
        schedule={schedule}
        label={t('checkins.stop')}
        warning
        onClick={() => void onChange(schedule, { active: false }, t('checkins.stopped'))}
      />
    </div>
  );
}

/** The patient's quiet hours and any pause, which decide when their check-ins can go out. */
function SettingsSummary({ patientId }: { patientId: string }) {
  const { t, language } = useI18n();
  const { state, reload } = useRead(() => readCheckinSettings(patientId), [patientId]);
  return (
    <ReadView state={state} onRetry={reload}>
      {(settings) => (
        <div class="nhsuk-inset-text">
          <p>{t('checkins.quietHours', { start: settings.quiet_start, end: settings.quiet_end })}</p>
          {isPaused(settings.paused_until, Date.now()) && (
            <p>{t('checkins.allPaused', { when: formatDateTime(settings.paused_until!, language) })}</p>
          )}
        </div>
      )}
    </ReadView>
  );
}

/** A patient's check-ins for the care team: set up, pause, stop, or send one now. */
export function CheckinsScreen({ patientId }: { patientId: string }) {
  const { t, language } = useI18n();
  const name = usePatientName(patientId);
  const { state, reload } = useRead(() => readSchedules(patientId), [patientId]);
  const { status, problem, setStatus, setProblem, change } = useScheduleChange(reload);
  const [generation, setGeneration] = useState(0);
  const title = name ? t('checkins.title', { name }) : t('checkins.titleNoName');
  const now = Date.now();

  const sendNow = async (schedule: Schedule) => {
    setStatus('');
    setProblem(null);
    try {
      const sent = await sendCheckinNow(schedule.id);
      setStatus(t('checkins.sentNow', { question: schedule.question, when: formatDateTime(sent.due_at, language) }));
    } catch (error) {
      setProblem(describeError(error, t));
    }
    reload();
  };

  return (
    <Page title={title}>
      <BackLink href={hrefFor({ name: 'plan-editor', patientId })} />
      <h1>{title}</h1>
      <p>
        <a href={hrefFor({ name: 'conversation', patientId })}>{t('caseload.messagesLink')}</a>
      </p>
      <SettingsSummary key={generation} patientId={patientId} />
      <SaveOutcome problem={problem} status={status} />
      <h2 class="nhsuk-heading-m">{t('checkins.listTitle')}</h2>
      <ReadView state={state} onRetry={reload}>
        {({ schedules }) =>
          schedules.length === 0 ? (
            <p>{t('checkins.none')}</p>
          ) : (
            <ul class="app-card-list">
              {schedules.map((schedule) => (
                <ScheduleItem key={schedule.id} schedule={schedule} allPausedUntil={null} now={now}>
                  <ScheduleActions schedule={schedule} now={now} onChange={change} onSendNow={(s) => void sendNow(s)} />
                </ScheduleItem>
              ))}
            </ul>
          )
        }
      </ReadView>
      <ScheduleForm
        patientId={patientId}
        onCreated={(question) => {
          setStatus(t('checkins.created', { question }));
          setGeneration((n) => n + 1);
          reload();
        }}
      />
    </Page>
  );
}
