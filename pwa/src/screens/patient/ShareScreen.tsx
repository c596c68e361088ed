import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { createShareLink, readShareLinks, revokeShareLink } from '../../api/sharing';
import type { ShareLink, ShareLinkCreated, ShareLinkStatus } from '../../api/types';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Radios } from '../../components/fields';
import { Page } from '../../components/Page';
import { ReadView } from '../../components/ReadView';
import { SaveOutcome } from '../../components/SaveOutcome';
import { TextInput } from '../../components/TextInput';
import { formatDateTime } from '../../format/dates';
import { describeError } from '../../forms/describe-error';
import { errorFor, type FieldError } from '../../forms/field-error';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../navigation';
import { useRead } from '../../offline/use-read';
import { checkShare, CUSTOM, EMPTY_SHARE, EXPIRY_CHOICES, FIELD_IDS, liveFirst, MAX_HOURS } from '../../sharing/share-form';
import { SummaryRow } from '../../components/SummaryRow';
import { ConfirmedAction } from '../../components/ConfirmedAction';

const STATUS: Record<ShareLinkStatus, { label: MessageKey; colour: string }> = {
  active: { label: 'share.status.active', colour: 'green' },
  expired: { label: 'share.status.expired', colour: 'grey' },
  revoked: { label: 'share.status.revoked', colour: 'grey' },
};

const NEW_URL_ID = 'share-new-url';

interface Outcome {
  status?: string;
  problem?: string;
}

/** Choose how long and who for, then make the link. */
function MakeLinkForm({ patientId, onMade }: { patientId: string; onMade: (made: ShareLinkCreated) => void }) {
  const { t } = useI18n();
  const [fields, setFields] = useState(EMPTY_SHARE);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const sending = useRef(false);
  const set = (change: Partial<typeof fields>) => setFields((now) => ({ ...now, ...change }));

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (sending.current) return;
    const checked = checkShare(fields, t);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors([]);
    sending.current = true;
    try {
      onMade(await createShareLink(patientId, checked.value));
      setFields(EMPTY_SHARE);
    } catch (error) {
      setErrors([{ fieldId: FIELD_IDS.expiry, message: describeError(error, t) }]);
    } finally {
      sending.current = false;
    }
  };

  return (
    <section aria-labelledby="make-link-title">
      <h2 class="nhsuk-heading-m" id="make-link-title">
        {t('share.makeTitle')}
      </h2>
      <form onSubmit={(event) => void onSubmit(event)} novalidate>
        <ErrorSummary errors={errors} />
        <TextInput
          id={FIELD_IDS.label}
          label={t('share.labelLabel')}
          hint={t('share.labelHint')}
          autocomplete="off"
          error={errorFor(errors, FIELD_IDS.label)}
          value={fields.label}
          onInput={(event) => set({ label: event.currentTarget.value })}
        />
        <Radios
          id={FIELD_IDS.expiry}
          legend={t('share.expiryLegend')}
          hint={t('share.expiryHint')}
          error={errorFor(errors, FIELD_IDS.expiry)}
          options={EXPIRY_CHOICES.map((choice) => ({ value: choice.value, label: t(choice.label) }))}
          value={fields.expiry}
          onChange={(expiry) => set({ expiry })}
        />
        {fields.expiry === CUSTOM && (
          <TextInput
            id={FIELD_IDS.hours}
            label={t('share.hoursLabel')}
            hint={t('share.hoursHint', { max: MAX_HOURS })}
            inputMode="numeric"
            autocomplete="off"
            width={4}
            error={errorFor(errors, FIELD_IDS.hours)}
            value={fields.hours}
            onInput={(event) => set({ hours: event.currentTarget.value })}
          />
        )}
        <button class="nhsuk-button" type="submit">
          {t('share.make')}
        </button>
      </form>
    </section>
  );
}

/** The new link's address, shown this once, with a button to copy it. */
function NewLink({ made }: { made: ShareLinkCreated }) {
  const { t, language } = useI18n();
  const [copied, setCopied] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [made]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(made.url);
      setCopied(t('share.copied'));
    } catch {
      (document.getElementById(NEW_URL_ID) as HTMLInputElement | null)?.select();
      setCopied(t('share.copyFailed'));
    }
  };

  return (
    <div class="nhsuk-card nhsuk-card--feature app-new-link">
      <div class="nhsuk-card__content nhsuk-card__content--feature">
        <h2 class="nhsuk-card__heading nhsuk-card__heading--feature nhsuk-heading-m" tabIndex={-1} ref={heading}>
          {t('share.newTitle')}
        </h2>
        <p>{t('share.newUntil', { when: formatDateTime(made.link.expires_at, language) })}</p>
        <TextInput id={NEW_URL_ID} label={t('share.newLabel')} value={made.url} readOnly spellcheck={false} />
        <button class="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => void copy()}>
          {t('share.copy')}
        </button>
        <p role="status" class="app-status">
          {copied}
        </p>
        <div class="nhsuk-warning-callout">
          <h3 class="nhsuk-warning-callout__label">
            <span class="nhsuk-u-visually-hidden">{t('outbox.important')} </span>
            {t('share.onceTitle')}
          </h3>
          <p>{t('share.onceWarning')}</p>
        </div>
      </div>
    </div>
  );
}

function LinkCard({ patientId, link, onOutcome, reload }: {
  patientId: string;
  link: ShareLink;
  onOutcome: (outcome: Outcome) => void;
  reload: () => void;
}) {
  const { t, language } = useI18n();
  const status = STATUS[link.status];
  const name = link.label || t('share.unlabelled', { when: formatDateTime(link.created_at, language) });
  const when = (at: number) => formatDateTime(at, language);
  const row = (label: string, value: ComponentChildren) => <SummaryRow label={label}>{value}</SummaryRow>;
  const stop = async () => {
    try {
      await revokeShareLink(patientId, link.id);
      onOutcome({ status: t('share.stopped', { name }) });
    } catch (error) {
      onOutcome({ problem: describeError(error, t) });
    }
    reload();
  };

  return (
    <li class="nhsuk-card">
      <div class="nhsuk-card__content">
        <h3 class="nhsuk-card__heading nhsuk-heading-s">{name}</h3>
        <p>
          <strong class={`nhsuk-tag nhsuk-tag--${status.colour}`}>{t(status.label)}</strong>
        </p>
        <dl class="nhsuk-summary-list">
          {row(t('share.made'), when(link.created_at))}
          {link.revoked_at !== null
            ? row(t('share.stoppedAt'), when(link.revoked_at))
            : row(link.status === 'active' ? t('share.worksUntil') : t('share.endedAt'), when(link.expires_at))}
          {row(t('share.views'), String(link.view_count))}
          {row(t('share.lastViewed'), link.last_viewed_at !== null ? when(link.last_viewed_at) : t('share.neverViewed'))}
        </dl>
        {link.status === 'active' && (
          <ConfirmedAction
            name={name}
            words={{
              action: t('share.stop'),
              title: t('share.stopTitle', { name }),
              warning: t('share.stopWarning'),
              confirm: t('share.stopConfirm'),
              cancel: t('share.stopCancel'),
            }}
            onConfirm={stop}
          />
        )}
      </div>
    </li>
  );
}

/**
 * "Share my story": a read-only link to a summary of the patient's plan for a hospital or
 * out-of-hours team, with an end time; every opening is in the access log. The link's
 * address is shown once and kept only in memory, never on the device.
 */
export function ShareScreen({ patientId }: { patientId: string }) {
  const { t } = useI18n();
  const { state, reload } = useRead(() => readShareLinks(patientId), [patientId]);
  const [made, setMade] = useState<ShareLinkCreated | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({});

  return (
    <Page title={t('share.title')}>
      <h1>{t('share.title')}</h1>
      <p>{t('share.lead')}</p>
      <p>{t('share.shows')}</p>
      <div class="nhsuk-inset-text">
        <span class="nhsuk-u-visually-hidden">{t('offline.information')} </span>
        <p>{t('share.trust')}</p>
      </div>
      <p>
        <a href={hrefFor({ name: 'access-log' })}>{t('share.accessLogLink')}</a>
      </p>
      {made && <NewLink made={made} />}
      <MakeLinkForm
        patientId={patientId}
        onMade={(link) => {
          setOutcome({});
          setMade(link);
          reload();
        }}
      />
      <SaveOutcome problem={outcome.problem ?? null} status={outcome.status ?? ''} />
      <section aria-labelledby="links-title">
        <h2 class="nhsuk-heading-m" id="links-title">
          {t('share.listTitle')}
        </h2>
        <ReadView state={state} onRetry={reload}>
          {({ items }) =>
            items.length === 0 ? (
              <p>{t('share.none')}</p>
            ) : (
              <ul class="app-card-list">
                {liveFirst(items).map((link) => (
                  <LinkCard key={link.id} patientId={patientId} link={link} onOutcome={setOutcome} reload={reload} />
                ))}
              </ul>
            )
          }
        </ReadView>
      </section>
    </Page>
  );
}
