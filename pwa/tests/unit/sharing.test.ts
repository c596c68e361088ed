import { describe, expect, it } from 'vitest';
import type { AccessLogEntry, Condition, ShareLink } from '../../src/api/types';
import { accessSentence, peopleIn } from '../../src/carers/access-log';
import { carerMayOpen, carerMenu, PATIENT_MENU } from '../../src/carers/scopes';
import type { MessageKey } from '../../src/i18n/en';
import { translate, type Language } from '../../src/i18n/translate';
import { whoToCall } from '../../src/plan/who-to-call';
import { checkShare, CUSTOM, EMPTY_SHARE, FIELD_IDS, liveFirst } from '../../src/sharing/share-form';

const tr = (language: Language) => (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);
const en = tr('en');
const cy = tr('cy');

describe('the share form', () => {
  it('sends the hours of a common choice, and the label tidied', () => {
    expect(checkShare({ expiry: '72', hours: '', label: '  Hospital   admission ' }, en)).toEqual({
      ok: true,
      value: { expires_in_hours: 72, label: 'Hospital admission' },
    });
    expect(checkShare({ ...EMPTY_SHARE, expiry: '720' }, en)).toEqual({ ok: true, value: { expires_in_hours: 720, label: '' } });
  });

  it('takes a whole number of hours from 1 to 720', () => {
    const hours = (typed: string) => checkShare({ expiry: CUSTOM, hours: typed, label: '' }, en);
    expect(hours('1')).toEqual({ ok: true, value: { expires_in_hours: 1, label: '' } });
    expect(hours(' 720 ')).toEqual({ ok: true, value: { expires_in_hours: 720, label: '' } });
    for (const typed of ['0', '721', '1.5', '-3', 'ten', '1e2']) {
      expect(hours(typed), typed).toEqual({
        ok: false,
        errors: [{ fieldId: FIELD_IDS.hours, message: 'Enter a whole number of hours from 1 to 720' }],
      });
    }
    expect(hours('')).toEqual({ ok: false, errors: [{ fieldId: FIELD_IDS.hours, message: 'Enter a number of hours' }] });
  });

  it('asks how long, and keeps the label short, in Welsh too', () => {
    const checked = checkShare({ expiry: '', hours: '', label: 'x'.repeat(81) }, cy);
    expect(checked).toEqual({
      ok: false,
      errors: [
        { fieldId: FIELD_IDS.expiry, message: "Dewiswch am ba hyd y dylai'r ddolen weithio" },
        { fieldId: FIELD_IDS.label, message: "Rhaid i'r enw fod yn 80 nod neu lai" },
      ],
    });
  });

  it('lists working links before ended and stopped ones, keeping the server order', () => {
    const link = (id: string, status: ShareLink['status']): ShareLink => ({
      id,
      label: '',
      status,
      created_at: 0,
      expires_at: 1,
      revoked_at: null,
      view_count: 0,
      last_viewed_at: null,
    });
    const ordered = liveFirst([link('a', 'expired'), link('b', 'active'), link('c', 'revoked'), link('d', 'active')]);
    expect(ordered.map((l) => l.id)).toEqual(['b', 'd', 'a', 'c']);
  });
});

describe('who may share', () => {
  it('is in the patient menu and never a carer screen', () => {
    expect(PATIENT_MENU).toContain('share');
    const all = ['view_plan', 'log_self_care', 'answer_checkins', 'message_team', 'manage_schedules'];
    expect(carerMayOpen({ name: 'share' }, all)).toBe(false);
    expect(carerMenu(all)).not.toContain('share');
  });
});

describe('share links in the access log', () => {
  const view: AccessLogEntry = {
    id: 'e1',
    at: Date.UTC(2026, 10, 23, 10, 4),
    actor_kind: 'share_link',
    actor_id: 'l1',
    actor_name: 'Share link: Hospital admission',
    actor_role: 'share_link',
    on_behalf_of: null,
    action: 'story.view',
    summary: 'viewed your story through a share link',
    target_kind: 'story',
    target_id: 'l1',
    request_id: 'q1',
  };

  it('names the link, not a person, in both languages', () => {
    expect(accessSentence(view, en)).toBe('Share link: Hospital admission was used to view your story');
    expect(accessSentence(view, cy)).toBe('Mae Share link: Hospital admission wedi cael ei defnyddio i weld eich stori');
  });

  it('offers each link as its own choice in the filter', () => {
    expect(peopleIn([view], [], en)).toEqual([{ id: 'l1', label: 'Share link: Hospital admission' }]);
  });
});

describe("the printed plan's contacts", () => {
  it('lists everyone to call from every zone once, leaving out blanks and 999', () => {
    const practice = 'Riverside Medical Practice, 01632 960000';
    const conditions = [
      { id: 'copd', display: 'COPD', if_worse: { amber: { who_to_call: practice }, red: { who_to_call: '999' } } },
      { id: 'hf', display: 'Heart failure', if_worse: { green: { who_to_call: ' ' }, amber: { who_to_call: ` ${practice} ` }, red: { who_to_call: 'Heart failure nurse 01632 960111' } } },
      { id: 'oa', display: 'Osteoarthritis' },
    ] as Condition[];
    expect(whoToCall(conditions)).toEqual([practice, 'Heart failure nurse 01632 960111']);
  });
});
