import { ApiError } from '../api/errors';
import type { MessageKey } from '../i18n/en';

/**
 * What to tell the person about a failed request. The server's `detail` is written for people
 * for 4xx answers; anything else gets our own words.
 */
export function describeError(error: unknown, t: (key: MessageKey) => string): string {
  if (!(error instanceof ApiError)) return t('error.unexpected');
  if (error.isNetworkFailure) return t('error.network');
  if (error.status >= 400 && error.status < 500 && error.detail) return error.detail;
  return t('error.unexpected');
}
