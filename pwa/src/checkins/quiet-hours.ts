// Quiet hours: no check-in texts from `start` until `end` (local times; may cross midnight).
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The server's limit: quiet hours may not take more than 20 hours of the day. */
const LONGEST_QUIET_MINUTES = 20 * 60;

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export type QuietProblem =
  | { field: 'start' | 'end'; problem: 'missing' | 'invalid' }
  | { field: 'end'; problem: 'too-long' };

/** What is wrong with the times typed; an empty list means they can be saved. */
export function checkQuietHours(start: string, end: string): QuietProblem[] {
  const problems: QuietProblem[] = [];
  for (const [field, value] of [['start', start], ['end', end]] as const) {
    if (value.trim() === '') problems.push({ field, problem: 'missing' });
    else if (!TIME.test(value.trim())) problems.push({ field, problem: 'invalid' });
  }
  if (problems.length > 0) return problems;
  const length = (minutes(end) - minutes(start) + 24 * 60) % (24 * 60);
  if (length > LONGEST_QUIET_MINUTES) return [{ field: 'end', problem: 'too-long' }];
  return [];
}
