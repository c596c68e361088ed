import { useEffect, useState } from 'preact/hooks';
import { signOut } from './api/client';
import { ApiError } from './api/errors';
import type { Me } from './api/types';
import type { NavigationItem } from './components/Header';
import { Layout } from './components/Layout';
import { lazy } from './components/lazy';
import { OutboxStatus } from './components/OutboxStatus';
import { Page } from './components/Page';
import { describeError } from './forms/describe-error';
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

function PatientScreen({ route, patientId, meId }: { route: Route; patientId: string; meId: string }) {
  switch (route.name) {
    case 'messages':
      return <MessagesScreen patientId={patientId} meId={meId} />;
    case 'checkin-settings':
      return <CheckinSettingsScreen patientId={patientId} />;
    case 'goals':
      return <GoalsScreen patientId={patientId} />;
    case 'readings':
      return <ReadingsScreen patientId={patientId} />;
    case 'reading':
      return <ReadingTypeScreen patientId={patientId} readingType={route.readingType} />;
    case 'my-plan':
      return <MyPlanScreen patientId={patientId} />;
    case 'review':
      return <ReviewPrepScreen patientId={patientId} />;
    case 'changes':
      return <ChangesScreen patientId={patientId} from={route.from} />;
    default:
      return <TodayScreen patientId={patientId} />;
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

/**
 * The patient's menu: one item per screen; a reading's page belongs to "Readings", and "What has
 * changed" to the screen it was opened from.
 */
function patientNavigation(route: Route, t: ReturnType<typeof useI18n>['t']): NavigationItem[] {
  const current =
    route.name === 'reading'
      ? 'readings'
      : route.name === 'changes'
        ? route.from
        : route.name === 'checkin-settings'
          ? 'messages'
          : route.name;
  const items = [
    { route: { name: 'today' }, label: t('nav.today') },
    { route: { name: 'messages' }, label: t('nav.messages') },
    { route: { name: 'goals' }, label: t('nav.goals') },
    { route: { name: 'readings' }, label: t('nav.readings') },
    { route: { name: 'my-plan' }, label: t('nav.myPlan') },
    { route: { name: 'review' }, label: t('nav.review') },
  ] as const;
  const known = items.some((item) => item.route.name === current);
  return items.map((item) => ({
    href: hrefFor(item.route),
    label: item.label,
    current: item.route.name === current || (!known && item.route.name === 'today'),
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

function PatientShell({ patientId, meId }: { patientId: string; meId: string }) {
  const route = useRoute();
  useEffect(() => startOutbox(), []);
  useEffect(() => {
    if (navigator.onLine) void warmCache(patientId).catch(() => undefined);
  }, [patientId]);
  return <PatientScreen route={route} patientId={patientId} meId={meId} />;
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
  const patientId = me.patients[0]?.id;

  const onSignOut = async () => {
    setSignOutProblem(null);
    if (queued.length > 0 && !warnedAboutUnsent) {
      setWarnedAboutUnsent(true);
      return;
    }
    try {
      await signOut();
    } catch (error) {
      // Already signed out elsewhere: the goal is reached.
      if (!(error instanceof ApiError && error.status === 401)) {
        setSignOutProblem(describeError(error, t));
        return;
      }
    }
    onSignedOut();
  };

  const account = { name: me.display_name, onSignOut: () => void onSignOut() };
  return (
    <Layout
      account={account}
      navigation={isPatient ? (patientId ? patientNavigation(route, t) : []) : clinicianNavigation(route, t)}
    >
      {(signOutProblem || (warnedAboutUnsent && queued.length > 0)) && (
        <div class="nhsuk-error-summary" role="alert" tabIndex={-1}>
          <h2 class="nhsuk-error-summary__heading">{t('account.signOutTitle')}</h2>
          <div class="nhsuk-error-summary__body">
            <p>{signOutProblem ?? t('account.unsentWarning', { count: queued.length })}</p>
          </div>
        </div>
      )}
      {isPatient && <OutboxStatus />}
      {isPatient ? (
        patientId ? (
          <PatientShell patientId={patientId} meId={me.id} />
        ) : (
          <NoPlanScreen />
        )
      ) : (
        <ClinicianScreen route={route} meId={me.id} />
      )}
    </Layout>
  );
}
