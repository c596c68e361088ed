// The inbox's order and labels: urgent first, then oldest first (who has waited longest), and
// each urgency in words, so colour is never the only signal.
import type { InboxItem } from '../api/types';

export const URGENT = 2;
export const ALERT = 1;

export type Urgency = 'urgent' | 'alert' | 'routine';

export function urgencyOf(level: number): Urgency {
  if (level >= URGENT) return 'urgent';
  return level === ALERT ? 'alert' : 'routine';
}

/** Open items: most urgent first; within an urgency, the one waiting longest first. */
export function sortOpenItems<T extends Pick<InboxItem, 'urgency' | 'created_at' | 'id'>>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.urgency - a.urgency || a.created_at - b.created_at || a.id.localeCompare(b.id));
}

/** What an SSE `item` event carries: enough to decide whether to read the inbox again. */
export interface ItemEvent {
  id: string;
  kind: string;
  urgency: number;
  patient_id: string | null;
  change: string;
}

/** The event's data, or null when it is not what the server sends (then it is ignored). */
export function parseItemEvent(data: string): ItemEvent | null {
  try {
    const value: unknown = JSON.parse(data);
    if (typeof value !== 'object' || value === null) return null;
    const event = value as Record<string, unknown>;
    if (typeof event.id !== 'string' || typeof event.kind !== 'string' || typeof event.urgency !== 'number') return null;
    return {
      id: event.id,
      kind: event.kind,
      urgency: event.urgency,
      patient_id: typeof event.patient_id === 'string' ? event.patient_id : null,
      change: typeof event.change === 'string' ? event.change : 'changed',
    };
  } catch {
    return null;
  }
}

/**
 * Items that arrived since the list was last shown: in `next` and not in `before`, most urgent
 * first. Used to announce them (politely) to screen reader users.
 */
export function newArrivals<T extends Pick<InboxItem, 'id' | 'urgency' | 'created_at'>>(before: readonly T[], next: readonly T[]): T[] {
  const seen = new Set(before.map((item) => item.id));
  return sortOpenItems(next.filter((item) => !seen.has(item.id)));
}
