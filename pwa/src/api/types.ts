// Types looked up by path and method in the generated OpenAPI types, so the server's
// component names can change without breaking us; a renamed path fails `npm run typecheck`.
import type { paths } from './schema';

export type ApiPath = keyof paths;
export type ApiMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

type Operation<P extends ApiPath, M extends ApiMethod> = NonNullable<paths[P][M]>;
type JsonContent<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type SuccessStatus = 200 | 201 | 202 | 204;
type Responses<P extends ApiPath, M extends ApiMethod> =
  Operation<P, M> extends { responses: infer R } ? R : never;
type Parameters<P extends ApiPath, M extends ApiMethod> =
  Operation<P, M> extends { parameters: infer X } ? X : never;

/** The JSON body of the operation's success response (`undefined` when it has none, e.g. 204). */
export type SuccessBody<P extends ApiPath, M extends ApiMethod> =
  | JsonContent<Responses<P, M>[Extract<keyof Responses<P, M>, SuccessStatus>]>
  | ([Extract<keyof Responses<P, M>, 204>] extends [never] ? never : undefined);

/** The JSON request body the operation takes (`never` when it takes none). */
export type RequestBody<P extends ApiPath, M extends ApiMethod> =
  Operation<P, M> extends { requestBody?: infer Body } ? JsonContent<NonNullable<Body>> : never;

/** The `{name}` parts of the path (`never` when there are none). */
export type PathParams<P extends ApiPath, M extends ApiMethod> =
  Parameters<P, M> extends { path: infer X } ? X : never;

/** The query string the operation reads (`never` when it reads none). */
export type QueryParams<P extends ApiPath, M extends ApiMethod> =
  Parameters<P, M> extends { query?: infer X } ? NonNullable<X> : never;

/** Whether the operation must be given a query string (a required query parameter). */
export type QueryRequired<P extends ApiPath, M extends ApiMethod> =
  Parameters<P, M> extends { query: unknown } ? true : false;

// --- who is signed in -------------------------------------------------------------------

export type Me = SuccessBody<'/api/me', 'get'>;
export type SmsCodeSent = SuccessBody<'/api/auth/sms-code', 'post'>;

// --- the plan ---------------------------------------------------------------------------

export type CarePlan = SuccessBody<'/api/patients/{patient_id}/plan', 'get'>;
export type PlanUpdate = RequestBody<'/api/patients/{patient_id}/plan', 'patch'>;
export type Condition = CarePlan['conditions'][number];
type WorsePlan = NonNullable<Condition['if_worse']>;
export type Zone = NonNullable<WorsePlan['green']>;
export type ZoneName = keyof WorsePlan;
export type SupportService = CarePlan['support'][number];
export type SupportKind = SupportService['kind'];
export type SupportStatus = SupportService['status'];

export type Goal = CarePlan['goals'][number];
export type GoalCreate = RequestBody<'/api/patients/{patient_id}/goals', 'post'>;
export type GoalUpdate = RequestBody<'/api/patients/{patient_id}/goals/{goal_id}', 'patch'>;
export type GoalStatus = Goal['status'];
export type GoalProgress = Goal['progress'];

export type PlanAction = CarePlan['actions'][number];
export type ActionCreate = RequestBody<'/api/patients/{patient_id}/actions', 'post'>;
export type ActionUpdate = RequestBody<'/api/patients/{patient_id}/actions/{action_id}', 'patch'>;
export type Frequency = PlanAction['frequency'];
export type TimeOfDay = PlanAction['time_of_day'];

// --- today, logs, history ---------------------------------------------------------------

export type Today = SuccessBody<'/api/patients/{patient_id}/today', 'get'>;
export type TodayItem = Today['items'][number];
export type ActionLogCreate = RequestBody<'/api/patients/{patient_id}/action-logs', 'post'>;
export type Outcome = ActionLogCreate['outcome'];
export type History = SuccessBody<'/api/patients/{patient_id}/history', 'get'>;
export type Change = History['changes'][number];

// --- readings ---------------------------------------------------------------------------

export type ReadingTypeInfo = SuccessBody<'/api/reading-types', 'get'>[number];
export type ReadingCreate = RequestBody<'/api/patients/{patient_id}/readings', 'post'>;
export type ReadingPage = SuccessBody<'/api/patients/{patient_id}/readings', 'get'>;
export type Reading = ReadingPage['items'][number];
export type Series = SuccessBody<'/api/patients/{patient_id}/readings/series', 'get'>;

// --- reviews ----------------------------------------------------------------------------

export type ReviewSummary = SuccessBody<'/api/patients/{patient_id}/reviews', 'get'>[number];
export type Review = SuccessBody<'/api/patients/{patient_id}/reviews/{review_id}', 'get'>;
export type Agenda = RequestBody<'/api/patients/{patient_id}/reviews/{review_id}/agenda', 'put'>;

// --- offline sync -----------------------------------------------------------------------

export type Mutation = RequestBody<'/api/sync', 'post'>['mutations'][number];
export type SyncResult = SuccessBody<'/api/sync', 'post'>['results'][number];

// --- messages and check-ins -------------------------------------------------------------

export type Thread = SuccessBody<'/api/patients/{patient_id}/messages', 'get'>;
export type ThreadMessage = Thread['messages'][number];
export type OpenCheckin = NonNullable<Thread['open_checkin']>;
export type PostedMessage = SuccessBody<'/api/patients/{patient_id}/messages', 'post'>;
export type CheckinSettings = SuccessBody<'/api/patients/{patient_id}/checkin-settings', 'get'>;
export type CheckinSettingsUpdate = RequestBody<'/api/patients/{patient_id}/checkin-settings', 'put'>;
export type Schedule = SuccessBody<'/api/patients/{patient_id}/checkin-schedules', 'get'>['schedules'][number];
export type ScheduleCreate = RequestBody<'/api/patients/{patient_id}/checkin-schedules', 'post'>;
export type ScheduleUpdate = RequestBody<'/api/checkin-schedules/{schedule_id}', 'patch'>;
export type CheckinKind = Schedule['kind'];
export type Cadence = Schedule['cadence'];
export type CheckinChannel = Schedule['channel'];
export type CheckinsSeen = SuccessBody<'/api/patients/{patient_id}/checkins/seen', 'post'>;
export type PushConfig = SuccessBody<'/api/push/config', 'get'>;
export type PushSubscriptionCreate = RequestBody<'/api/patients/{patient_id}/push-subscriptions', 'post'>;

// --- clinician inbox and caseload -------------------------------------------------------

/** The server documents these in words (its schema says only `string`). */
export type InboxScope = 'mine' | 'team' | 'all';
export type InboxStatus = NonNullable<QueryParams<'/api/inbox', 'get'>['status']>;
export type InboxPage = SuccessBody<'/api/inbox', 'get'>;
export type InboxItem = InboxPage['items'][number];
export type InboxItemDetail = SuccessBody<'/api/inbox/{item_id}', 'get'>;
export type InboxNote = InboxItemDetail['notes'][number];
export type AwayStatus = SuccessBody<'/api/clinicians/me/away', 'get'>;
export type Clinician = SuccessBody<'/api/clinicians', 'get'>[number];
export type CaseloadScope = 'mine' | 'practice';
export type Caseload = SuccessBody<'/api/caseload', 'get'>;
export type CaseloadPatient = Caseload['patients'][number];

// --- carers and the access log ----------------------------------------------------------

export type Delegation = SuccessBody<'/api/patients/{patient_id}/carers', 'get'>['items'][number];
export type DelegationStatus = Delegation['status'];
export type Scope = Delegation['scopes'][number];
export type CarerInvite = RequestBody<'/api/patients/{patient_id}/carers', 'post'>;
export type DelegationUpdate = RequestBody<'/api/patients/{patient_id}/carers/{delegation_id}', 'patch'>;
export type CaringFor = SuccessBody<'/api/carer/patients', 'get'>;
export type HelpedPatient = CaringFor['patients'][number];
export type AccessLogPage = SuccessBody<'/api/patients/{patient_id}/access-log', 'get'>;
export type AccessLogEntry = AccessLogPage['items'][number];

// --- "my story" share links ---------------------------------------------------------------

export type ShareLinkCreate = RequestBody<'/api/patients/{patient_id}/share-links', 'post'>;
export type ShareLinkCreated = SuccessBody<'/api/patients/{patient_id}/share-links', 'post'>;
export type ShareLink = ShareLinkCreated['link'];
export type ShareLinkStatus = ShareLink['status'];
