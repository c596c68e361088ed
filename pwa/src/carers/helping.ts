// Which patient a carer is helping right now, kept for the tab (so a reload stays with them),
// and what a refused request means for it.
import type { HelpedPatient } from '../api/types';
import type { CareplanDb } from '../offline/db';

export interface Helping {
  patientId: string;
  name: string;
  scopes: string[];
}

/** Why the carer was taken back to the people they help. */
export type AccessNotice = { kind: 'ended' | 'narrowed'; name: string };

const KEY = 'careplan.helping';

export function helpingFrom(patient: HelpedPatient): Helping {
  return { patientId: patient.patient_id, name: patient.patient_name, scopes: [...patient.scopes] };
}

/** The patient this carer chose in this tab, if any (another carer's choice is ignored). */
export function rememberedHelping(carerId: string): Helping | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as { carerId: string; helping: Helping } | null;
    return saved && saved.carerId === carerId ? saved.helping : null;
  } catch {
    return null;
  }
}

export function rememberHelping(carerId: string, helping: Helping | null): void {
  try {
    if (helping) sessionStorage.setItem(KEY, JSON.stringify({ carerId, helping }));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage blocked: a reload goes back to the list of people, nothing worse.
  }
}

/**
 * The access ended: the copies of the patient's record this device kept for offline use go
 * too (cache keys start with the patient's id), so they cannot be opened offline afterwards.
 */
export async function forgetPatientCopies(db: CareplanDb, patientId: string): Promise<void> {
  const prefix = `${patientId}/`;
  const keys = (await db.getAllKeys('cache')).filter((key) => key.startsWith(prefix));
  const tx = db.transaction('cache', 'readwrite');
  await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done]);
}

/**
 * After a request about the patient was refused: is the access gone, or narrower than the
 * screens assumed? Null when it is as it was (the refusal was about something else, e.g. a
 * goal someone removed), so the screen shows its own error.
 */
export function refusalMeaning(helping: Helping, now: readonly HelpedPatient[]): AccessNotice | null {
  const current = now.find((patient) => patient.patient_id === helping.patientId);
  if (!current) return { kind: 'ended', name: helping.name };
  const same = current.scopes.length === helping.scopes.length && current.scopes.every((s) => helping.scopes.includes(s));
  return same ? null : { kind: 'narrowed', name: current.patient_name };
}
