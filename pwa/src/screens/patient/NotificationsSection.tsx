import { useEffect, useState } from 'preact/hooks';
import { readPushConfig } from '../../api/checkins';
import type { CheckinSettings, CheckinSettingsUpdate, PushConfig } from '../../api/types';
import { notificationsState } from '../../checkins/notifications';
import { deviceSubscription, pushSupported, subscribeDevice, unsubscribeDevice } from '../../checkins/push-device';
import { SaveOutcome } from '../../components/SaveOutcome';
import { describeError } from '../../forms/describe-error';
import { useI18n } from '../../i18n/I18nProvider';

type Save = (change: Partial<CheckinSettingsUpdate>, done: string) => Promise<boolean>;

interface Device {
  config: PushConfig;
  subscribed: boolean;
  permission: NotificationPermission;
}

/** What this device and the server allow, read once the screen opens (null until then, or
 * when the server cannot be asked: the choice is then not offered). */
function useDevice(): [Device | null, (change: Partial<Device>) => void] {
  const [device, setDevice] = useState<Device | null>(null);
  useEffect(() => {
    let live = true;
    const supported = pushSupported();
    void Promise.all([readPushConfig(), supported ? deviceSubscription() : Promise.resolve(null)])
      .then(([config, subscription]) => {
        if (!live) return;
        setDevice({ config, subscribed: subscription !== null, permission: supported ? Notification.permission : 'default' });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return [device, (change) => setDevice((current) => (current === null ? null : { ...current, ...change }))];
}

/**
 * "Notifications": check-ins as a notification on this phone first, then a text if not
 * opened. Turning it on asks the browser, subscribes this device and chooses push first;
 * turning it off unsubscribes this device and chooses texts.
 */
export function NotificationsSection({ patientId, settings, onSave }: { patientId: string; settings: CheckinSettings; onSave: Save }) {
  const { t } = useI18n();
  const [device, update] = useDevice();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  if (device === null) return null;
  const state = notificationsState({
    supported: pushSupported(),
    serverEnabled: device.config.enabled,
    permission: device.permission,
    subscribed: device.subscribed,
    channel: settings.channel,
  });

  const run = async (change: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    setStatus('');
    try {
      await change();
    } catch (error) {
      setProblem(describeError(error, t));
    } finally {
      setBusy(false);
    }
  };
  const turnOn = () =>
    run(async () => {
      const permission = await subscribeDevice(patientId, device.config.public_key ?? '');
      update({ permission, subscribed: permission === 'granted' });
      if (permission === 'granted') await onSave({ channel: 'push_then_sms' }, t('notifications.turnedOn'));
      else if (permission === 'default') setStatus(t('notifications.notAllowed'));
    });
  const turnOff = () =>
    run(async () => {
      await unsubscribeDevice(patientId);
      update({ subscribed: false });
      await onSave({ channel: 'sms' }, t('notifications.turnedOff'));
    });

  return (
    <section aria-labelledby="notifications-title">
      <h2 class="nhsuk-heading-m" id="notifications-title">
        {t('notifications.title')}
      </h2>
      <SaveOutcome problem={problem} status={status} />
      {state === 'unavailable' && <p>{t('notifications.unavailable')}</p>}
      {state === 'blocked' && <p>{t('notifications.blocked')}</p>}
      {state === 'on' && (
        <>
          <p>{t('notifications.on')}</p>
          <button class="nhsuk-button nhsuk-button--secondary" type="button" disabled={busy} onClick={() => void turnOff()}>
            {t('notifications.turnOff')}
          </button>
        </>
      )}
      {state === 'off' && (
        <>
          <p>{t('notifications.off')}</p>
          <button class="nhsuk-button" type="button" disabled={busy} onClick={() => void turnOn()}>
            {t('notifications.turnOn')}
          </button>
        </>
      )}
    </section>
  );
}
