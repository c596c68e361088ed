// The "Share my story" form: how long a link works (a few common choices, or a number of
// hours) and who it is for, checked before sending with the server's own bounds.
import type { ShareLink, ShareLinkCreate } from '../api/types';
import type { FieldError } from '../forms/field-error';
import type { MessageKey } from '../i18n/en';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The server's bounds: 1 hour to 30 days. */
export const MIN_HOURS = 1;
export const MAX_HOURS = 30 * 24;
export const MAX_LABEL = 80;
export const CUSTOM = 'hours';

/** The choices offered, in hours; `CUSTOM` asks for a number of hours instead. */
export const EXPIRY_CHOICES: readonly { value: string; label: MessageKey }[] = [
  { value: '1', label: 'share.expiry.hour' },
  { value: '24', label: 'share.expiry.day' },
  { value: '72', label: 'share.expiry.threeDays' },
  { value: '168', label: 'share.expiry.week' },
  { value: '720', label: 'share.expiry.month' },
  { value: CUSTOM, label: 'share.expiry.hours' },
];

export const FIELD_IDS = { expiry: 'share-expiry', hours: 'share-hours', label: 'share-label' } as const;

export interface ShareFields {
  expiry: string;
  hours: string;
  label: string;
}

export const EMPTY_SHARE: ShareFields = { expiry: '', hours: '', label: '' };

export type Checked = { ok: true; value: ShareLinkCreate } | { ok: false; errors: FieldError[] };

/** The body to send, or what is wrong with each field, in the reader's language. */
export function checkShare(fields: ShareFields, t: Translate): Checked {
  const errors: FieldError[] = [];
  let hours: number | null = null;
  if (fields.expiry === '') {
    errors.push({ fieldId: FIELD_IDS.expiry, message: t('share.errorExpiryMissing') });
  } else if (fields.expiry === CUSTOM) {
    const typed = fields.hours.trim();
    if (typed === '') {
      errors.push({ fieldId: FIELD_IDS.hours, message: t('share.errorHoursMissing') });
    } else if (!/^\d+$/.test(typed) || Number(typed) < MIN_HOURS || Number(typed) > MAX_HOURS) {
      errors.push({ fieldId: FIELD_IDS.hours, message: t('share.errorHoursRange', { max: MAX_HOURS }) });
    } else {
      hours = Number(typed);
    }
  } else {
    hours = Number(fields.expiry);
  }
  const label = fields.label.trim().replace(/\s+/g, ' ');
  if (label.length > MAX_LABEL) {
    errors.push({ fieldId: FIELD_IDS.label, message: t('share.errorLabelLong', { max: MAX_LABEL }) });
  }
  if (errors.length > 0 || hours === null) return { ok: false, errors };
  return { ok: true, value: { expires_in_hours: hours, label } };
}

/** Live links first (newest first within each group, as the server lists them). */
export function liveFirst(links: readonly ShareLink[]): ShareLink[] {
  return [...links.filter((link) => link.status === 'active'), ...links.filter((link) => link.status !== 'active')];
}
