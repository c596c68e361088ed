import type { ReadingTypeInfo } from '../api/types';
import { formatNumber } from '../format/dates';
import { takesTwoValues, type ReadingField, type ReadingProblem } from '../format/readings';
import type { FieldError } from './field-error';
import type { MessageKey } from '../i18n/en';
import type { MessageParams } from '../i18n/translate';

type Translate = (key: MessageKey, params?: MessageParams) => string;

/** What to say about a reading that does not pass its checks (Readings, and check-in answers). */
export function readingProblemMessage(problem: ReadingProblem, twoValues: boolean, t: Translate): string {
  switch (problem.problem) {
    case 'missing':
      if (!twoValues) return t('readings.errorMissing');
      return t(problem.field === 'value' ? 'readings.errorMissingTop' : 'readings.errorMissingBottom');
    case 'not-number':
      return t('readings.errorNotNumber');
    case 'whole':
      return t('readings.errorWhole');
    case 'range':
      return t('readings.errorRange', {
        minimum: formatNumber(problem.minimum),
        maximum: formatNumber(problem.maximum),
      });
  }
}

/** The id of a reading's box: `${prefix}-value`, and `${prefix}-value2` for the bottom number. */
export const readingFieldId = (prefix: string, field: ReadingField) => `${prefix}-${field}`;

/** Each problem as an error on the box it is about, for the error summary and the box itself. */
export function readingFieldErrors(problems: readonly ReadingProblem[], info: ReadingTypeInfo, prefix: string, t: Translate): FieldError[] {
  const twoValues = takesTwoValues(info);
  return problems.map((p) => ({ fieldId: readingFieldId(prefix, p.field), message: readingProblemMessage(p, twoValues, t) }));
}
