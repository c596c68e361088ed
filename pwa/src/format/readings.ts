// Reading values: read what people type, check it against the type's plausible range, and
// write it back the way they expect ("140/90 mmHg", "7.4 mmol/L").
import type { ReadingTypeInfo } from '../api/types';
import { formatNumber } from './dates';

/** A number as typed: "7.4", " 7,4 " (a decimal comma) or "10,000" (a thousands comma). */
export function parseReadingNumber(typed: string): number | null {
  let text = typed.replace(/\s/g, '');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) text = text.replace(/,/g, '');
  else if (/^\d+,\d+$/.test(text)) text = text.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text) && !/^\.\d+$/.test(text)) return null;
  return Number(text);
}

export type ReadingField = 'value' | 'value2';

export type ReadingProblem =
  | { field: ReadingField; problem: 'missing' | 'not-number' | 'whole' }
  | { field: ReadingField; problem: 'range'; minimum: number; maximum: number };

export const takesTwoValues = (info: ReadingTypeInfo) => info.minimum2 !== null && info.maximum2 !== null;

function checkOne(
  field: ReadingField,
  typed: string,
  minimum: number,
  maximum: number,
  wholeNumbers: boolean,
): number | ReadingProblem {
  if (typed.trim() === '') return { field, problem: 'missing' };
  const value = parseReadingNumber(typed);
  if (value === null) return { field, problem: 'not-number' };
  if (wholeNumbers && !Number.isInteger(value)) return { field, problem: 'whole' };
  if (value < minimum || value > maximum) return { field, problem: 'range', minimum, maximum };
  return value;
}

/** The values to send, or what is wrong with what was typed. */
export function checkReading(
  info: ReadingTypeInfo,
  typed: { value: string; value2: string },
): { ok: true; value: number; value2: number | null } | { ok: false; problems: ReadingProblem[] } {
  const first = checkOne('value', typed.value, info.minimum, info.maximum, info.whole_numbers);
  const second = takesTwoValues(info)
    ? checkOne('value2', typed.value2, info.minimum2!, info.maximum2!, info.whole_numbers)
    : null;
  const problems = [first, second].filter((r): r is ReadingProblem => typeof r === 'object' && r !== null);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: first as number, value2: second as number | null };
}

/** "140/90 mmHg", "7.4 mmol/L", "8,500 steps". */
export function formatReading(value: number, value2: number | null, unit: string): string {
  const number = value2 === null ? formatNumber(value) : `${formatNumber(value)}/${formatNumber(value2)}`;
  return `${number} ${unit}`;
}
