import { useEffect, useRef } from 'preact/hooks';
import { markCheckinsSeen } from '../api/checkins';

/**
 * Tell the server, once per check-in, that the patient has it in front of them: a text held
 * back after an app notification is then not sent. Best effort: if this fails, the text goes
 * as if the check-in had not been seen, and the next time it is shown the app tells again.
 */
export function useMarkSeen(patientId: string, checkinId: string | null): void {
  const told = useRef(new Set<string>());
  useEffect(() => {
    if (checkinId === null || told.current.has(checkinId)) return;
    told.current.add(checkinId);
    void markCheckinsSeen(patientId, [checkinId]).catch(() => told.current.delete(checkinId));
  }, [patientId, checkinId]);
}
