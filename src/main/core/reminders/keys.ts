// Notification keys: what was shown, keyed by record and due instant, so a restart never repeats one.
// Every key ends in "@<ISO instant>" (the due instant it is about), which is what pruning reads.
import { instantMs, toIsoInstant } from '../../../shared/domain/time';

export const touchKey = (id: string, dueAt: string): string => `touch:${id}@${toIsoInstant(dueAt)}`;
export const meetingKey = (id: string, start: string): string => `meeting:${id}@${toIsoInstant(start)}`;
export const digestKey = (date: string, atMs: number): string => `digest:${date}@${toIsoInstant(atMs)}`;
export const summaryKey = (kind: 'catchup' | 'batch', atMs: number): string => `${kind}@${toIsoInstant(atMs)}`;

/** The instant a key is about (epoch ms), or null for a key of another shape. */
export function keyInstantMs(key: string): number | null {
  const at = key.lastIndexOf('@');
  if (at < 0) return null;
  try {
    return instantMs(key.slice(at + 1));
  } catch {
    return null;
  }
}

/** The keys about instants older than `cutoffMs` (and keys of an unknown shape): safe to forget. */
export function staleKeys(keys: Iterable<string>, cutoffMs: number): string[] {
  const stale: string[] = [];
  for (const key of keys) {
    const ms = keyInstantMs(key);
    if (ms === null || ms < cutoffMs) stale.push(key);
  }
  return stale;
}
