// The care plan API, one typed function per call the screens make.
import { api } from './client';
import type {
  ActionCreate,
  ActionUpdate,
  Agenda,
  GoalCreate,
  GoalUpdate,
  Mutation,
  PlanUpdate,
} from './types';

const patient = (patient_id: string) => ({ patient_id });

export const readPlan = (patientId: string) =>
  api('get', '/api/patients/{patient_id}/plan', { path: patient(patientId) });

export const updatePlan = (patientId: string, body: PlanUpdate) =>
  api('patch', '/api/patients/{patient_id}/plan', { path: patient(patientId), body });

export const createGoal = (patientId: string, body: GoalCreate) =>
  api('post', '/api/patients/{patient_id}/goals', { path: patient(patientId), body });

export const updateGoal = (patientId: string, goalId: string, body: GoalUpdate) =>
  api('patch', '/api/patients/{patient_id}/goals/{goal_id}', {
    path: { patient_id: patientId, goal_id: goalId },
    body,
  });

export const deleteGoal = (patientId: string, goalId: string, version: number) =>
  api('delete', '/api/patients/{patient_id}/goals/{goal_id}', {
    path: { patient_id: patientId, goal_id: goalId },
    query: { version },
  });

export const createAction = (patientId: string, body: ActionCreate) =>
  api('post', '/api/patients/{patient_id}/actions', { path: patient(patientId), body });

export const updateAction = (patientId: string, actionId: string, body: ActionUpdate) =>
  api('patch', '/api/patients/{patient_id}/actions/{action_id}', {
    path: { patient_id: patientId, action_id: actionId },
    body,
  });

export const deleteAction = (patientId: string, actionId: string, version: number) =>
  api('delete', '/api/patients/{patient_id}/actions/{action_id}', {
    path: { patient_id: patientId, action_id: actionId },
    query: { version },
  });

export const readToday = (patientId: string) =>
  api('get', '/api/patients/{patient_id}/today', { path: patient(patientId) });

export const readHistory = (patientId: string, sinceLastReview: boolean) =>
  api('get', '/api/patients/{patient_id}/history', {
    path: patient(patientId),
    query: { since_last_review: sinceLastReview },
  });

export const readReadingTypes = () => api('get', '/api/reading-types');

export const readReadings = (patientId: string, readingType: string) =>
  api('get', '/api/patients/{patient_id}/readings', {
    path: patient(patientId),
    query: { reading_type: readingType, limit: 20 },
  });

export const readSeries = (patientId: string, readingType: string, start: number, end: number) =>
  api('get', '/api/patients/{patient_id}/readings/series', {
    path: patient(patientId),
    query: { reading_type: readingType, start, end },
  });

export const readReviews = (patientId: string) =>
  api('get', '/api/patients/{patient_id}/reviews', { path: patient(patientId) });

export const readReview = (patientId: string, reviewId: string) =>
  api('get', '/api/patients/{patient_id}/reviews/{review_id}', {
    path: { patient_id: patientId, review_id: reviewId },
  });

export const writeAgenda = (patientId: string, reviewId: string, body: Agenda) =>
  api('put', '/api/patients/{patient_id}/reviews/{review_id}/agenda', {
    path: { patient_id: patientId, review_id: reviewId },
    body,
  });

export const listPatients = () => api('get', '/api/patients', { query: { limit: 200 } });

/** Send offline mutations; the server answers each one on its own. */
export const sync = (mutations: Mutation[]) => api('post', '/api/sync', { body: { mutations } });

export const readPatient = (patientId: string) =>
  api('get', '/api/patients/{patient_id}', { path: patient(patientId) });
