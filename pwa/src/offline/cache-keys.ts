// Where each saved copy lives in the `cache` store: per patient, so a carer's or a second
// patient's copies never mix.
export const cacheKeys = {
  plan: (patientId: string) => `${patientId}/plan`,
  today: (patientId: string) => `${patientId}/today`,
  readingTypes: () => 'reading-types',
  readings: (patientId: string, readingType: string) => `${patientId}/readings/${readingType}`,
  series: (patientId: string, readingType: string) => `${patientId}/series/${readingType}`,
  reviews: (patientId: string) => `${patientId}/reviews`,
  review: (patientId: string, reviewId: string) => `${patientId}/reviews/${reviewId}`,
  history: (patientId: string, sinceLastReview: boolean) =>
    `${patientId}/history/${sinceLastReview ? 'since-last-review' : 'all'}`,
  thread: (patientId: string) => `${patientId}/messages`,
  checkinSettings: (patientId: string) => `${patientId}/checkin-settings`,
  schedules: (patientId: string) => `${patientId}/checkin-schedules`,
  /** A carer's people and invitations. */
  caringFor: () => 'caring-for',
};
