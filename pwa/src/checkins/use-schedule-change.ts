import { useState } from 'preact/hooks';
import { updateSchedule } from '../api/checkins';
import { isConflict } from '../api/errors';
import type { Schedule, ScheduleUpdate } from '../api/types';
import { describeError } from '../forms/describe-error';
import { useI18n } from '../i18n/I18nProvider';

/** Change one schedule, then say `done` (or what went wrong). */
export type ScheduleChange = (schedule: Schedule, body: Omit<ScheduleUpdate, 'version'>, done: string) => Promise<void>;

/**
 * Pause, restart or stop a schedule, quoting the version read. If someone else changed it
 * first (409) nothing is overwritten: the list is read again and the person told.
 */
export function useScheduleChange(reload: () => void) {
  const { t } = useI18n();
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const change: ScheduleChange = async (schedule, body, done) => {
    setStatus('');
    setProblem(null);
    try {
      await updateSchedule(schedule.id, { version: schedule.version, ...body });
      setStatus(done);
    } catch (error) {
      setProblem(isConflict(error) ? t('checkins.conflict') : describeError(error, t));
    }
    reload();
  };

  return { status, problem, setStatus, setProblem, change };
}
