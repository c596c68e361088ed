// Right after opening the app online, save a copy of everything the patient's screens read
// first, so the whole app opens offline later, not only the screens they happened to visit.
import { readHistory, readPlan, readReadingTypes, readReview, readReviews, readToday } from '../api/careplan';
import { readThread } from '../api/checkins';
import type { ReviewSummary } from '../api/types';
import { upcomingReview } from '../plan/reviews';
import { cacheKeys } from './cache-keys';
import { localDb, writeCached } from './db';

export async function warmCache(patientId: string): Promise<void> {
  const db = await localDb();
  const keep = async (key: string, read: () => Promise<unknown>) => {
    const data = await read();
    await writeCached(db, key, data);
    return data;
  };
  const reviews = keep(cacheKeys.reviews(patientId), () => readReviews(patientId)).then((list) => {
    const next = upcomingReview(list as ReviewSummary[]);
    return next && keep(cacheKeys.review(patientId, next.id), () => readReview(patientId, next.id));
  });
  await Promise.allSettled([
    keep(cacheKeys.plan(patientId), () => readPlan(patientId)),
    keep(cacheKeys.today(patientId), () => readToday(patientId)),
    keep(cacheKeys.readingTypes(), readReadingTypes),
    keep(cacheKeys.history(patientId, true), () => readHistory(patientId, true)),
    keep(cacheKeys.thread(patientId), () => readThread(patientId)),
    reviews,
  ]);
}
