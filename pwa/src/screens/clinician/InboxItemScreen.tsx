import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { addNote, assignItem, listClinicians, readInboxItem, replyToItem, resolveItem } from '../../api/inbox';
import type { Clinician, InboxItem, InboxItemDetail } from '../../api/types';
import { AlertBox } from '../../components/AlertBox';
import { BackLink } from '../../components/BackLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Select, Textarea } from '../../components/fields';
import { Page } from '../../components/Page';
import { ReadView } from '../../components/ReadView';
import { formatDateTime } from '../../format/dates';
import { formatDuration } from '../../format/duration';
import { describeError } from '../../forms/describe-error';
import { errorFor } from '../../forms/field-error';
import { useFormSubmission } from '../../forms/use-form-submission';
import { urgencyOf } from '../../inbox/inbox-view';
import { itemKindLabel, URGENCY_TAG } from '../../inbox/labels';
import { useInboxEvents } from '../../inbox/use-inbox-events';
import { useI18n } from '../../i18n/I18nProvider';
import { roleLabel } from '../../i18n/labels';
import { hrefFor } from '../../navigation';
import { useRead } from '../../offline/use-read';
import { Conversation } from './Conversation';
import { SummaryRow } from '../../components/SummaryRow';

type Report = (message: string) => void;

function Facts({ item }: { item: InboxItem }) {
  const { t, language } = useI18n();
  const row = (label: string, value: ComponentChildren) => <SummaryRow label={label}>{value}</SummaryRow>;
  return (
    <dl class="nhsuk-summary-list">
      {row(t('item.received'), formatDateTime(item.created_at, language))}
      {row(t(item.status === 'open' ? 'item.waiting' : 'item.wasOpen'), formatDuration(item.age_ms, t))}
      {row(t('item.routedTo'), item.routed_to === 'team' || item.routed_to === null ? t('item.team') : (item.routed_to_name ?? item.routed_to))}
      {row(t('item.assignedTo'), item.assigned_to_name ?? t('item.nobody'))}
      {row(
        t('item.firstReply'),
        item.first_reply_at !== null && item.time_to_first_reply_ms !== null
          ? t('item.firstReplyAfter', { duration: formatDuration(item.time_to_first_reply_ms, t), when: formatDateTime(item.first_reply_at, language) })
          : t('item.noReply'),
      )}
      {row(t('item.status'), item.status === 'open' ? t('inbox.status.open') : t('inbox.status.resolved'))}
    </dl>
  );
}

function AssignForm({ item, onDone }: { item: InboxItem; onDone: Report }) {
  const { t } = useI18n();
  const { state, reload } = useRead(listClinicians, []);
  const [chosen, setChosen] = useState(item.assigned_to ?? '');
  const { errors, submit } = useFormSubmission();
  const label = (clinician: Clinician) => `${clinician.display_name} (${roleLabel(clinician.role, t)})`;
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit({
      serverErrorField: 'assign-to',
      validate: () => (chosen === '' ? [{ fieldId: 'assign-to', message: t('item.errorAssignee') }] : []),
      send: async () => {
        const updated = await assignItem(item.id, chosen);
        onDone(t('item.assigned', { name: updated.assigned_to_name ?? '' }));
      },
    });
  };
  return (
    <section aria-labelledby="assign-title">
      <h2 class="nhsuk-heading-m" id="assign-title">
        {t('item.assignTitle')}
      </h2>
      <ReadView state={state} onRetry={reload}>
        {(clinicians) => (
          <form onSubmit={onSubmit} novalidate>
            <ErrorSummary errors={errors} />
            <Select
              id="assign-to"
              label={t('item.assignLabel')}
              error={errorFor(errors, 'assign-to')}
              options={[{ value: '', label: t('item.chooseColleague') }, ...clinicians.map((c) => ({ value: c.id, label: label(c) }))]}
              value={chosen}
              onChange={setChosen}
            />
            <button class="nhsuk-button nhsuk-button--secondary" type="submit">
              {t('item.assign')}
            </button>
          </form>
        )}
      </ReadView>
    </section>
  );
}

function Notes({ detail, onDone }: { detail: InboxItemDetail; onDone: Report }) {
  const { t, language } = useI18n();
  const [typed, setTyped] = useState('');
  const { errors, submit } = useFormSubmission();
  const onSubmit = (event: Event) => {
    event.preventDefault();
    void submit({
      serverErrorField: 'note-body',
      validate: () => (typed.trim() === '' ? [{ fieldId: 'note-body', message: t('item.errorNote') }] : []),
      send: async () => {
        await addNote(detail.item.id, typed.trim());
        setTyped('');
        onDone(t('item.noteAdded'));
      },
    });
  };
  return (
    <section aria-labelledby="notes-title">
      <h2 class="nhsuk-heading-m" id="notes-title">
        {t('item.notesTitle')}
      </h2>
      {detail.notes.length === 0 ? (
        <p>{t('item.noNotes')}</p>
      ) : (
        <ul class="app-divided-list">
          {detail.notes.map((note) => (
            <li key={note.id}>
              <p class="app-preserve-lines nhsuk-u-margin-bottom-1">{note.body}</p>
              <p class="nhsuk-body-s app-secondary-text">
                {t('history.by', { name: note.clinician_name ?? '', when: formatDateTime(note.created_at, language) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} novalidate>
        <ErrorSummary errors={errors} />
        <Textarea
          id="note-body"
          label={t('item.noteLabel')}
          hint={t('item.noteHint')}
          error={errorFor(errors, 'note-body')}
          rows={3}
          maxLength={2000}
          value={typed}
          onInput={(event) => setTyped(event.currentTarget.value)}
        />
        <button class="nhsuk-button nhsuk-button--secondary" type="submit">
          {t('item.addNote')}
        </button>
      </form>
    </section>
  );
}

function Resolve({ item, onDone }: { item: InboxItem; onDone: Report }) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  if (item.status !== 'open') return null;
  const onClick = async () => {
    setProblem(null);
    try {
      await resolveItem(item.id);
      onDone(t('item.resolvedDone'));
    } catch (error) {
      setProblem(describeError(error, t));
    }
  };
  return (
    <>
      {problem && (
        <AlertBox title={t('error.summaryTitle')}>
          <p>{problem}</p>
        </AlertBox>
      )}
      <button class="nhsuk-button" type="button" onClick={() => void onClick()}>
        {t('item.resolve')}
      </button>
    </>
  );
}

/** One inbox item: what it is, the conversation with the patient, reply, notes, assign, resolve. */
export function InboxItemScreen({ itemId, meId }: { itemId: string; meId: string }) {
  const { t } = useI18n();
  const { state, reload } = useRead(() => readInboxItem(itemId), [itemId]);
  const [status, setStatus] = useState('');
  const [changed, setChanged] = useState(0);
  const patientId = state.status === 'ready' ? state.data.item.patient_id : null;

  // Someone else replied, noted or resolved, or the patient wrote again: show it.
  useInboxEvents((event) => {
    if (event === 'ready' || event.id === itemId) reload();
    if (event !== 'ready' && event.patient_id !== null && event.patient_id === patientId) setChanged((n) => n + 1);
  });

  const done: Report = (message) => {
    setStatus(message);
    reload();
  };

  const heading =
    state.status === 'ready'
      ? `${state.data.item.patient_name ?? t('inbox.noPatient')}: ${itemKindLabel(state.data.item.kind, t)}`
      : t('item.title');
  return (
    <Page title={heading}>
      <BackLink href={hrefFor({ name: 'inbox' })} />
      <h1>{heading}</h1>
      <p role="status" class="app-status app-confirmation">
        {status}
      </p>
      <ReadView state={state} onRetry={reload}>
        {(detail) => {
          const { item } = detail;
          const urgency = urgencyOf(item.urgency);
          return (
            <>
              <p>
                <strong class={`nhsuk-tag ${URGENCY_TAG[urgency]}`}>{t(`inbox.urgency.${urgency}`)}</strong>
              </p>
              <p class="nhsuk-body-l" lang="en">
                {item.summary}
              </p>
              <Facts item={item} />
              {item.patient_id && (
                <p>
                  <a href={hrefFor({ name: 'plan-editor', patientId: item.patient_id })}>{t('item.planLink')}</a>
                  {' · '}
                  <a href={hrefFor({ name: 'checkins', patientId: item.patient_id })}>{t('item.checkinsLink')}</a>
                </p>
              )}
              {item.patient_id && (
                <Conversation
                  patientId={item.patient_id}
                  patientName={item.patient_name ?? ''}
                  meId={meId}
                  changed={changed}
                  send={(body, clientId) => replyToItem(item.id, body, clientId)}
                  onSent={reload}
                />
              )}
              <Resolve item={item} onDone={done} />
              <Notes detail={detail} onDone={done} />
              <AssignForm key={item.assigned_to ?? ''} item={item} onDone={done} />
            </>
          );
        }}
      </ReadView>
    </Page>
  );
}
