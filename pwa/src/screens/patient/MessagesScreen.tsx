import { useEffect, useRef, useState } from 'preact/hooks';
import { FREE_TEXT_MAX } from '../../checkins/answer';
import { checkinToMarkSeen } from '../../checkins/notifications';
import { answeredHere, threadEntries } from '../../checkins/thread-view';
import { useMarkSeen } from '../../checkins/use-mark-seen';
import { useRefreshOnReturn, useThread } from '../../checkins/use-thread';
import { useTypedMessage } from '../../checkins/use-typed-message';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Textarea } from '../../components/fields';
import { Page } from '../../components/Page';
import { ReadView } from '../../components/ReadView';
import { EarlierMessages, ThreadList } from '../../components/ThreadList';
import { formatNumber } from '../../format/dates';
import { errorFor } from '../../forms/field-error';
import { useI18n } from '../../i18n/I18nProvider';
import type { Permissions } from '../../carers/scopes';
import { hrefFor } from '../../navigation';
import { cacheKeys } from '../../offline/cache-keys';
import { messageMutation } from '../../offline/mutations';
import { onSaved, queueMutation, useOutbox } from '../../offline/outbox-runtime';
import { CheckinAnswerForm } from './CheckinAnswerForm';

const MESSAGE_FIELD = 'message-body';

/** "Not for emergencies", next to every box that writes to the care team. */
export function EmergencyWarning() {
  const { t } = useI18n();
  return (
    <div class="nhsuk-warning-callout">
      <h3 class="nhsuk-warning-callout__label">
        <span class="nhsuk-u-visually-hidden">{t('outbox.important')} </span>
        {t('messages.notEmergencyTitle')}
      </h3>
      <p>{t('messages.notEmergency')}</p>
    </div>
  );
}

function MessageForm({ onSend }: { onSend: (text: string) => Promise<boolean> }) {
  const { t } = useI18n();
  const { typed, setTyped, errors, onSubmit } = useTypedMessage(MESSAGE_FIELD, 'messages.errorMissing', onSend);
  return (
    <section aria-labelledby="message-title">
      <h2 class="nhsuk-heading-m" id="message-title">
        {t('messages.writeTitle')}
      </h2>
      <EmergencyWarning />
      <form onSubmit={(event) => void onSubmit(event)} novalidate>
        <ErrorSummary errors={errors} />
        <Textarea
          id={MESSAGE_FIELD}
          label={t('messages.writeLabel')}
          hint={t('messages.writeHint', { max: formatNumber(FREE_TEXT_MAX) })}
          error={errorFor(errors, MESSAGE_FIELD)}
          rows={4}
          maxLength={FREE_TEXT_MAX}
          value={typed}
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
        <button class="nhsuk-button" type="submit">
          {t('messages.send')}
        </button>
      </form>
    </section>
  );
}

/**
 * The patient's messages with their care team: check-ins and their answers, replies, and
 * automatic texts, newest at the bottom. The open check-in can be answered here; anything
 * written goes through the outbox, so it is kept (and shown as waiting) while offline.
 */
export function MessagesScreen({ patientId, meId, can }: {
  patientId: string;
  meId: string;
  /** What a carer may do here (a patient: everything). */
  can: Pick<Permissions, 'writeMessages' | 'answerCheckins' | 'manageCheckins'>;
}) {
  const { t } = useI18n();
  const { state, reload, messages, hasOlder, loadOlder, olderProblem } = useThread(patientId, cacheKeys.thread(patientId));
  useMarkSeen(patientId, checkinToMarkSeen(state, patientId, meId));
  const { queued, sent } = useOutbox();
  const [status, setStatus] = useState('');
  const statusRef = useRef<HTMLParagraphElement>(null);

  useEffect(
    () => onSaved((saved) => saved.some((m) => m.kind === 'send_message' && m.patient_id === patientId) && reload()),
    [patientId, reload],
  );
  useRefreshOnReturn(reload);

  const send = (checkinId: string | null) => async (text: string) => {
    const kept = await queueMutation(messageMutation(patientId, text, checkinId, Date.now()));
    if (!kept) return false; // the outbox status says the phone could not keep it
    const waiting = !navigator.onLine;
    if (checkinId) setStatus(t(waiting ? 'answer.savedOffline' : 'answer.sent', { answer: text }));
    else setStatus(t(waiting ? 'messages.savedOffline' : 'messages.sent'));
    // The answer form goes once answered: keep keyboard focus on what happened.
    if (checkinId) statusRef.current?.focus();
    return true;
  };

  return (
    <Page title={t('messages.title')}>
      <h1>{t('messages.title')}</h1>
      {can.manageCheckins && (
        <p>
          <a href={hrefFor({ name: 'checkin-settings' })}>{t('messages.settingsLink')}</a>
        </p>
      )}
      <ReadView state={state} onRetry={reload}>
        {(thread) => {
          const open = thread.open_checkin;
          const showAnswer = can.answerCheckins && open !== null && !answeredHere(open.id, thread.messages, queued, sent, patientId);
          return (
            <>
              <EarlierMessages hasOlder={hasOlder} problem={olderProblem} onLoad={() => void loadOlder()} />
              <ThreadList entries={threadEntries(messages, queued, sent, patientId, meId)} audience="patient" />
              {showAnswer && <CheckinAnswerForm key={open.id} checkin={open} onAnswer={send(open.id)} />}
            </>
          );
        }}
      </ReadView>
      <p role="status" class="app-status app-confirmation" tabIndex={-1} ref={statusRef}>
        {status}
      </p>
      {can.writeMessages && <MessageForm onSend={send(null)} />}
    </Page>
  );
}
