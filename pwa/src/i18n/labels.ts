// Words for codes the server sends. The schema types these as open strings, so a new code
// from a newer server must still show something rather than break the screen.
import type { MessageKey } from './en';
import { isMessageKey } from './translate';

type Translate = (key: MessageKey) => string;

export function roleLabel(role: string, t: Translate): string {
  const key = `role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}

/** A reading type's name in the reader's language; the server's English for a type we do not know. */
export function readingTypeLabel(info: { reading_type: string; label: string }, t: Translate): string {
  const key = `readings.type.${info.reading_type}`;
  return isMessageKey(key) ? t(key) : info.label;
}
