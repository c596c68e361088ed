// Words for inbox items: the kind of item, and its urgency (always in words, not colour alone).
import type { MessageKey } from '../i18n/en';
import { isMessageKey } from '../i18n/translate';
import type { Urgency } from './inbox-view';

type Translate = (key: MessageKey) => string;

export function itemKindLabel(kind: string, t: Translate): string {
  const key = `inbox.kind.${kind}`;
  return isMessageKey(key) ? t(key) : kind.replace(/_/g, ' ');
}

export const URGENCY_TAG: Record<Urgency, string> = {
  urgent: 'nhsuk-tag--red',
  alert: 'nhsuk-tag--orange',
  routine: 'nhsuk-tag--grey',
};
