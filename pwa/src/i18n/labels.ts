// Words for codes the server sends. The schema types these as open strings, so a new code
// from a newer server must still show something rather than break the screen.
import type { MessageKey } from './en';
import { isMessageKey } from './translate';

type Translate = (key: MessageKey) => string;

export function roleLabel(role: string, t: Translate): string {
  const key = `role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}

/** How the signed-in person relates to a patient, or null for a relationship we have no words for. */
export function relationshipLabel(relationship: string, t: Translate): string | null {
  const key = `relationship.${relationship}`;
  return isMessageKey(key) ? t(key) : null;
}
