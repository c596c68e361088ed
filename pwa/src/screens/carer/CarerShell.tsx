import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { HelpedPatient } from '../../api/types';
import type { AccessNotice, Helping } from '../../carers/helping';
import { carerHome, carerMayOpen } from '../../carers/scopes';
import { useI18n } from '../../i18n/I18nProvider';
import { hrefFor, replaceRoute, type Route } from '../../navigation';
import { startOutbox } from '../../offline/outbox-runtime';
import { PeopleIHelpScreen } from './PeopleIHelpScreen';

/** Always on screen while a carer acts for someone: whose record this is, and a way out. */
function HelpingBanner({ name }: { name: string }) {
  const { t } = useI18n();
  return (
    <div class="nhsuk-inset-text app-helping-banner">
      <p>
        <strong>{t('helping.banner', { name })}</strong>
        <br />
        <a href={hrefFor({ name: 'helping' })}>{t('helping.switch')}</a>
      </p>
    </div>
  );
}

/**
 * A carer's app: the people they help, and the patient's own screens for the one they chose,
 * limited to what the patient allowed. A screen outside that opens the first one allowed.
 * Their outbox runs whoever they are helping: every queued change names its patient.
 */
export function CarerShell({ route, helping, notice, onChoose, children }: {
  route: Route;
  helping: Helping | null;
  notice: AccessNotice | null;
  onChoose: (patient: HelpedPatient) => void;
  children: (route: Route, helping: Helping) => ComponentChildren;
}) {
  useEffect(() => startOutbox(), []);
  const allowed = helping !== null && carerMayOpen(route, helping.scopes);
  const home = helping ? carerHome(helping.scopes) : null;
  const elsewhere = helping !== null && route.name !== 'helping' && !allowed;
  useEffect(() => {
    if (elsewhere && home) replaceRoute(home);
  }, [elsewhere, home?.name]);

  if (!helping || route.name === 'helping' || !allowed) {
    return <PeopleIHelpScreen notice={notice} helping={helping} onChoose={onChoose} />;
  }
  return (
    <>
      <HelpingBanner name={helping.name} />
      {children(route, helping)}
    </>
  );
}
