// Check-ins for end-to-end tests: set one up through the API, make it due now, and let one
// scheduler tick (`careplan scheduler --once`, on the e2e server's database) text it out
// through the dev phone, as the running service would.
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { ApiSession } from './api';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(REPO_ROOT, '.venv/bin/careplan');

/** One scheduler tick against the e2e server's database, sending through its dev phone. */
export function tickOnce(): string {
  const databaseUrl = process.env.CAREPLAN_E2E_DATABASE_URL;
  const publicUrl = process.env.CAREPLAN_E2E_URL;
  if (!databaseUrl || !publicUrl) throw new Error('global-setup did not run');
  return execFileSync(CLI, ['scheduler', '--once'], {
    cwd: REPO_ROOT,
    env: { ...process.env, CAREPLAN_DEV_PHONE: '1', CAREPLAN_DATABASE_URL: databaseUrl, CAREPLAN_PUBLIC_URL: publicUrl },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 60_000,
  });
}

export interface ScheduleBody {
  kind: string;
  question: string;
  options?: Record<string, unknown>;
}

/**
 * A daily check-in for the patient, sent now. Quiet hours are switched off first, so the text
 * goes out whatever the time of day the test runs.
 */
export async function sendCheckinNow(clinician: ApiSession, patientId: string, body: ScheduleBody): Promise<string> {
  await clinician.put(`/api/patients/${patientId}/checkin-settings`, {
    quiet_start: '00:00',
    quiet_end: '00:00',
    paused_until: null,
    channel: 'sms',
  });
  const schedule = await clinician.post<{ id: string }>(
    `/api/patients/${patientId}/checkin-schedules`,
    { cadence: 'daily', local_time: '09:00', ...body },
    201,
  );
  await clinician.post(`/api/checkin-schedules/${schedule.id}/send-now`, undefined, 202);
  tickOnce();
  return schedule.id;
}
