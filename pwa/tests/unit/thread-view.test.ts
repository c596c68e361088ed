import { describe, expect, it } from 'vitest';
import type { ThreadMessage } from '../../src/api/types';
import { answeredHere, authorOf, threadEntries } from '../../src/checkins/thread-view';
import { logActionMutation, messageMutation } from '../../src/offline/mutations';

const message = (id: string, change: Partial<ThreadMessage> = {}): ThreadMessage => ({
  id,
  direction: 'inbound',
  channel: 'app',
  purpose: 'patient_message',
  body: `Body ${id}`,
  status: 'received',
  author_kind: 'patient',
  author_id: 'p1',
  author_name: 'Ada Lovelace',
  on_behalf_of: null,
  checkin_id: null,
  created_at: 1_000,
  ...change,
});

const outbound = (id: string, change: Partial<ThreadMessage> = {}) =>
  message(id, { direction: 'outbound', channel: 'sms', status: 'delivered', author_kind: 'system', author_id: null, author_name: null, ...change });

describe('authorOf', () => {
  it('names the reader "you", and everyone else by who they are', () => {
    expect(authorOf(message('m1'), 'p1')).toEqual({ kind: 'you' });
    expect(authorOf(message('m1'), 'c1')).toEqual({ kind: 'patient', name: 'Ada Lovelace' });
    expect(authorOf(outbound('m2', { author_kind: 'clinician', author_id: 'c1', author_name: 'Dr Amira Hassan' }), 'p1')).toEqual({
      kind: 'clinician',
      name: 'Dr Amira Hassan',
    });
    expect(authorOf(message('m3', { author_kind: 'carer', author_id: 'k1', author_name: null, on_behalf_of: 'p1' }), 'p1')).toEqual({
      kind: 'carer',
      name: null,
    });
  });

  it('tells check-in questions and the safety-net text apart from other automatic messages', () => {
    expect(authorOf(outbound('q', { purpose: 'checkin', checkin_id: 'c' }), 'p1')).toEqual({ kind: 'checkin' });
    expect(authorOf(outbound('r', { purpose: 'reminder', checkin_id: 'c' }), 'p1')).toEqual({ kind: 'checkin' });
    expect(authorOf(outbound('s', { purpose: 'safety_net' }), 'p1')).toEqual({ kind: 'safety-net' });
    expect(authorOf(outbound('u', { purpose: 'clarify', checkin_id: 'c' }), 'p1')).toEqual({ kind: 'automatic' });
  });
});

describe('threadEntries', () => {
  it("keeps the server's order (oldest first), then what this device wrote, waiting ones last", () => {
    const waiting = messageMutation('p1', 'Still breathless', null, 5_000, 'local-2');
    const sent = messageMutation('p1', 'Done my walk', null, 4_000, 'local-1');
    const entries = threadEntries([message('a', { created_at: 1 }), outbound('b', { created_at: 2 })], [waiting], [sent], 'p1', 'p1');
    expect(entries.map((e) => [e.id, e.waiting])).toEqual([
      ['a', false],
      ['b', false],
      ['local-2', true],
      ['local-1', false],
    ]);
    expect(entries[2]).toMatchObject({ body: 'Still breathless', author: { kind: 'you' }, fromPatientSide: true, message: null });
  });

  it("shows a sent message once, as the server's copy, as soon as the server has it", () => {
    const sent = messageMutation('p1', 'Done my walk', null, 4_000, 'same-id');
    const entries = threadEntries([message('same-id', { body: 'Done my walk' })], [], [sent], 'p1', 'p1');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.message).not.toBeNull();
  });

  it("leaves out other patients' messages and anything that is not a message", () => {
    const other = messageMutation('p2', 'Not mine', null, 1, 'x');
    const log = logActionMutation('p1', { action_id: 'a1', day: '2026-11-22', outcome: 'done' }, 1, 'y');
    expect(threadEntries([], [other, log], [], 'p1', 'p1')).toEqual([]);
  });

  it('marks messages someone wrote for the patient', () => {
    const [entry] = threadEntries([message('c', { author_kind: 'carer', author_id: 'k1', on_behalf_of: 'p1' })], [], [], 'p1', 'p1');
    expect(entry!.onBehalf).toBe(true);
    expect(threadEntries([message('d')], [], [], 'p1', 'p1')[0]!.onBehalf).toBe(false);
  });
});

describe('answeredHere', () => {
  const answer = messageMutation('p1', '140/90', 'checkin-1', 9_000, 'answer-1');

  it('hides the form while the answer waits, or is sent but not yet in the copy shown', () => {
    expect(answeredHere('checkin-1', [], [answer], [], 'p1')).toBe(true);
    expect(answeredHere('checkin-1', [], [], [answer], 'p1')).toBe(true);
  });

  it("trusts the server once its copy has the answer (an unclear answer leaves it open)", () => {
    expect(answeredHere('checkin-1', [message('answer-1')], [], [answer], 'p1')).toBe(false);
  });

  it('is about this check-in only', () => {
    expect(answeredHere('checkin-2', [], [answer], [], 'p1')).toBe(false);
    expect(answeredHere('checkin-1', [], [messageMutation('p1', 'hello', null, 1)], [], 'p1')).toBe(false);
  });
});
