// The invitation and "change what they can do" forms: our own checks first (in the reader's
// language), then the server's 400 detail linked to the field it names.
import { ApiError } from '../api/errors';
import type { CarerInvite, DelegationUpdate } from '../api/types';
import type { FieldError } from '../forms/field-error';
import { normaliseUkMobile } from '../forms/uk-mobile';
import type { Checked } from '../forms/use-checked-send';
import type { MessageKey } from '../i18n/en';
import { scopesProblem } from './scopes';

type Translate = (key: MessageKey) => string;

/** The body fields, as the server names them in its errors. */
export type CarerField = 'display_name' | 'phone' | 'relationship' | 'scopes' | 'ends_on';

export type FieldIds = Record<CarerField, string>;

/** Ids for one form's fields; `prefix` keeps several forms on a page apart. */
export function fieldIds(prefix: string): FieldIds {
  return {
    display_name: `${prefix}-name`,
    phone: `${prefix}-phone`,
    relationship: `${prefix}-relationship`,
    scopes: `${prefix}-scopes`,
    ends_on: `${prefix}-ends-on`,
  };
}

export interface InviteFields {
  name: string;
  phone: string;
  relationship: string;
  scopes: string[];
  /** YYYY-MM-DD from the date box, or '' for no end date. */
  endsOn: string;
}

export const EMPTY_INVITE: InviteFields = { name: '', phone: '', relationship: '', scopes: [], endsOn: '' };

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function scopeErrors(scopes: readonly string[], ids: FieldIds, t: Translate): FieldError[] {
  const problem = scopesProblem(scopes);
  if (problem === 'none') return [{ fieldId: ids.scopes, message: t('carers.errorScopesNone') }];
  if (problem === 'needs-view-plan') return [{ fieldId: ids.scopes, message: t('carers.errorScopesNeedView') }];
  return [];
}

/** The end date, checked against `today` (YYYY-MM-DD): the last day may be today, not before. */
function endErrors(endsOn: string, today: string, ids: FieldIds, t: Translate): FieldError[] {
  if (endsOn === '') return [];
  if (!ISO_DAY.test(endsOn) || Number.isNaN(Date.parse(endsOn))) return [{ fieldId: ids.ends_on, message: t('carers.errorEndInvalid') }];
  if (endsOn < today) return [{ fieldId: ids.ends_on, message: t('carers.errorEndPast') }];
  return [];
}

export function checkInvite(fields: InviteFields, today: string, ids: FieldIds, t: Translate): Checked<CarerInvite> {
  const errors: FieldError[] = [];
  const name = fields.name.trim();
  if (name === '') errors.push({ fieldId: ids.display_name, message: t('carers.errorNameMissing') });
  const phone = normaliseUkMobile(fields.phone);
  if (fields.phone.trim() === '') errors.push({ fieldId: ids.phone, message: t('carers.errorPhoneMissing') });
  else if (phone === null) errors.push({ fieldId: ids.phone, message: t('carers.errorPhoneInvalid') });
  errors.push(...scopeErrors(fields.scopes, ids, t), ...endErrors(fields.endsOn, today, ids, t));
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      display_name: name,
      phone: phone!,
      relationship: fields.relationship.trim(),
      scopes: fields.scopes as CarerInvite['scopes'],
      ends_on: fields.endsOn === '' ? null : fields.endsOn,
    },
  };
}

/** A change to an existing carer's access: both the scopes and the end date are sent. */
export function checkChange(
  scopes: string[],
  endsOn: string,
  version: number,
  today: string,
  ids: FieldIds,
  t: Translate,
): Checked<DelegationUpdate> {
  const errors = [...scopeErrors(scopes, ids, t), ...endErrors(endsOn, today, ids, t)];
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { version, scopes: scopes as CarerInvite['scopes'], ends_on: endsOn === '' ? null : endsOn } };
}

const FIELDS: readonly CarerField[] = ['display_name', 'phone', 'relationship', 'scopes', 'ends_on'];
const isField = (name: string | undefined): name is CarerField => FIELDS.includes(name as CarerField);

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The server's 400 detail as field errors. It names the field first ("phone: …") or, from
 * body validation, at the end ("… at `$.display_name`"); parts are joined with "; ". What
 * names no field of ours is linked to `fallback`. Null when the error is not a 400.
 */
export function serverFieldErrors(error: unknown, ids: FieldIds, fallback: CarerField): FieldError[] | null {
  if (!(error instanceof ApiError) || error.status !== 400 || !error.detail) return null;
  return error.detail.split('; ').map((part) => {
    const named = /^(\w+): (.+)$/s.exec(part);
    const inPath = /`\$\.(\w+)/.exec(part)?.[1];
    const field = isField(named?.[1]) ? named[1] : isField(inPath) ? inPath : fallback;
    const message = named && isField(named[1]) ? named[2]! : part;
    return { fieldId: ids[field], message: sentence(message) };
  });
}
