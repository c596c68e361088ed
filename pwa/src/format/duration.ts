// How long something took or has waited, in words: "under a minute", "5 minutes",
// "2 hours 10 minutes", "3 days". Rounded down: "waiting 1 hour" until it is 2.
import type { MessageKey } from '../i18n/en';
import type { MessageParams } from '../i18n/translate';

type Translate = (key: MessageKey, params?: MessageParams) => string;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const count = (n: number, one: MessageKey, many: MessageKey, t: Translate) => (n === 1 ? t(one) : t(many, { count: n }));

export function formatDuration(ms: number, t: Translate): string {
  if (ms < MINUTE) return t('duration.underMinute');
  if (ms < HOUR) return count(Math.floor(ms / MINUTE), 'duration.minute', 'duration.minutes', t);
  if (ms < DAY) {
    const hours = Math.floor(ms / HOUR);
    const minutes = Math.floor((ms % HOUR) / MINUTE);
    const hourText = count(hours, 'duration.hour', 'duration.hours', t);
    return minutes === 0 || hours >= 6 ? hourText : `${hourText} ${count(minutes, 'duration.minute', 'duration.minutes', t)}`;
  }
  return count(Math.floor(ms / DAY), 'duration.day', 'duration.days', t);
}

/** A share (0..1) as a whole percentage: "75%". */
export const formatPercent = (share: number) => `${Math.round(share * 100)}%`;
