// A phone several people use (a patient who is also a carer, or two patients) signs in as
// one of them: the server answers 409 with the choices, and the code is sent again with one.
import { ApiError } from '../api/errors';

export interface SignInChoices {
  patientIds: string[];
  /** The phone is also a carer's. */
  carer: boolean;
}

/** The choices in a 409 from sms-verify, or null when the error is something else. */
export function signInChoices(error: unknown): SignInChoices | null {
  if (!(error instanceof ApiError) || error.status !== 409 || !error.extra) return null;
  const { patient_ids: ids, carer } = error.extra;
  const patientIds = Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  if (patientIds.length === 0 && carer !== true) return null;
  return { patientIds, carer: carer === true };
}
