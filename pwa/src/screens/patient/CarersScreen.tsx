import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { readCarers, revokeCarer } from '../../api/carers';
import type { Delegation, DelegationStatus } from '../../api/types';
import { ordered, scopeLabel } from '../../carers/scopes';
import { Page } from '../../components/Page';
import { ReadView } from '../../components/ReadView';
import { SaveOutcome } from '../../components/SaveOutcome';
import { formatDay } from '../../format/dates';
import { describeError } from '../../forms/describe-error';
import { formatUkMobile } from '../../forms/uk-mobile';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../navigation';
import { useRead } from '../../offline/use-read';
import { ChangeAccessForm, InviteCarerForm } from './CarerForms';
import { SummaryRow } from '../../components/SummaryRow';
import { ConfirmedAction } from '../../components/ConfirmedAction';

const STATUS: Record<DelegationStatus, { label: MessageKey; colour: string }> = {
  invited: { label: 'carers.status.invited', colour: 'yellow' },
  active: { label: 'carers.status.active', colour: 'green' },
  revoked: { label: 'carers.status.revoked', colour: 'grey' },
  expired: { label: 'carers.status.expired', colour: 'grey' },
  declined: { label: 'carers.status.declined', colour: 'red' },
};

const isLive = (carer: Delegation) => carer.status === 'invited' || carer.status === 'active';

const readablePhone = (phone: string) => (/^\+447\d{9}$/.test(phone) ? formatUkMobile(phone) : phone);

interface Outcome {
  status?: string;
  problem?: string;
}

function CarerCard({ patientId, carer, onOutcome, reload }: {
  patientId: string;
  carer: Delegation;
  onOutcome: (outcome: Outcome) => void;
  reload: () => void;
}) {
  const { t, language } = useI18n();
  const status = STATUS[carer.status];
  const name = carer.carer_name;
  const row = (label: string, value: ComponentChildren) => <SummaryRow label={label}>{value}</SummaryRow>;

  const end = async () => {
    try {
      await revokeCarer(patientId, carer.id);
      onOutcome({ status: t('carers.ended', { name }) });
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
          {carer.relationship && row(t('carers.relationship'), carer.relationship)}
          {row(t('carers.phone'), readablePhone(carer.carer_phone))}
          {row(
            t('carers.canDo'),
            <ul class="nhsuk-list nhsuk-list--bullet">
              {ordered(carer.scopes).map((scope) => (
                <li key={scope}>{scopeLabel(scope, t)}</li>
              ))}
            </ul>,
          )}
          {row(t('carers.endsOn'), carer.ends_on ? formatDay(carer.ends_on, language) : t('carers.noEnd'))}
        </dl>
        {isLive(carer) && (
          <>
            <details class="nhsuk-details">
              <summary class="nhsuk-details__summary">
                <span class="nhsuk-details__summary-text">{t('carers.change', { name })}</span>
              </summary>
              <div class="nhsuk-details__text">
                <ChangeAccessForm
                  key={carer.version}
                  patientId={patientId}
                  carer={carer}
                  onChanged={() => {
                    onOutcome({ status: t('carers.changed', { name }) });
                    reload();
                  }}
                  onConflict={() => {
                    onOutcome({ problem: t('carers.conflict', { name }) });
                    reload();
                  }}
                />
              </div>
            </details>
            <ConfirmedAction
              name={name}
              words={{
                action: t('carers.end'),
                title: t('carers.endTitle', { name }),
                warning: t('carers.endWarning', { name }),
                confirm: t('carers.endConfirm'),
                cancel: t('carers.endCancel'),
              }}
              onConfirm={end}
            />
          </>
        )}
      </div>
    </li>
  );
}

/**
 * The patient's carers: who may help with what and until when, invite someone, change what
 * they may do, or end their access at once.
 */
export function CarersScreen({ patientId }: { patientId: string }) {
  const { t } = useI18n();
  const { state, reload } = useRead(() => readCarers(patientId), [patientId]);
  const [outcome, setOutcome] = useState<Outcome>({});

  const list = (carers: Delegation[], titleKey: MessageKey, id: string) =>
    carers.length > 0 && (
      <section aria-labelledby={id}>
        <h2 class="nhsuk-heading-m" id={id}>
          {t(titleKey)}
        </h2>
        <ul class="app-card-list">
          {carers.map((carer) => (
            <CarerCard key={carer.id} patientId={patientId} carer={carer} onOutcome={setOutcome} reload={reload} />
          ))}
        </ul>
      </section>
    );

  return (
    <Page title={t('carers.title')}>
      <h1>{t('carers.title')}</h1>
      <p>{t('carers.lead')}</p>
      <p>
        <a href={hrefFor({ name: 'access-log' })}>{t('carers.accessLogLink')}</a>
      </p>
      <SaveOutcome problem={outcome.problem ?? null} status={outcome.status ?? ''} />
      <ReadView state={state} onRetry={reload}>
        {({ items }) => (
          <>
            {items.length === 0 && <p>{t('carers.none')}</p>}
            {list(items.filter(isLive), 'carers.currentTitle', 'current-carers-title')}
            {list(items.filter((carer) => !isLive(carer)), 'carers.pastTitle', 'past-carers-title')}
          </>
        )}
      </ReadView>
      <InviteCarerForm
        patientId={patientId}
        onInvited={(carer) => {
          setOutcome({ status: t('carers.invited', { name: carer.carer_name }) });
          reload();
        }}
      />
    </Page>
  );
}
