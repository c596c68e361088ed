// What a patient lets a carer do (the server's scopes), in plain words, and which of the
// patient's screens a carer may open with them.
import type { Scope } from '../api/types';
import type { MessageKey } from '../i18n/en';
import type { Route, RouteName } from '../navigation';

type Translate = (key: MessageKey) => string;

/** Every scope, in the order the invitation form lists them. */
export const SCOPES: readonly Scope[] = ['view_plan', 'log_self_care', 'answer_checkins', 'message_team', 'manage_schedules'];

/** Acting on the plan means seeing it: the server grants these only with view_plan. */
export const NEEDS_VIEW_PLAN: readonly Scope[] = ['log_self_care', 'manage_schedules'];

const isScope = (value: string): value is Scope => (SCOPES as readonly string[]).includes(value);

/** A scope as the patient chooses it ("view my plan"); the server's word for one we do not know. */
export function scopeLabel(scope: string, t: Translate): string {
  return isScope(scope) ? t(`carers.scope.${scope}`) : scope;
}

/** A scope as the carer reads it ("view their plan"). */
export function helpingScopeLabel(scope: string, t: Translate): string {
  return isScope(scope) ? t(`helping.scope.${scope}`) : scope;
}

/** The scopes in the form's order (the server may list them in another). */
export function ordered(scopes: readonly string[]): string[] {
  const known = SCOPES.filter((scope) => scopes.includes(scope));
  return [...known, ...scopes.filter((scope) => !isScope(scope))];
}

/** What the chosen scopes lack, if anything: none at all, or view_plan for those that need it. */
export function scopesProblem(scopes: readonly string[]): 'none' | 'needs-view-plan' | null {
  if (scopes.length === 0) return 'none';
  if (!scopes.includes('view_plan') && NEEDS_VIEW_PLAN.some((scope) => scopes.includes(scope))) return 'needs-view-plan';
  return null;
}

/** What the app lets the person do on the patient's screens (a patient: everything). */
export interface Permissions {
  /** Someone acting for the patient: the screens do not say "you" of the patient's own entries. */
  onBehalf: boolean;
  logSelfCare: boolean;
  editPlan: boolean;
  /** Write to the care team, not only answer check-ins. */
  writeMessages: boolean;
  answerCheckins: boolean;
  manageCheckins: boolean;
}

export const PATIENT_PERMISSIONS: Permissions = {
  onBehalf: false,
  logSelfCare: true,
  editPlan: true,
  writeMessages: true,
  answerCheckins: true,
  manageCheckins: true,
};

/** A carer never edits the plan itself: that is the patient's and their care team's. */
export function carerPermissions(scopes: readonly string[]): Permissions {
  return {
    onBehalf: true,
    logSelfCare: scopes.includes('log_self_care'),
    editPlan: false,
    writeMessages: scopes.includes('message_team'),
    answerCheckins: scopes.includes('answer_checkins') || scopes.includes('message_team'),
    manageCheckins: scopes.includes('manage_schedules'),
  };
}

/** Whether a carer with these scopes may open the screen (the server refuses the rest anyway). */
export function carerMayOpen(route: Route, scopes: readonly string[]): boolean {
  const viewPlan = scopes.includes('view_plan');
  switch (route.name) {
    case 'today':
    case 'goals':
    case 'readings':
    case 'reading':
    case 'my-plan':
      return viewPlan;
    case 'changes':
      return viewPlan && route.from === 'my-plan';
    case 'messages':
      return carerPermissions(scopes).answerCheckins;
    case 'checkin-settings':
      return scopes.includes('manage_schedules');
    default:
      return false;
  }
}

export type MenuName = Extract<
  RouteName,
  'today' | 'messages' | 'goals' | 'readings' | 'my-plan' | 'review' | 'carers' | 'share' | 'access-log' | 'checkin-settings'
>;

/** The patient's own menu, in order. */
export const PATIENT_MENU: readonly MenuName[] = ['today', 'messages', 'goals', 'readings', 'my-plan', 'review', 'carers', 'share', 'access-log'];

const CARER_CANDIDATES: readonly MenuName[] = ['today', 'messages', 'goals', 'readings', 'my-plan', 'checkin-settings'];

/**
 * A carer's menu for the patient they help: only screens their scopes open. Check-in settings
 * is reached from Messages, so it has its own item only for a carer who cannot open Messages.
 */
export function carerMenu(scopes: readonly string[]): MenuName[] {
  const open = CARER_CANDIDATES.filter((name) => carerMayOpen({ name } as Route, scopes));
  return open.includes('messages') ? open.filter((name) => name !== 'checkin-settings') : open;
}

/** Where a carer lands for a patient: the first screen their scopes open, else the people they help. */
export function carerHome(scopes: readonly string[]): Route {
  const first = carerMenu(scopes)[0];
  return first ? ({ name: first } as Route) : { name: 'helping' };
}
