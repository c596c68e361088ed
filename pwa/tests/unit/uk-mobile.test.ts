import { describe, expect, it } from 'vitest';
import { formatUkMobile, normaliseUkMobile } from '../../src/forms/uk-mobile';

describe('normaliseUkMobile', () => {
  it.each([
    '07700 900101',
    '07700900101',
    ' 07700-900-101 ',
    '(07700) 900101',
    '+44 7700 900101',
    '+447700900101',
    '+44 (0)7700 900101',
    '0044 7700 900101',
    '447700900101',
  ])('reads %j as +447700900101', (typed) => {
    expect(normaliseUkMobile(typed)).toBe('+447700900101');
  });

  it.each([
    '',
    '0770090010', // too short
    '077009001011', // too long
    '020 7946 0000', // a landline cannot get texts
    '+33 6 12 34 56 78',
    '07700 9OO101', // letter O, not zero
  ])('rejects %j', (typed) => {
    expect(normaliseUkMobile(typed)).toBeNull();
  });
});

describe('formatUkMobile', () => {
  it('writes the number the way people do', () => {
    expect(formatUkMobile('+447700900101')).toBe('07700 900101');
  });
});
