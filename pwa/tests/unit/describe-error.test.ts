import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/api/errors';
import { describeError } from '../../src/forms/describe-error';
import { translate } from '../../src/i18n/translate';

const t = (key: Parameters<typeof translate>[1]) => translate('en', key);

describe('describeError', () => {
  it("shows the server's words for a 4xx with a detail", () => {
    const error = new ApiError(400, 'The code is wrong or has expired');
    expect(describeError(error, t)).toBe('The code is wrong or has expired');
  });

  it('tells the person to check their connection when the server cannot be reached', () => {
    expect(describeError(new ApiError(0, null), t)).toBe(t('error.network'));
  });

  it('uses our own words for server faults and unknown errors', () => {
    expect(describeError(new ApiError(500, 'Internal Server Error'), t)).toBe(t('error.unexpected'));
    expect(describeError(new ApiError(400, null), t)).toBe(t('error.unexpected'));
    expect(describeError(new TypeError('boom'), t)).toBe(t('error.unexpected'));
  });
});
