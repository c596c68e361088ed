import { describe, expect, it } from 'vitest';
import {
  ACTION_CHOICES,
  choiceText,
  messageText,
  numberAnswer,
  numberBounds,
  numberText,
  readingAnswer,
  scaleValues,
  YES_NO,
} from '../../src/checkins/answer';
import { bloodPressure, glucose } from './reading-types';

describe('choices', () => {
  // These are the words the server's reply parser reads (checked against parse_reply).
  it('sends each button as the words a texted reply would use', () => {
    expect(YES_NO.map(choiceText)).toEqual(['yes', 'no']);
    expect(ACTION_CHOICES.map(choiceText)).toEqual(['done', 'partly', 'not today']);
  });
});

describe('numberAnswer', () => {
  const hours = { min: 0, max: 24, unit: 'hours' };

  it('reads decimals with a point or a comma and sends digits and a point', () => {
    expect(numberAnswer(' 7.5 ', hours)).toEqual({ ok: true, text: '7.5' });
    expect(numberAnswer('7,5', hours)).toEqual({ ok: true, text: '7.5' });
    expect(numberAnswer('1,500', {})).toEqual({ ok: true, text: '1500' });
  });

  it('refuses an empty answer, words, and numbers outside the range, saying which bound', () => {
    expect(numberAnswer('', hours)).toEqual({ ok: false, problem: { problem: 'missing' } });
    expect(numberAnswer('seven', hours)).toEqual({ ok: false, problem: { problem: 'not-number' } });
    expect(numberAnswer('-3', hours)).toEqual({ ok: false, problem: { problem: 'not-number' } });
    expect(numberAnswer('25', hours)).toEqual({ ok: false, problem: { problem: 'range', minimum: 0, maximum: 24 } });
    expect(numberAnswer('5', { min: 10, max: null })).toEqual({ ok: false, problem: { problem: 'range', minimum: 10, maximum: null } });
  });

  it('takes any number when the schedule sets no bounds', () => {
    expect(numberAnswer('1000000', { min: null, max: null })).toEqual({ ok: true, text: '1000000' });
  });

  it('reads bounds and unit only when they have the right type', () => {
    expect(numberBounds({ min: '3', max: 9, unit: '' })).toEqual({ minimum: null, maximum: 9, unit: null });
  });

  it('never writes a number in exponent form, which the parser would read as two numbers', () => {
    expect(numberText(0.0000001)).toBe('0.0000001');
    expect(numberText(12)).toBe('12');
  });
});

describe('scaleValues', () => {
  it('offers 0 to 10 unless the schedule says otherwise', () => {
    expect(scaleValues({})).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scaleValues({ min: 1, max: 5 })).toEqual([1, 2, 3, 4, 5]);
    expect(scaleValues({ min: null, max: 3 })).toEqual([0, 1, 2, 3]);
  });

  it('keeps within 0..10 and falls back to 0..10 for a nonsensical range', () => {
    expect(scaleValues({ min: -2, max: 12 })).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scaleValues({ min: 8, max: 2 })).toHaveLength(11);
  });
});

describe('readingAnswer', () => {
  it('sends blood pressure as top/bottom and other readings as one number', () => {
    expect(readingAnswer(bloodPressure, { value: '140', value2: '90' })).toEqual({ ok: true, text: '140/90' });
    expect(readingAnswer(glucose, { value: '7,4', value2: '' })).toEqual({ ok: true, text: '7.4' });
  });

  it("uses the reading type's own checks for each field", () => {
    expect(readingAnswer(bloodPressure, { value: '140', value2: '' })).toEqual({
      ok: false,
      problems: [{ field: 'value2', problem: 'missing' }],
    });
    expect(readingAnswer(bloodPressure, { value: '140.5', value2: '300' })).toEqual({
      ok: false,
      problems: [
        { field: 'value', problem: 'whole' },
        { field: 'value2', problem: 'range', minimum: 30, maximum: 160 },
      ],
    });
  });
});

describe('messageText', () => {
  it('trims, and refuses blank or over-long messages', () => {
    expect(messageText('  Feeling better \n')).toEqual({ ok: true, text: 'Feeling better' });
    expect(messageText('   ')).toEqual({ ok: false, problem: 'missing' });
    expect(messageText('x'.repeat(1601))).toEqual({ ok: false, problem: 'too-long' });
    expect(messageText('x'.repeat(1600)).ok).toBe(true);
  });
});
