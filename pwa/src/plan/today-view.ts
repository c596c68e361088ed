// What the Today screen shows: the server's answer, with logs still waiting in the outbox laid
// over it, for the patient's own current day (which may have moved on since the copy was saved).
import type { Outcome, PlanAction, Today, TodayItem } from '../api/types';
import { isoWeekday, localDay } from '../format/dates';
import { latestLog, type LogActionData, type OutboxMutation } from '../offline/mutations';

export const NOTE_MAX_LENGTH = 500;

export interface TodayEntry {
  item: TodayItem;
  due: boolean;
  /** What was logged for the day, counting logs not sent yet; null when nothing was. */
  outcome: Outcome | null;
  /** The note with that outcome, counting logs not sent yet; null when there is none. */
  note: string | null;
  /** The outcome shown is still waiting in the outbox. */
  waiting: boolean;
}

export interface TodayView {
  /** The patient's local day now: the day a log is for. */
  day: string;
  /** The saved copy is from an earlier day: the server's logs and due flags are not for today. */
  fromAnotherDay: boolean;
  entries: TodayEntry[];
}

/** Whether an action is due on a day by its schedule (flexible ones: any day). */
export function dueOn(action: PlanAction, day: string): boolean {
  if (day < action.start_date) return false;
  if (action.frequency === 'weekdays') return action.weekdays.includes(isoWeekday(day));
  return true;
}

/**
 * `queued`: logs still in the outbox. `sent`: logs the server stored after this copy of today
 * may have been read; one counts until the copy has a log that is it or is newer.
 */
export function todayView(today: Today, queued: readonly OutboxMutation[], sent: readonly OutboxMutation[], now: number): TodayView {
  const day = localDay(now, today.time_zone);
  const fromAnotherDay = day !== today.day;
  const entries = today.items.map((item) => {
    const waiting = latestLog(queued, today.patient_id, item.action.id, day);
    const serverLog = fromAnotherDay ? null : item.log;
    const sentLog = latestLog(sent, today.patient_id, item.action.id, day);
    const sentIsNewer =
      sentLog !== null &&
      (serverLog === null || (serverLog.id !== sentLog.id && serverLog.logged_at < (sentLog.made_at ?? 0)));
    const logged = sentIsNewer
      ? { outcome: sentLog.data.outcome, note: sentLog.data.note ?? null }
      : { outcome: serverLog?.outcome ?? null, note: serverLog?.note ?? null };
    return {
      item,
      due: fromAnotherDay ? dueOn(item.action, day) : item.due_today,
      outcome: waiting ? waiting.data.outcome : logged.outcome,
      note: waiting ? (waiting.data.note ?? null) : logged.note,
      waiting: waiting !== null,
    };
  });
  return { day, fromAnotherDay, entries };
}

/** This week's figures: the latest week the server counted. */
export function thisWeek(item: TodayItem): TodayItem['weeks'][number] | null {
  return item.weeks.reduce<TodayItem['weeks'][number] | null>(
    (latest, week) => (latest === null || week.week_start > latest.week_start ? week : latest),
    null,
  );
}

/**
 * What a tap or a note sends for an action on `day`: the outcome and note shown, with the change
 * laid over them, so changing the outcome keeps the note and a note keeps the outcome. A blank
 * note removes it. Null when nothing would change, or when there is no outcome to note.
 */
export function logFor(
  entry: TodayEntry,
  day: string,
  change: { outcome: Outcome } | { note: string },
): LogActionData | null {
  const outcome = 'outcome' in change ? change.outcome : entry.outcome;
  const note = 'note' in change ? change.note.trim() || null : entry.note;
  if (outcome === null || (outcome === entry.outcome && note === entry.note)) return null;
  return { action_id: entry.item.action.id, day, outcome, note };
}
