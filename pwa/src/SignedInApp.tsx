import { useEffect, useState } from 'preact/hooks';
import { signOut } from './api/client';
import { forgetDevice } from './checkins/push-device';
import { ApiError } from './api/errors';
import type { Me } from './api/types';
import { rememberHelping } from './carers/helping';
import { carerMenu, carerPermissions, PATIENT_MENU, PATIENT_PERMISSIONS, type MenuName, type Permissions } from './carers/scopes';
import { useHelping } from './carers/use-helping';
import type { NavigationItem } from './components/Header';
import { Layout } from './components/Layout';
import { lazy } from './components/lazy';
import { OutboxStatus } from './components/OutboxStatus';
import { Page } from './components/Page';
import { describeError } from './forms/describe-error';
import type { MessageKey } from './i18n/en';
import { useI18n } from './i18n/I18nProvider';
import { hrefFor, useRoute, type Route } from './navigation';
import { startOutbox, useOutbox } from './offline/outbox-runtime';
import { warmCache } from './offline/warm-cache';

// Screens are fetched when first shown, so signing in stays fast.
const TodayScreen = lazy(() => import('./screens/patient/TodayScreen').then((m) => m.TodayScreen));
const GoalsScreen = lazy(() => import('./screens/patient/GoalsScreen').then((m) => m.GoalsScreen));
const ReadingsScreen = lazy(() => import('./screens/patient/ReadingsScreen').then((m) => m.ReadingsScreen));
const ReadingTypeScreen = lazy(() => import('./screens/patient/ReadingTypeScreen').then((m) => m.ReadingTypeScreen));
const MyPlanScreen = lazy(() => import('./screens/patient/MyPlanScreen').then((m) => m.MyPlanScreen));
const ReviewPrepScreen = lazy(() => import('./screens/patient/ReviewPrepScreen').then((m) => m.ReviewPrepScreen));
const ChangesScreen = lazy(() => import('./screens/patient/ChangesScreen').then((m) => m.ChangesScreen));
const PatientListScreen = lazy(() => import('./screens/clinician/PatientListScreen').then((m) => m.PatientListScreen));
const PlanEditorScreen = lazy(() => import('./screens/clinician/PlanEditorScreen').then((m) => m.PlanEditorScreen));
const HistoryScreen = lazy(() => import('./screens/clinician/HistoryScreen').then((m) => m.HistoryScreen));
const MessagesScreen = lazy(() => import('./screens/patient/MessagesScreen').then((m) => m.MessagesScreen));
const CheckinSettingsScreen = lazy(() =>
  import('./screens/patient/CheckinSettingsScreen').then((m) => m.CheckinSettingsScreen),
);
const InboxScreen = lazy(() => import('./screens/clinician/InboxScreen').then((m) => m.InboxScreen));
const InboxItemScreen = lazy(() => import('./screens/clinician/InboxItemScreen').then((m) => m.InboxItemScreen));
const CaseloadScreen = lazy(() => import('./screens/clinician/CaseloadScreen').then((m) => m.CaseloadScreen));
const ConversationScreen = lazy(() => import('./screens/clinician/ConversationScreen').then((m) => m.ConversationScreen));
const CheckinsScreen = lazy(() => import('./screens/clinician/CheckinsScreen').then((m) => m.CheckinsScreen));
const CarersScreen = lazy(() => import('./screens/patient/CarersScreen').then((m) => m.CarersScreen));
const AccessLogScreen = lazy(() => import('./screens/patient/AccessLogScreen').then((m) => m.AccessLogScreen));
const ShareScreen = lazy(() => import('./screens/patient/ShareScreen').then((m) => m.ShareScreen));
const CarerShell = lazy(() => import('./screens/carer/CarerShell').then((m) => m.CarerShell));

/**
 * A patient's screens, for the patient (`can`: everything) or a carer (what their scopes allow).
 * `patientName` names whose plan a printed copy is.
 */
function PatientScreen({ route, patientId, patientName, meId, can }: {
  route: Route;
  patientId: string;
  patientName: string;
  meId: string;
  can: Permissions;
}) {
  switch (route.name) {
    case 'messages':
      return <MessagesScreen patientId={patientId} meId={meId} can={can} />;
    case 'checkin-settings':
      return <CheckinSettingsScreen patientId={patientId} meId={meId} />;
    case 'goals':
      return <GoalsScreen patientId={patientId} canEdit={can.editPlan} />;
    case 'readings':
      return <ReadingsScreen patientId={patientId} />;
    case 'reading':
      return <ReadingTypeScreen patientId={patientId} readingType={route.readingType} canLog={can.logSelfCare} />;
    case 'my-plan':
      return <MyPlanScreen patientId={patientId} patientName={patientName} />;
    case 'review':
      return <ReviewPrepScreen patientId={patientId} />;
    case 'changes':
      return <ChangesScreen patientId={patientId} from={route.from} />;
    case 'carers':
      return <CarersScreen patientId={patientId} />;
    case 'access-log':
      return <AccessLogScreen patientId={patientId} />;
    case 'share':
      return <ShareScreen patientId={patientId} />;
    default:
      return <TodayScreen patientId={patientId} canLog={can.logSelfCare} onBehalf={can.onBehalf} />;
  }
}

function ClinicianScreen({ route, meId }: { route: Route; meId: string }) {
  switch (route.name) {
    case 'inbox':
      return <InboxScreen meId={meId} />;
    case 'inbox-item':
      return <InboxItemScreen itemId={route.itemId} meId={meId} />;
    case 'caseload':
      return <CaseloadScreen />;
    case 'conversation':
      return <ConversationScreen patientId={route.patientId} meId={meId} />;
    case 'checkins':
      return <CheckinsScreen patientId={route.patientId} />;
    case 'plan-editor':
      return <PlanEditorScreen patientId={route.patientId} />;
    case 'history':
      return <HistoryScreen patientId={route.patientId} />;
    default:
      return <PatientListScreen />;
  }
}

const MENU_LABELS: Record<MenuName | 'helping', MessageKey> = {
  today: 'nav.today',
  messages: 'nav.messages',
  goals: 'nav.goals',
  readings: 'nav.readings',
  'my-plan': 'nav.myPlan',
  review: 'nav.review',
  carers: 'nav.carers',
  'access-log': 'nav.accessLog',
  share: 'nav.share',
  'checkin-settings': 'nav.checkinSettings',
  helping: 'nav.helping',
};

/**
 * The patient's menu (a carer's: the screens their scopes open): one item per screen; a
 * reading's page belongs to "Readings", and "What has changed" to the screen it was opened from.
 */
function patientNavigation(
  route: Route,
  t: ReturnType<typeof useI18n>['t'],
  names: readonly (MenuName | 'helping')[] = PATIENT_MENU,
): NavigationItem[] {
  const current =
    route.name === 'reading'
      ? 'readings'
      : route.name === 'changes'
        ? route.from
        : route.name === 'checkin-settings' && names.includes('messages')
          ? 'messages'
          : route.name;
  const known = names.some((name) => name === current);
  return names.map((name) => ({
    href: hrefFor({ name } as Route),
    label: t(MENU_LABELS[name]),
    current: name === current || (!known && name === names[0]),
  }));
}

/** The care team's menu: the inbox, their caseload, and every patient (a patient's pages belong there). */
function clinicianNavigation(route: Route, t: ReturnType<typeof useI18n>['t']): NavigationItem[] {
  const current = route.name === 'inbox-item' ? 'inbox' : route.name === 'inbox' || route.name === 'caseload' ? route.name : 'patients';
  const items = [
    { route: { name: 'inbox' }, label: t('nav.inbox') },
    { route: { name: 'caseload' }, label: t('nav.caseload') },
    { route: { name: 'patients' }, label: t('nav.patients') },
  ] as const;
  return items.map((item) => ({ href: hrefFor(item.route), label: item.label, current: item.route.name === current }));
}

function PatientShell({ patientId, patientName, meId }: { patientId: string; patientName: string; meId: string }) {
  const route = useRoute();
  useEffect(() => startOutbox(), []);
  useEffect(() => {
    if (navigator.onLine) void warmCache(patientId).catch(() => undefined);
  }, [patientId]);
  return <PatientScreen route={route} patientId={patientId} patientName={patientName} meId={meId} can={PATIENT_PERMISSIONS} />;
}

function NoPlanScreen() {
  const { t } = useI18n();
  return (
    <Page title={t('home.noPlanTitle')}>
      <h1>{t('home.noPlanTitle')}</h1>
      <p>{t('home.noPlan')}</p>
    </Page>
  );
}

/** Signed in: the header with the person's name, "Sign out" and (for patients) the menu. */
export function SignedInApp({ me, onSignedOut }: { me: Me; onSignedOut: () => void }) {
  const { t } = useI18n();
  const route = useRoute();
  const { queued } = useOutbox();
  const [warnedAboutUnsent, setWarnedAboutUnsent] = useState(false);
  const [signOutProblem, setSignOutProblem] = useState<string | null>(null);
  const isPatient = me.kind === 'patient';
  const isCarer = me.kind === 'carer';
  const patientId = me.patients[0]?.id;
  const { helping, notice, choose } = useHelping(me);

  const onSignOut = async () => {
    setSignOutProblem(null);
    if (queued.length > 0 && !warnedAboutUnsent) {
      setWarnedAboutUnsent(true);
      return;
    }
    if (isPatient && patientId) await forgetDevice(patientId);
    try {
      await signOut();
    } catch (error) {
      // Already signed out elsewhere: the goal is reached.
      if (!(error instanceof ApiError && error.status === 401)) {
        setSignOutProblem(describeError(error, t));
        return;
      }
    }
    rememberHelping(me.id, null);
    onSignedOut();
  };

  const account = { name: me.display_name, onSignOut: () => void onSignOut() };
  return (
    <Layout
      account={account}
      navigation={
        isCarer
          ? helping
            ? patientNavigation(route, t, ['helping', ...carerMenu(helping.scopes)])
            : []
          : isPatient
            ? patientId
              ? patientNavigation(route, t)
              : []
            : clinicianNavigation(route, t)
      }
    >
      {(signOutProblem || (warnedAboutUnsent && queued.length > 0)) && (
        <div class="nhsuk-error-summary" role="alert" tabIndex={-1}>
          <h2 class="nhsuk-error-summary__heading">{t('account.signOutTitle')}</h2>
          <div class="nhsuk-error-summary__body">
            <p>{signOutProblem ?? t('account.unsentWarning', { count: queued.length })}</p>
          </div>
        </div>
      )}
      {(isPatient || isCarer) && <OutboxStatus />}
      {isCarer ? (
        <CarerShell route={route} helping={helping} notice={notice} onChoose={choose}>
          {(shown, acting) => (
            <PatientScreen
              key={acting.patientId}
              route={shown}
              patientId={acting.patientId}
              patientName={acting.name}
              meId={me.id}
              can={carerPermissions(acting.scopes)}
            />
          )}
        </CarerShell>
      ) : isPatient ? (
        patientId ? (
          <PatientShell patientId={patientId} patientName={me.patients[0]?.display_name ?? me.display_name} meId={me.id} />
        ) : (
          <NoPlanScreen />
        )
      ) : (
        <ClinicianScreen route={route} meId={me.id} />
      )}
    </Layout>
  );
}
