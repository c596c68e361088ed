// The clinician inbox, away status, caseload and the practice's clinicians.
import { api } from './client';
import type { CaseloadScope, InboxScope, InboxStatus } from './types';

const item = (item_id: string) => ({ item_id });

export const INBOX_EVENTS_URL = '/api/inbox/events';

export const readInbox = (scope: InboxScope, status: InboxStatus) =>
  api('get', '/api/inbox', { query: { scope, status, limit: 200 } });

export const readInboxItem = (itemId: string) => api('get', '/api/inbox/{item_id}', { path: item(itemId) });

export const assignItem = (itemId: string, clinicianId: string) =>
  api('post', '/api/inbox/{item_id}/assign', { path: item(itemId), body: { clinician_id: clinicianId } });

export const addNote = (itemId: string, body: string) =>
  api('post', '/api/inbox/{item_id}/notes', { path: item(itemId), body: { body } });

/** `clientId` makes a second tap on "Send" store (and text) the reply once. */
export const replyToItem = (itemId: string, body: string, clientId: string) =>
  api('post', '/api/inbox/{item_id}/reply', { path: item(itemId), body: { body, client_id: clientId } });

export const resolveItem = (itemId: string) => api('post', '/api/inbox/{item_id}/resolve', { path: item(itemId), body: {} });

export const readAway = () => api('get', '/api/clinicians/me/away');

export const setAway = (until: number | null) => api('put', '/api/clinicians/me/away', { body: { until } });

export const readCaseload = (scope: CaseloadScope) => api('get', '/api/caseload', { query: { scope } });

export const listClinicians = () => api('get', '/api/clinicians');
