// "My story" share links: the patient makes one (its address comes back only then), lists
// them (never with addresses) and stops one. Nothing here is kept on the device.
import { api } from './client';
import type { ShareLinkCreate } from './types';

const patient = (patient_id: string) => ({ patient_id });

export const readShareLinks = (patientId: string) =>
  api('get', '/api/patients/{patient_id}/share-links', { path: patient(patientId) });

export const createShareLink = (patientId: string, body: ShareLinkCreate) =>
  api('post', '/api/patients/{patient_id}/share-links', { path: patient(patientId), body });

export const revokeShareLink = (patientId: string, linkId: string) =>
  api('post', '/api/patients/{patient_id}/share-links/{link_id}/revoke', {
    path: { patient_id: patientId, link_id: linkId },
  });
