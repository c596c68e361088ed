import type { ReadingTypeInfo } from '../api/types';
import { formatNumber } from '../format/dates';
import { takesTwoValues } from '../format/readings';
import { errorFor, type FieldError } from '../forms/field-error';
import { readingFieldId } from '../forms/reading-problem';
import { useI18n } from '../i18n/I18nProvider';
import { NumberInput } from './TextInput';

/** What has been typed for a reading; `value2` is the bottom number of a two-value reading. */
export interface TypedReading {
  value: string;
  value2: string;
}

export const NO_TYPED_READING: TypedReading = { value: '', value2: '' };

/**
 * The number box of a reading type (top and bottom for blood pressure), each hinting its
 * plausible range, shared by the Readings screen and a check-in that asks for a reading.
 */
export function ReadingValueInputs({ info, idPrefix, typed, onType, errors, hintWholeNumbers = false }: {
  info: ReadingTypeInfo;
  idPrefix: string;
  typed: TypedReading;
  onType: (typed: TypedReading) => void;
  errors: readonly FieldError[];
  /** Add "whole numbers only" to the hint when the type takes no decimals. */
  hintWholeNumbers?: boolean;
}) {
  const { t } = useI18n();
  const twoValues = takesTwoValues(info);
  const range = (minimum: number, maximum: number) =>
    t('readings.rangeHint', { minimum: formatNumber(minimum), maximum: formatNumber(maximum), unit: info.unit }) +
    (hintWholeNumbers && info.whole_numbers ? ` ${t('readings.wholeHint')}` : '');
  const box = (field: keyof TypedReading, label: string, hint: string) => (
    <NumberInput
      id={readingFieldId(idPrefix, field)}
      label={label}
      hint={hint}
      error={errorFor(errors, readingFieldId(idPrefix, field))}
      inputMode={info.whole_numbers ? 'numeric' : 'decimal'}
      value={typed[field]}
      onInput={(event) => onType({ ...typed, [field]: event.currentTarget.value })}
    />
  );
  return (
    <>
      {box(
        'value',
        twoValues ? t('readings.topLabel', { unit: info.unit }) : t('readings.valueLabel', { unit: info.unit }),
        range(info.minimum, info.maximum),
      )}
      {twoValues && box('value2', t('readings.bottomLabel', { unit: info.unit }), range(info.minimum2!, info.maximum2!))}
    </>
  );
}
