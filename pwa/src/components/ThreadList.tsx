import type { ThreadMessage } from '../api/types';
import type { Author, ThreadEntry } from '../checkins/thread-view';
import { formatDateTime } from '../format/dates';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/I18nProvider';
import { isMessageKey, type MessageParams } from '../i18n/translate';
import { describeError } from '../forms/describe-error';

/** Who reads the thread: the patient (or their carer), or the care team. */
export type ThreadAudience = 'patient' | 'clinician';

type Translate = (key: MessageKey, params?: MessageParams) => string;

function authorLabel(author: Author, audience: ThreadAudience, t: Translate): string {
  switch (author.kind) {
    case 'you':
      return t('thread.you');
    case 'patient':
      return author.name ?? t('thread.patient');
    case 'carer':
      return author.name ? t('thread.carerNamed', { name: author.name }) : t('thread.carer');
    case 'clinician':
      return author.name
        ? t(audience === 'patient' ? 'thread.careTeamNamed' : 'thread.clinicianNamed', { name: author.name })
        : t('thread.careTeam');
    case 'checkin':
      return t('thread.checkin');
    case 'safety-net':
      return t('thread.safetyNet');
    case 'automatic':
      return t('thread.automatic');
  }
}

/** Texts not sent because the patient saw the check-in in the app: not a failure. */
const SEEN_IN_APP = new Set(['opened_in_app', 'answered']);

/** Delivery of a text, for the care team: whether it reached the patient's phone. */
function deliveryTag(message: ThreadMessage, t: Translate) {
  if (message.direction !== 'outbound' || message.channel !== 'sms') return null;
  const seenInApp = message.status === 'skipped' && SEEN_IN_APP.has(message.skip_reason ?? '');
  const key = seenInApp ? `thread.skipped.${message.skip_reason}` : `thread.status.${message.status}`;
  const failed = !seenInApp && ['failed', 'undelivered', 'skipped', 'expired'].includes(message.status);
  return (
    <strong class={`nhsuk-tag ${failed ? 'nhsuk-tag--red' : 'nhsuk-tag--grey'}`}>
      {isMessageKey(key) ? t(key) : message.status}
    </strong>
  );
}

function channelLabel(message: ThreadMessage, t: Translate): string {
  const key = `thread.channel.${message.channel}`;
  return isMessageKey(key) ? t(key) : message.channel;
}

function Entry({ entry, audience }: { entry: ThreadEntry; audience: ThreadAudience }) {
  const { t, language } = useI18n();
  const { message } = entry;
  const onBehalf = entry.onBehalf ? t(audience === 'patient' ? 'thread.onYourBehalf' : 'thread.onBehalfOfPatient') : '';
  const kind = entry.author.kind;
  const tone = entry.fromPatientSide ? 'in' : kind === 'safety-net' ? 'safety' : kind === 'clinician' ? 'team' : 'system';
  return (
    <li class={`app-message app-message--${tone}`}>
      <p class="app-message__meta">
        <strong>{authorLabel(entry.author, audience, t)}</strong>
        {onBehalf && `, ${onBehalf}`}
        <span class="app-secondary-text">
          {' · '}
          {formatDateTime(entry.at, language)}
          {audience === 'clinician' && message && ` · ${channelLabel(message, t)}`}
        </span>
      </p>
      <p class="app-preserve-lines app-message__body">{entry.body}</p>
      {entry.waiting && <strong class="nhsuk-tag nhsuk-tag--yellow">{t('thread.waiting')}</strong>}
      {audience === 'clinician' && message && deliveryTag(message, t)}
    </li>
  );
}

/** A patient's messages, oldest first: the newest is at the bottom, next to the reply box. */
export function ThreadList({ entries, audience }: { entries: readonly ThreadEntry[]; audience: ThreadAudience }) {
  const { t } = useI18n();
  if (entries.length === 0) return <p>{t('thread.none')}</p>;
  return (
    <ol class="app-thread" aria-label={t('thread.label')}>
      {entries.map((entry) => (
        <Entry key={entry.id} entry={entry} audience={audience} />
      ))}
    </ol>
  );
}

/** "Show earlier messages", above the thread, while the server has older ones. */
export function EarlierMessages({ hasOlder, problem, onLoad }: { hasOlder: boolean; problem: unknown; onLoad: () => void }) {
  const { t } = useI18n();
  if (!hasOlder) return null;
  return (
    <div class="app-earlier">
      <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" onClick={onLoad}>
        {t('thread.earlier')}
      </button>
      {problem !== null && <p class="nhsuk-error-message">{describeError(problem, t)}</p>}
    </div>
  );
}
