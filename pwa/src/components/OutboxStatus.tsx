import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/I18nProvider';
import type { OutboxMutation } from '../offline/mutations';
import { dismissRejected, flushNow, useOutbox } from '../offline/outbox-runtime';
import { useOnline } from './use-online';

function whatWasRejected(mutation: OutboxMutation, t: (key: MessageKey) => string): string {
  switch (mutation.kind) {
    case 'log_action':
      return t('outbox.rejected.log');
    case 'record_reading':
      return t('outbox.rejected.reading');
    case 'send_message':
      return t('outbox.rejected.message');
    default:
      return t('outbox.rejected.other');
  }
}

/**
 * Whether the phone is offline, how many changes are waiting to be sent, and any the server
 * would not take. A live region, so screen readers hear when the count changes.
 */
export function OutboxStatus() {
  const { t } = useI18n();
  const { queued, rejected, stalled } = useOutbox();
  const online = useOnline();

  return (
    <div class="app-outbox" role="status">
      {!online && <p class="app-outbox__offline">{t('offline.banner')}</p>}
      {queued.length > 0 && (
        <div class="app-outbox__waiting">
          <strong class="nhsuk-tag nhsuk-tag--yellow">{t('outbox.waiting', { count: queued.length })}</strong>
          {online && stalled && (
            <button class="app-link-button" type="button" onClick={() => void flushNow()}>
              {t('outbox.sendNow')}
            </button>
          )}
        </div>
      )}
      {rejected.length > 0 && (
        <div class="nhsuk-warning-callout app-outbox__rejected">
          <h2 class="nhsuk-warning-callout__label">
            <span class="nhsuk-u-visually-hidden">{t('outbox.important')} </span>
            {t('outbox.rejectedTitle')}
          </h2>
          <ul>
            {rejected.map(({ mutation, status, detail }) => {
              const why = status === 'not-stored' ? t('outbox.notStored') : detail;
              return (
                <li key={mutation.id}>
                  {whatWasRejected(mutation, t)}
                  {why ? `: ${why}` : ''}
                </li>
              );
            })}
          </ul>
          <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" onClick={dismissRejected}>
            {t('outbox.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}
