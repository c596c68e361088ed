import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/errors';
import type { AccessLogEntry, HelpedPatient } from '../../src/api/types';
import { accessSentence, describeAccess, peopleIn } from '../../src/carers/access-log';
import { describeActor, recordedBy } from '../../src/carers/attribution';
import { checkChange, checkInvite, EMPTY_INVITE, fieldIds, serverFieldErrors } from '../../src/carers/carer-form';
import { forgetPatientCopies, refusalMeaning, type Helping } from '../../src/carers/helping';
import {
  carerHome,
  carerMayOpen,
  carerMenu,
  carerPermissions,
  ordered,
  scopeLabel,
  scopesProblem,
} from '../../src/carers/scopes';
import { signInChoices } from '../../src/forms/sign-in-choices';
import type { MessageKey } from '../../src/i18n/en';
import { translate, type Language } from '../../src/i18n/translate';
import { openCareplanDb, readCached, writeCached } from '../../src/offline/db';

const tr = (language: Language) => (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
const en = tr('en');
const cy = tr('cy');

describe('scopes in plain words', () => {
  it('names each scope the way the patient chooses it, in English and Welsh', () => {
    expect(scopeLabel('log_self_care', en)).toBe('Log actions and readings');
    expect(scopeLabel('view_plan', cy)).toBe('Gweld fy nghynllun');
    expect(scopeLabel('walk_the_dog', en)).toBe('walk_the_dog');
  });

  it('lists scopes in the form order, whatever order the server sent', () => {
    expect(ordered(['message_team', 'view_plan', 'log_self_care'])).toEqual(['view_plan', 'log_self_care', 'message_team']);
  });

  it('needs at least one scope, and view_plan with the scopes that act on the plan', () => {
    expect(scopesProblem([])).toBe('none');
    expect(scopesProblem(['log_self_care'])).toBe('needs-view-plan');
    expect(scopesProblem(['manage_schedules', 'answer_checkins'])).toBe('needs-view-plan');
    expect(scopesProblem(['view_plan', 'log_self_care'])).toBeNull();
    expect(scopesProblem(['answer_checkins'])).toBeNull();
  });
});

describe("a carer's menu and screens", () => {
  it('shows the plan screens only with view_plan', () => {
    expect(carerMenu(['view_plan', 'log_self_care'])).toEqual(['today', 'goals', 'readings', 'my-plan']);
    expect(carerHome(['view_plan'])).toEqual({ name: 'today' });
  });

  it('shows Messages for answering check-ins or messaging the team, and nothing else', () => {
    expect(carerMenu(['answer_checkins'])).toEqual(['messages']);
    expect(carerMenu(['message_team'])).toEqual(['messages']);
    expect(carerHome(['answer_checkins'])).toEqual({ name: 'messages' });
  });

  it('reaches check-in settings from Messages, or from its own item without Messages', () => {
    expect(carerMenu(['view_plan', 'manage_schedules'])).toEqual(['today', 'goals', 'readings', 'my-plan', 'checkin-settings']);
    expect(carerMenu(['view_plan', 'manage_schedules', 'message_team'])).toEqual(['today', 'messages', 'goals', 'readings', 'my-plan']);
    expect(carerMayOpen({ name: 'checkin-settings' }, ['view_plan', 'manage_schedules', 'message_team'])).toBe(true);
    expect(carerMayOpen({ name: 'checkin-settings' }, ['view_plan', 'message_team'])).toBe(false);
  });

  it("never opens the patient's own screens: review agenda, carers, access log", () => {
    const all = ['view_plan', 'log_self_care', 'answer_checkins', 'message_team', 'manage_schedules'];
    for (const name of ['review', 'carers', 'access-log', 'patients', 'inbox'] as const) {
      expect(carerMayOpen({ name }, all), name).toBe(false);
    }
    expect(carerMayOpen({ name: 'changes', from: 'review' }, all)).toBe(false);
    expect(carerMayOpen({ name: 'changes', from: 'my-plan' }, all)).toBe(true);
    expect(carerMayOpen({ name: 'reading', readingType: 'weight' }, ['answer_checkins'])).toBe(false);
  });

  it('goes back to the people they help when no screen is open to them', () => {
    expect(carerMenu([])).toEqual([]);
    expect(carerHome([])).toEqual({ name: 'helping' });
  });

  it('lets a carer log, write or manage only with those scopes, and never edit the plan', () => {
    expect(carerPermissions(['view_plan'])).toEqual({
      onBehalf: true,
      logSelfCare: false,
      editPlan: false,
      writeMessages: false,
      answerCheckins: false,
      manageCheckins: false,
    });
    const answering = carerPermissions(['answer_checkins']);
    expect([answering.answerCheckins, answering.writeMessages]).toEqual([true, false]);
    const messaging = carerPermissions(['message_team', 'view_plan', 'log_self_care']);
    expect([messaging.answerCheckins, messaging.writeMessages, messaging.logSelfCare, messaging.editPlan]).toEqual([true, true, true, false]);
  });
});

const entry = (change: Partial<AccessLogEntry> = {}): AccessLogEntry => ({
  id: 'e1',
  at: Date.UTC(2026, 10, 23, 10, 4),
  actor_kind: 'carer',
  actor_id: 'c1',
  actor_name: 'Sam Carer',
  actor_role: 'carer',
  on_behalf_of: 'p1',
  action: 'reading.create',
  summary: 'added a reading',
  target_kind: 'reading',
  target_id: 'r1',
  request_id: 'q1',
  ...change,
});

describe('the access log in plain words', () => {
  it('says who, in what role, did what and when', () => {
    expect(describeAccess(entry(), en, 'en', 'Europe/London')).toBe('Sam Carer (carer) added a reading — 23 November 2026, 10:04');
    expect(describeAccess(entry(), cy, 'cy', 'Europe/London')).toBe(
      'Mae Sam Carer (gofalwr) wedi ychwanegu darlleniad — 23 Tachwedd 2026, 10:04',
    );
  });

  it("names a clinician's role, keeping initialisms as they are", () => {
    const gp = entry({ actor_kind: 'clinician', actor_name: 'Dr Amira Hassan', actor_role: 'gp', action: 'plan.read' });
    expect(accessSentence(gp, en)).toBe('Dr Amira Hassan (GP) viewed your care plan');
    const nurse = entry({ actor_kind: 'clinician', actor_name: 'Jo Bloggs', actor_role: 'nurse', action: 'carer.revoke' });
    expect(accessSentence(nurse, en)).toBe("Jo Bloggs (nurse) ended a carer's access");
  });

  it("uses the server's words for an action this app does not know yet", () => {
    const newer = entry({ action: 'teleport.create', summary: 'teleported you' });
    expect(accessSentence(newer, en)).toBe('Sam Carer (carer): teleported you');
  });

  it('has words in both languages for every action the server logs', () => {
    const source = readFileSync(new URL('../../../server/careplan/audit/service.py', import.meta.url), 'utf8');
    const table = source.slice(source.indexOf('_PLAIN_WORDS = {'), source.indexOf('}', source.indexOf('_PLAIN_WORDS = {')));
    const actions = [...table.matchAll(/"([\w.]+)":/g)].map((m) => m[1]!);
    expect(actions.length).toBeGreaterThan(40);
    for (const action of actions) {
      expect(accessSentence(entry({ action }), en), action).not.toContain(':');
      expect(accessSentence(entry({ action }), cy), action).toMatch(/^Mae Sam Carer \(gofalwr\) wedi /);
    }
  });

  it('offers each person seen once, by name, keeping those seen before', () => {
    const seen = [
      entry({ id: '1' }),
      entry({ id: '2', actor_id: 'd1', actor_kind: 'clinician', actor_name: 'Dr Amira Hassan', actor_role: 'gp' }),
      entry({ id: '3' }),
    ];
    const people = peopleIn(seen, [{ id: 'p1', label: 'Alice Able (patient)' }], en);
    expect(people).toEqual([
      { id: 'p1', label: 'Alice Able (patient)' },
      { id: 'd1', label: 'Dr Amira Hassan (GP)' },
      { id: 'c1', label: 'Sam Carer (carer)' },
    ]);
  });
});

describe('who recorded a reading or log', () => {
  it('says nothing when it was the patient themself', () => {
    expect(recordedBy({ actor_kind: 'patient', actor_id: 'p1', actor_name: 'Alice Able' }, 'p1')).toBeNull();
  });

  it('names a carer or clinician, or gives their role when the name is not known', () => {
    const carer = recordedBy({ actor_kind: 'carer', actor_id: 'c1', actor_name: 'Sam Carer' }, 'p1')!;
    expect(en('readings.addedBy', { who: describeActor(carer, en) })).toBe('Added by Sam Carer (carer)');
    const unnamed = recordedBy({ actor_kind: 'clinician', actor_id: 'd1' }, 'p1')!;
    expect(describeActor(unnamed, en)).toBe('Care team');
  });
});

describe('the carer invitation form', () => {
  const ids = fieldIds('carer');
  const today = '2026-11-23';

  it('says what is missing, at each field', () => {
    const checked = checkInvite(EMPTY_INVITE, today, ids, en);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual([
      { fieldId: 'carer-name', message: 'Enter their name' },
      { fieldId: 'carer-phone', message: 'Enter their mobile phone number' },
      { fieldId: 'carer-scopes', message: 'Select at least one thing they can help with' },
    ]);
  });

  it('refuses a number that is not a UK mobile, scopes without view_plan, and a past end date', () => {
    const checked = checkInvite(
      { name: 'Sam', phone: '01632 960000', relationship: '', scopes: ['log_self_care'], endsOn: '2026-11-22' },
      today,
      ids,
      en,
    );
    expect(checked.ok ? [] : checked.errors.map((e) => e.fieldId)).toEqual(['carer-phone', 'carer-scopes', 'carer-ends-on']);
  });

  it('sends the phone in international form, trimmed words, and no end date as null', () => {
    const checked = checkInvite(
      { name: ' Sam Carer ', phone: '07700 900262', relationship: ' son ', scopes: ['view_plan', 'log_self_care'], endsOn: '' },
      today,
      ids,
      en,
    );
    expect(checked).toEqual({
      ok: true,
      value: { display_name: 'Sam Carer', phone: '+447700900262', relationship: 'son', scopes: ['view_plan', 'log_self_care'], ends_on: null },
    });
  });

  it('sends a change with the version read; today is a valid last day', () => {
    const checked = checkChange(['view_plan'], today, 3, today, fieldIds('x'), en);
    expect(checked).toEqual({ ok: true, value: { version: 3, scopes: ['view_plan'], ends_on: today } });
  });

  it("links the server's 400 detail to the field it names", () => {
    const own = new ApiError(400, "phone: this is the patient's own number: give the carer's");
    expect(serverFieldErrors(own, ids, 'display_name')).toEqual([
      { fieldId: 'carer-phone', message: "This is the patient's own number: give the carer's" },
    ]);
    const decoded = new ApiError(400, 'request body: Expected `str` of length >= 1 - at `$.display_name`');
    expect(serverFieldErrors(decoded, ids, 'phone')).toEqual([
      { fieldId: 'carer-name', message: 'Request body: Expected `str` of length >= 1 - at `$.display_name`' },
    ]);
    expect(serverFieldErrors(new ApiError(409, 'already invited'), ids, 'phone')).toBeNull();
  });
});

const helped = (scopes: HelpedPatient['scopes']): HelpedPatient => ({
  delegation_id: 'd1',
  patient_id: 'p1',
  patient_name: 'Alice Able',
  practice: 'Riverside',
  relationship: 'mother',
  scopes,
  status: 'active',
  ends_on: null,
  created_at: 0,
});

describe('what a refused request means for a carer', () => {
  const helping: Helping = { patientId: 'p1', name: 'Alice Able', scopes: ['view_plan', 'log_self_care'] };

  it('is the end of the access when the patient is no longer among those they help', () => {
    expect(refusalMeaning(helping, [])).toEqual({ kind: 'ended', name: 'Alice Able' });
  });

  it('is narrower access when the scopes changed', () => {
    expect(refusalMeaning(helping, [helped(['view_plan'])])).toEqual({ kind: 'narrowed', name: 'Alice Able' });
  });

  it('is nothing new when the access is as it was (the screen shows its own error)', () => {
    expect(refusalMeaning(helping, [helped(['log_self_care', 'view_plan'])])).toBeNull();
  });

  it("forgets this device's copies of that patient's record once it ended, and no one else's", async () => {
    const db = await openCareplanDb('carers-test');
    await writeCached(db, 'p1/plan', { what_matters: 'walking' });
    await writeCached(db, 'p1/readings/weight', { items: [] });
    await writeCached(db, 'p10/plan', { what_matters: 'gardening' });
    await writeCached(db, 'caring-for', { patients: [] });
    await forgetPatientCopies(db, 'p1');
    expect(await readCached(db, 'p1/plan')).toBeUndefined();
    expect(await readCached(db, 'p1/readings/weight')).toBeUndefined();
    expect((await readCached(db, 'p10/plan'))?.data).toEqual({ what_matters: 'gardening' });
    expect(await readCached(db, 'caring-for')).toBeDefined();
    db.close();
  });
});

describe('signing in on a shared phone', () => {
  it('reads the choices from the 409', () => {
    const shared = new ApiError(409, 'Several people share this phone.', { patient_ids: ['a', 'b'], carer: true });
    expect(signInChoices(shared)).toEqual({ patientIds: ['a', 'b'], carer: true });
  });

  it('is not a choice for other errors', () => {
    expect(signInChoices(new ApiError(400, 'Wrong code'))).toBeNull();
    expect(signInChoices(new ApiError(409, 'Conflict', { current_version: 2 }))).toBeNull();
  });
});
