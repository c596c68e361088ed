import type { ReadingTypeInfo } from '../../src/api/types';

/** Two reading types as the server describes them: one with two values, one with decimals. */
export const bloodPressure: ReadingTypeInfo = {
  reading_type: 'blood_pressure',
  label: 'Blood pressure',
  unit: 'mmHg',
  minimum: 50,
  maximum: 260,
  minimum2: 30,
  maximum2: 160,
  whole_numbers: true,
};

export const glucose: ReadingTypeInfo = {
  reading_type: 'glucose',
  label: 'Glucose',
  unit: 'mmol/L',
  minimum: 1,
  maximum: 35,
  minimum2: null,
  maximum2: null,
  whole_numbers: false,
};
