import { describe, expect, it } from 'vitest';
import { normaliseOneTimeCode } from '../../src/forms/one-time-code';

describe('normaliseOneTimeCode', () => {
  it.each(['123456', ' 123456 ', '123 456', '123-456'])('reads %j as 123456', (typed) => {
    expect(normaliseOneTimeCode(typed)).toBe('123456');
  });

  it.each(['', '12345', '1234567', '12345a', 'abcdef'])('rejects %j', (typed) => {
    expect(normaliseOneTimeCode(typed)).toBeNull();
  });
});
