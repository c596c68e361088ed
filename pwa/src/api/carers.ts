// The carers API: a patient's carers and access log, and a carer's people and invitations.
import { api } from './client';
import type { CarerInvite, DelegationUpdate } from './types';

const patient = (patient_id: string) => ({ patient_id });
const delegation = (patient_id: string, delegation_id: string) => ({ patient_id, delegation_id });

export const ACCESS_LOG_PAGE = 50;

export const readCarers = (patientId: string) =>
  api('get', '/api/patients/{patient_id}/carers', { path: patient(patientId) });

export const inviteCarer = (patientId: string, body: CarerInvite) =>
  api('post', '/api/patients/{patient_id}/carers', { path: patient(patientId), body });

export const updateCarer = (patientId: string, delegationId: string, body: DelegationUpdate) =>
  api('patch', '/api/patients/{patient_id}/carers/{delegation_id}', { path: delegation(patientId, delegationId), body });

export const revokeCarer = (patientId: string, delegationId: string) =>
  api('post', '/api/patients/{patient_id}/carers/{delegation_id}/revoke', { path: delegation(patientId, delegationId) });

export const readAccessLog = (patientId: string, actorId: string | null, before: string | null = null) =>
  api('get', '/api/patients/{patient_id}/access-log', {
    path: patient(patientId),
    query: { actor_id: actorId, before, limit: ACCESS_LOG_PAGE },
  });

export const readCaringFor = () => api('get', '/api/carer/patients');

export const acceptInvitation = (delegationId: string) =>
  api('post', '/api/carer/invitations/{delegation_id}/accept', { path: { delegation_id: delegationId } });

export const declineInvitation = (delegationId: string) =>
  api('post', '/api/carer/invitations/{delegation_id}/decline', { path: { delegation_id: delegationId } });
