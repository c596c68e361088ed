import { useEffect, useRef, useState } from 'preact/hooks';
import { readInbox } from '../../api/inbox';
import type { InboxItem, InboxScope, InboxStatus } from '../../api/types';
import { Radios } from '../../components/fields';
import { Page } from '../../components/Page';
import { ReadView } from '../../components/ReadView';
import { formatDuration } from '../../format/duration';
import { newArrivals, sortOpenItems, urgencyOf } from '../../inbox/inbox-view';
import { itemKindLabel, URGENCY_TAG } from '../../inbox/labels';
import { useInboxEvents } from '../../inbox/use-inbox-events';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor } from '../../navigation';
import { useRead } from '../../offline/use-read';
import { AwayControl } from './AwayControl';

const SCOPES: readonly InboxScope[] = ['mine', 'team', 'all'];
const STATUSES: readonly InboxStatus[] = ['open', 'resolved'];

function ItemCard({ item, fresh, meId }: { item: InboxItem; fresh: boolean; meId: string }) {
  const { t } = useI18n();
  const urgency = urgencyOf(item.urgency);
  const patient = item.patient_name ?? t('inbox.noPatient');
  const owner =
    item.assigned_to !== null
      ? item.assigned_to === meId
        ? t('inbox.assignedToYou')
        : t('inbox.assignedTo', { name: item.assigned_to_name ?? '?' })
      : item.routed_to === 'team' || item.routed_to === null
        ? t('inbox.forTeam')
        : item.routed_to === meId
          ? t('inbox.forYou')
          : t('inbox.forClinician', { name: item.routed_to_name ?? '?' });
  return (
    <li class={`app-inbox-item app-inbox-item--${urgency}`}>
      <p class="app-inbox-item__tags">
        <strong class={`nhsuk-tag ${URGENCY_TAG[urgency]}`}>{t(`inbox.urgency.${urgency}`)}</strong>
        {fresh && <strong class="nhsuk-tag nhsuk-tag--blue">{t('inbox.new')}</strong>}
        {item.status === 'resolved' && <strong class="nhsuk-tag nhsuk-tag--green">{t('inbox.resolved')}</strong>}
      </p>
      <h2 class="nhsuk-heading-s app-inbox-item__title">
        <a href={hrefFor({ name: 'inbox-item', itemId: item.id })}>
          {patient}: {itemKindLabel(item.kind, t)}
        </a>
      </h2>
      {/* Summaries are written by the server in English. */}
      <p lang="en">{item.summary}</p>
      <ul class="nhsuk-list nhsuk-body-s app-secondary-text">
        <li>
          {item.status === 'open'
            ? t('inbox.waiting', { duration: formatDuration(item.age_ms, t) })
            : t('inbox.wasOpen', { duration: formatDuration(item.age_ms, t) })}
        </li>
        <li>{owner}</li>
        <li>
          {item.time_to_first_reply_ms !== null
            ? t('inbox.firstReply', { duration: formatDuration(item.time_to_first_reply_ms, t) })
            : t('inbox.noReply')}
        </li>
        {item.note_count > 0 && <li>{t('inbox.notes', { count: item.note_count })}</li>}
      </ul>
    </li>
  );
}

/**
 * Replies and alerts for the care team: urgent first, then whoever has waited longest. New
 * items arrive live (Server-Sent Events) and are announced politely to screen readers.
 */
export function InboxScreen({ meId }: { meId: string }) {
  const { t } = useI18n();
  const [scope, setScope] = useState<InboxScope>('mine');
  const [status, setStatus] = useState<InboxStatus>('open');
  const { state, reload } = useRead(() => readInbox(scope, status), [scope, status]);
  const [announcement, setAnnouncement] = useState('');
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const shown = useRef<{ key: string; items: InboxItem[] } | null>(null);

  const live = useInboxEvents(() => reload());

  // Announce items that arrived since the list was last shown (not on the first read of a filter).
  const key = `${scope}/${status}`;
  const items = state.status === 'ready' ? state.data.items : null;
  useEffect(() => {
    if (items === null) return;
    const before = shown.current;
    shown.current = { key, items };
    if (before === null || before.key !== key) return;
    const arrived = newArrivals(before.items, items);
    if (arrived.length === 0) return;
    setFresh((now) => new Set([...now, ...arrived.map((item) => item.id)]));
    const first = arrived[0]!;
    setAnnouncement(
      arrived.length === 1
        ? t('inbox.arrivedOne', {
            urgency: t(`inbox.urgency.${urgencyOf(first.urgency)}`),
            kind: itemKindLabel(first.kind, t),
            patient: first.patient_name ?? t('inbox.noPatient'),
          })
        : t('inbox.arrivedMany', { count: arrived.length }),
    );
  }, [items]);

  return (
    <Page title={t('inbox.title')}>
      <h1>{t('inbox.title')}</h1>
      <AwayControl onChanged={reload} />
      <div class="app-filters">
        <Radios
          id="inbox-scope"
          legend={t('inbox.scope')}
          inline
          options={SCOPES.map((value) => ({ value, label: t(`inbox.scope.${value}`) }))}
          value={scope}
          onChange={(value) => setScope(value as InboxScope)}
        />
        <Radios
          id="inbox-status"
          legend={t('inbox.status')}
          inline
          options={STATUSES.map((value) => ({ value, label: t(`inbox.status.${value}`) }))}
          value={status}
          onChange={(value) => setStatus(value as InboxStatus)}
        />
      </div>
      <p class="nhsuk-body-s app-secondary-text">{t(live ? 'inbox.live' : 'inbox.notLive')}</p>
      <p class="nhsuk-u-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <ReadView state={state} onRetry={reload}>
        {(page) => {
          const list = status === 'open' ? sortOpenItems(page.items) : page.items;
          return list.length === 0 ? (
            <p>{t(status === 'open' ? 'inbox.empty' : 'inbox.emptyResolved')}</p>
          ) : (
            <ul class="app-inbox" aria-label={t('inbox.listLabel', { count: list.length })}>
              {list.map((item) => (
                <ItemCard key={item.id} item={item} fresh={fresh.has(item.id)} meId={meId} />
              ))}
            </ul>
          );
        }}
      </ReadView>
    </Page>
  );
}
