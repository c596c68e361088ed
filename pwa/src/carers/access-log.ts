// The access log in plain words: "Sam Carer (carer) added a reading — 23 November 2026, 10:04".
import type { AccessLogEntry } from '../api/types';
import { formatDateTime } from '../format/dates';
import type { MessageKey } from '../i18n/en';
import { isMessageKey, type Language } from '../i18n/translate';
import { describeActor } from './attribution';

type Translate = (key: MessageKey, params?: Record<string, string>) => string;

/**
 * Who did it: the name and role, as the log names them. Nobody signs in to open a share link,
 * so the link itself is named ("Share link: Hospital admission"), without a role.
 */
export function whoDid(entry: AccessLogEntry, t: Translate): string {
  if (entry.actor_kind === 'share_link') return entry.actor_name;
  return describeActor({ kind: entry.actor_kind, name: entry.actor_name }, t, entry.actor_role);
}

/**
 * What they did, in the reader's language. An action this app has no words for (a newer
 * server's) uses the server's English summary rather than showing nothing.
 */
export function accessSentence(entry: AccessLogEntry, t: Translate): string {
  const who = whoDid(entry, t);
  const key = `access.action.${entry.action}`;
  return isMessageKey(key) ? t(key, { who }) : t('access.other', { who, what: entry.summary });
}

export function describeAccess(entry: AccessLogEntry, t: Translate, language: Language, timeZone?: string): string {
  return t('access.entry', { what: accessSentence(entry, t), when: formatDateTime(entry.at, language, timeZone) });
}

export interface Person {
  id: string;
  label: string;
}

/** Everyone seen in the log so far (the filter's choices), each once, by name. */
export function peopleIn(entries: readonly AccessLogEntry[], known: readonly Person[], t: Translate): Person[] {
  const people = new Map(known.map((person) => [person.id, person]));
  for (const entry of entries) {
    if (!people.has(entry.actor_id)) people.set(entry.actor_id, { id: entry.actor_id, label: whoDid(entry, t) });
  }
  return [...people.values()].sort((a, b) => a.label.localeCompare(b.label));
}
