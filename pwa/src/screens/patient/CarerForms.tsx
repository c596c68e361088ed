// The patient's forms for carers: invite one, and change what one may do and until when.
import { useRef, useState } from 'preact/hooks';
import { inviteCarer, updateCarer } from '../../api/carers';
import { isConflict } from '../../api/errors';
import type { Delegation } from '../../api/types';
import { checkChange, checkInvite, EMPTY_INVITE, fieldIds, serverFieldErrors, type CarerField, type FieldIds } from '../../carers/carer-form';
import { scopeLabel, SCOPES } from '../../carers/scopes';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Checkboxes } from '../../components/fields';
import { TextInput } from '../../components/TextInput';
import { localDay } from '../../format/dates';
import { describeError } from '../../forms/describe-error';
import { errorFor, type FieldError } from '../../forms/field-error';
import { useI18n } from '../../i18n/I18nProvider';

/** Today on this phone (YYYY-MM-DD): an end date before it is refused before sending. */
const today = () => localDay(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone);

/** What went wrong sending: the server's 400 at its field, anything else at `fallback`. */
function sendErrors(error: unknown, ids: FieldIds, fallback: CarerField, t: ReturnType<typeof useI18n>['t']): FieldError[] {
  return serverFieldErrors(error, ids, fallback) ?? [{ fieldId: ids[fallback], message: describeError(error, t) }];
}

function AccessFields({ ids, errors, scopes, onScopes, endsOn, onEndsOn }: {
  ids: FieldIds;
  errors: readonly FieldError[];
  scopes: string[];
  onScopes: (scopes: string[]) => void;
  endsOn: string;
  onEndsOn: (endsOn: string) => void;
}) {
  const { t } = useI18n();
  return (
    <>
      <Checkboxes
        id={ids.scopes}
        legend={t('carers.scopesLegend')}
        hint={t('carers.scopesHint')}
        error={errorFor(errors, ids.scopes)}
        options={SCOPES.map((scope) => ({ value: scope, label: scopeLabel(scope, t) }))}
        values={scopes}
        onChange={onScopes}
      />
      <TextInput
        id={ids.ends_on}
        type="date"
        label={t('carers.endsOnLabel')}
        hint={t('carers.endsOnHint')}
        error={errorFor(errors, ids.ends_on)}
        value={endsOn}
        onInput={(event) => onEndsOn(event.currentTarget.value)}
      />
    </>
  );
}

/** Invite a carer by phone: they get a text, sign in with their own phone and accept. */
export function InviteCarerForm({ patientId, onInvited }: { patientId: string; onInvited: (carer: Delegation) => void }) {
  const { t } = useI18n();
  const ids = fieldIds('carer');
  const [fields, setFields] = useState(EMPTY_INVITE);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const sending = useRef(false);
  const set = (change: Partial<typeof fields>) => setFields((now) => ({ ...now, ...change }));

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (sending.current) return;
    const checked = checkInvite(fields, today(), ids, t);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors([]);
    sending.current = true;
    try {
      onInvited(await inviteCarer(patientId, checked.value));
      setFields(EMPTY_INVITE);
    } catch (error) {
      setErrors(sendErrors(error, ids, 'phone', t));
    } finally {
      sending.current = false;
    }
  };

  return (
    <section aria-labelledby="invite-title">
      <h2 class="nhsuk-heading-m" id="invite-title">
        {t('carers.inviteTitle')}
      </h2>
      <p>{t('carers.inviteLead')}</p>
      <form onSubmit={(event) => void onSubmit(event)} novalidate>
        <ErrorSummary errors={errors} />
        <TextInput
          id={ids.display_name}
          label={t('carers.nameLabel')}
          autocomplete="off"
          error={errorFor(errors, ids.display_name)}
          value={fields.name}
          onInput={(event) => set({ name: event.currentTarget.value })}
        />
        <TextInput
          id={ids.phone}
          type="tel"
          label={t('carers.phoneLabel')}
          hint={t('carers.phoneHint')}
          autocomplete="off"
          width={20}
          error={errorFor(errors, ids.phone)}
          value={fields.phone}
          onInput={(event) => set({ phone: event.currentTarget.value })}
        />
        <TextInput
          id={ids.relationship}
          label={t('carers.relationshipLabel')}
          hint={t('carers.relationshipHint')}
          width={20}
          error={errorFor(errors, ids.relationship)}
          value={fields.relationship}
          onInput={(event) => set({ relationship: event.currentTarget.value })}
        />
        <AccessFields
          ids={ids}
          errors={errors}
          scopes={fields.scopes}
          onScopes={(scopes) => set({ scopes })}
          endsOn={fields.endsOn}
          onEndsOn={(endsOn) => set({ endsOn })}
        />
        <button class="nhsuk-button" type="submit">
          {t('carers.inviteSubmit')}
        </button>
      </form>
    </section>
  );
}

/**
 * Change a carer's scopes and end date. Sends the version read: if the access changed since
 * (the carer accepted, or another device changed it), `onConflict` reloads rather than overwrite.
 */
export function ChangeAccessForm({ patientId, carer, onChanged, onConflict }: {
  patientId: string;
  carer: Delegation;
  onChanged: (carer: Delegation) => void;
  onConflict: () => void;
}) {
  const { t } = useI18n();
  const ids = fieldIds(`change-${carer.id}`);
  const [scopes, setScopes] = useState<string[]>(carer.scopes);
  const [endsOn, setEndsOn] = useState(carer.ends_on ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const sending = useRef(false);

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (sending.current) return;
    const checked = checkChange(scopes, endsOn, carer.version, today(), ids, t);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors([]);
    sending.current = true;
    try {
      onChanged(await updateCarer(patientId, carer.id, checked.value));
    } catch (error) {
      if (isConflict(error)) onConflict();
      else setErrors(sendErrors(error, ids, 'scopes', t));
    } finally {
      sending.current = false;
    }
  };

  return (
    <form onSubmit={(event) => void onSubmit(event)} novalidate>
      <ErrorSummary errors={errors} />
      <AccessFields ids={ids} errors={errors} scopes={scopes} onScopes={setScopes} endsOn={endsOn} onEndsOn={setEndsOn} />
      <button class="nhsuk-button nhsuk-button--secondary" type="submit">
        {t('carers.changeSubmit')}
        <span class="nhsuk-u-visually-hidden">: {carer.carer_name}</span>
      </button>
    </form>
  );
}
