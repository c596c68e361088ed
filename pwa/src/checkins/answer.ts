// Answers to a check-in made in the app. The app sends the answer as the text a person would
// text back ("140/90", "yes", "3", "done"), so the one reply pipeline on the server reads it
// exactly as it reads an SMS reply. Here: what each kind asks for, and checking what was typed.
import type { OpenCheckin, ReadingTypeInfo } from '../api/types';
import { checkReading, parseReadingNumber, type ReadingProblem } from '../format/readings';

export type Choice = 'yes' | 'no' | 'done' | 'partly' | 'not_today';

/** The words the server's parser reads for each button. */
const CHOICE_TEXT: Record<Choice, string> = {
  yes: 'yes',
  no: 'no',
  done: 'done',
  partly: 'partly',
  not_today: 'not today',
};

export const YES_NO: readonly Choice[] = ['yes', 'no'];
export const ACTION_CHOICES: readonly Choice[] = ['done', 'partly', 'not_today'];

export const choiceText = (choice: Choice) => CHOICE_TEXT[choice];

/** The schedule's option as a number, or null when it is missing or not a number. */
function optionNumber(options: OpenCheckin['options'], name: string): number | null {
  const value = options[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function optionText(options: OpenCheckin['options'], name: string): string | null {
  const value = options[name];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** A number question's bounds (null: no bound) and unit. */
export function numberBounds(options: OpenCheckin['options']): { minimum: number | null; maximum: number | null; unit: string | null } {
  return { minimum: optionNumber(options, 'min'), maximum: optionNumber(options, 'max'), unit: optionText(options, 'unit') };
}

const SCALE_TOP = 10;

/** The whole numbers a scale offers, lowest first (0 to 10 unless the schedule says otherwise). */
export function scaleValues(options: OpenCheckin['options']): number[] {
  const low = Math.max(0, Math.ceil(optionNumber(options, 'min') ?? 0));
  const high = Math.min(SCALE_TOP, Math.floor(optionNumber(options, 'max') ?? SCALE_TOP));
  const values: number[] = [];
  for (let value = low; value <= high; value++) values.push(value);
  return values.length > 0 ? values : [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
}

/** A number the way the server's parser reads it: digits and a point (no commas, no "1e-7"). */
export function numberText(value: number): string {
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, '') : text;
}

export type NumberProblem =
  | { problem: 'missing' | 'not-number' }
  | { problem: 'range'; minimum: number | null; maximum: number | null };

/** The text to send for a number question, or what is wrong with what was typed. */
export function numberAnswer(
  typed: string,
  options: OpenCheckin['options'],
): { ok: true; text: string } | { ok: false; problem: NumberProblem } {
  if (typed.trim() === '') return { ok: false, problem: { problem: 'missing' } };
  const value = parseReadingNumber(typed);
  if (value === null) return { ok: false, problem: { problem: 'not-number' } };
  const { minimum, maximum } = numberBounds(options);
  if ((minimum !== null && value < minimum) || (maximum !== null && value > maximum)) {
    return { ok: false, problem: { problem: 'range', minimum, maximum } };
  }
  return { ok: true, text: numberText(value) };
}

/** The text to send for a reading ("140/90", "7.4"), checked as the Readings screen checks one. */
export function readingAnswer(
  info: ReadingTypeInfo,
  typed: { value: string; value2: string },
): { ok: true; text: string } | { ok: false; problems: ReadingProblem[] } {
  const checked = checkReading(info, typed);
  if (!checked.ok) return checked;
  const text = checked.value2 === null ? numberText(checked.value) : `${numberText(checked.value)}/${numberText(checked.value2)}`;
  return { ok: true, text };
}

export const FREE_TEXT_MAX = 1600;

/** Free text and messages: trimmed, not blank, and short enough for one thread message. */
export function messageText(typed: string): { ok: true; text: string } | { ok: false; problem: 'missing' | 'too-long' } {
  const text = typed.trim();
  if (text === '') return { ok: false, problem: 'missing' };
  if (text.length > FREE_TEXT_MAX) return { ok: false, problem: 'too-long' };
  return { ok: true, text };
}
