import type { ReviewSummary } from '../api/types';

/** The review to prepare for: the soonest one still scheduled, or null. */
export function upcomingReview(reviews: readonly ReviewSummary[]): ReviewSummary | null {
  const scheduled = reviews.filter((review) => review.status === 'scheduled');
  scheduled.sort((a, b) => a.scheduled_for.localeCompare(b.scheduled_for));
  return scheduled[0] ?? null;
}
