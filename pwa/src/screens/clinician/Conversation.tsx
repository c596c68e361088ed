import { useEffect, useRef, useState } from 'preact/hooks';
import { FREE_TEXT_MAX, messageText } from '../../checkins/answer';
import { threadEntries } from '../../checkins/thread-view';
import { useRefreshOnReturn, useThread } from '../../checkins/use-thread';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Textarea } from '../../components/fields';
import { ReadView } from '../../components/ReadView';
import { EarlierMessages, ThreadList } from '../../components/ThreadList';
import { errorFor } from '../../forms/field-error';
import { useFormSubmission } from '../../forms/use-form-submission';
import { useI18n } from '../../i18n/I18nProvider';
import { newId } from '../../offline/ids';

const REPLY_FIELD = 'reply-body';

/** Sends a reply; the id makes a second tap (or a retry after a lost answer) text it once. */
export type SendReply = (body: string, clientId: string) => Promise<unknown>;

function ReplyForm({ patientName, send, onSent }: { patientName: string; send: SendReply; onSent: () => void }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [status, setStatus] = useState('');
  const clientId = useRef(newId());
  const { errors, submit } = useFormSubmission();

  const onSubmit = (event: Event) => {
    event.preventDefault();
    setStatus('');
    void submit({
      serverErrorField: REPLY_FIELD,
      validate: () => {
        const checked = messageText(typed);
        if (checked.ok) return [];
        return [{ fieldId: REPLY_FIELD, message: t(checked.problem === 'missing' ? 'conversation.errorMissing' : 'messages.errorTooLong') }];
      },
      send: async () => {
        await send(typed.trim(), clientId.current);
        clientId.current = newId();
        setTyped('');
        setStatus(t('conversation.sent'));
        onSent();
      },
    });
  };

  return (
    <form onSubmit={onSubmit} novalidate>
      <ErrorSummary errors={errors} />
      <Textarea
        id={REPLY_FIELD}
        label={patientName ? t('conversation.replyLabel', { name: patientName }) : t('conversation.replyLabelNoName')}
        hint={t('conversation.replyHint')}
        error={errorFor(errors, REPLY_FIELD)}
        rows={4}
        maxLength={FREE_TEXT_MAX}
        value={typed}
        onInput={(event) => {
          setTyped(event.currentTarget.value);
          clientId.current = newId(); // a changed reply is a new message
        }}
      />
      <button class="nhsuk-button" type="submit">
        {t('conversation.send')}
      </button>
      <p role="status" class="app-status app-confirmation">
        {status}
      </p>
    </form>
  );
}

/**
 * The patient's thread as the care team sees it (who wrote each message, by what channel, and
 * whether texts arrived) with a reply box. Read again when `changed` changes (live updates).
 */
export function Conversation({ patientId, patientName, meId, send, changed = 0, onSent }: {
  patientId: string;
  patientName: string;
  meId: string;
  send: SendReply;
  changed?: number;
  onSent?: () => void;
}) {
  const { t } = useI18n();
  const { state, reload, messages, hasOlder, loadOlder, olderProblem } = useThread(patientId, null);
  useRefreshOnReturn(reload);
  useEffect(() => {
    if (changed > 0) reload();
  }, [changed]);

  return (
    <section aria-labelledby="conversation-title">
      <h2 class="nhsuk-heading-m" id="conversation-title">
        {t('conversation.title')}
      </h2>
      <ReadView state={state} onRetry={reload}>
        {() => (
          <>
            <EarlierMessages hasOlder={hasOlder} problem={olderProblem} onLoad={() => void loadOlder()} />
            <ThreadList entries={threadEntries(messages, [], [], patientId, meId)} audience="clinician" />
          </>
        )}
      </ReadView>
      <ReplyForm
        patientName={patientName}
        send={send}
        onSent={() => {
          reload();
          onSent?.();
        }}
      />
    </section>
  );
}
