// The messages and check-ins API: a patient's thread, check-in settings and schedules, and
// the app notifications that come before a check-in's text.
import { api } from './client';
import type { CheckinSettingsUpdate, PushSubscriptionCreate, ScheduleCreate, ScheduleUpdate } from './types';

const patient = (patient_id: string) => ({ patient_id });

export const THREAD_PAGE = 50;

export const readThread = (patientId: string, before: string | null = null) =>
  api('get', '/api/patients/{patient_id}/messages', {
    path: patient(patientId),
    query: { before, limit: THREAD_PAGE },
  });

/** `clientId` makes a replay (the outbox sending again) store the message once. */
export const postMessage = (patientId: string, body: string, clientId: string) =>
  api('post', '/api/patients/{patient_id}/messages', { path: patient(patientId), body: { body, client_id: clientId } });

export const readCheckinSettings = (patientId: string) =>
  api('get', '/api/patients/{patient_id}/checkin-settings', { path: patient(patientId) });

export const writeCheckinSettings = (patientId: string, body: CheckinSettingsUpdate) =>
  api('put', '/api/patients/{patient_id}/checkin-settings', { path: patient(patientId), body });

export const readSchedules = (patientId: string) =>
  api('get', '/api/patients/{patient_id}/checkin-schedules', { path: patient(patientId) });

export const createSchedule = (patientId: string, body: ScheduleCreate) =>
  api('post', '/api/patients/{patient_id}/checkin-schedules', { path: patient(patientId), body });

export const updateSchedule = (scheduleId: string, body: ScheduleUpdate) =>
  api('patch', '/api/checkin-schedules/{schedule_id}', { path: { schedule_id: scheduleId }, body });

export const sendCheckinNow = (scheduleId: string) =>
  api('post', '/api/checkin-schedules/{schedule_id}/send-now', { path: { schedule_id: scheduleId } });

/** The patient has these open check-ins in front of them: texts held back for them are not sent. */
export const markCheckinsSeen = (patientId: string, checkinIds: string[]) =>
  api('post', '/api/patients/{patient_id}/checkins/seen', { path: patient(patientId), body: { checkin_ids: checkinIds } });

export const readPushConfig = () => api('get', '/api/push/config');

export const subscribePush = (patientId: string, body: PushSubscriptionCreate) =>
  api('post', '/api/patients/{patient_id}/push-subscriptions', { path: patient(patientId), body });

export const unsubscribePush = (patientId: string, endpoint: string) =>
  api('delete', '/api/patients/{patient_id}/push-subscriptions', { path: patient(patientId), query: { endpoint } });
