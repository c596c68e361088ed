// "Added by Sam Carer (carer)": who recorded a reading or log, when it was not the patient.
import type { MessageKey } from '../i18n/en';
import { roleLabel } from '../i18n/labels';

type Translate = (key: MessageKey, params?: Record<string, string>) => string;

/** The actor fields the server sends with readings, logs and access-log entries. */
export interface ActorRef {
  actor_kind: string;
  actor_id: string;
  actor_name?: string | null;
}

export interface RecordedBy {
  kind: string;
  name: string | null;
}

/** Who recorded it, or null when it was the patient themself. */
export function recordedBy(entry: ActorRef, patientId: string): RecordedBy | null {
  if (entry.actor_kind === 'patient' && entry.actor_id === patientId) return null;
  return { kind: entry.actor_kind, name: entry.actor_name?.trim() || null };
}

/** "Carer" as it reads mid-sentence ("carer"); an initialism ("GP") stays as it is. */
const inSentence = (label: string) => (/^\p{Lu}\p{Lu}/u.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1));

/** "Sam Carer (carer)", or just "Carer" when the server did not say the name. */
export function describeActor(by: RecordedBy, t: Translate, role: string = by.kind): string {
  const label = roleLabel(role, t);
  return by.name ? t('actor.nameAndRole', { name: by.name, role: inSentence(label) }) : label;
}
