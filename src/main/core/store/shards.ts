// How records are split across files so that the cost of a change follows the change, not the history, and
// opening loads only what the working day needs: settings and templates in touchplan.json; prospects and deals
// in a file each; planned touches in touches-active; meetings and finished touches by quarter of their date.
// The quarters before the previous one are history: loaded when first needed, not at open.
import type { CollectionName, CollectionRecord } from '../../../shared/schema';

export const MAIN_SHARD = 'main';
export const FILE_PREFIX = 'touchplan';
export const MANIFEST_FILE = 'touchplan.manifest.json';

/** "2026-11-22…" -> "2026-q4" */
function quarterOf(isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  return `${isoDate.slice(0, 4)}-q${Math.ceil(month / 3)}`;
}

export function shardOf<C extends CollectionName>(collection: C, record: CollectionRecord[C]): string {
  switch (collection) {
    case 'meetings':
      return `meetings-${quarterOf((record as CollectionRecord['meetings']).start)}`;
    case 'touches': {
      const touch = record as CollectionRecord['touches'];
      if (touch.status === 'planned') return 'touches-active';
      return `touches-${quarterOf(touch.due.allDay ? touch.due.date : touch.due.at)}`;
    }
    case 'templates':
      return MAIN_SHARD;
    default:
      return collection;
  }
}

const DATED_SHARD = /^(meetings|touches)-(\d{4})(?:-q([1-4]))?$/;

/** The collection a shard file holds, or null for the main file (or an unknown name). */
export function collectionOfShard(shard: string): Exclude<CollectionName, 'templates'> | null {
  if (shard === 'prospects' || shard === 'deals' || shard === 'touches-active') return shard === 'touches-active' ? 'touches' : shard;
  const dated = DATED_SHARD.exec(shard);
  return dated ? (dated[1] as 'meetings' | 'touches') : null;
}

/**
 * True for a shard of past quarters: before the quarter preceding `nowMs`'s. The yearly files of earlier
 * versions (meetings-2024) are never history: they are loaded at open and their records moved to quarters.
 */
export function isHistoryShard(shard: string, nowMs: number): boolean {
  const dated = DATED_SHARD.exec(shard);
  if (!dated || dated[3] === undefined) return false;
  const now = new Date(nowMs);
  const currentQuarter = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3);
  return Number(dated[2]) * 4 + Number(dated[3]) - 1 < currentQuarter - 1;
}

/** The first and last local dates a dated shard can hold (UTC quarters), or null for undated shards. */
export function datesOfShard(shard: string): { from: string; to: string } | null {
  const dated = DATED_SHARD.exec(shard);
  if (!dated) return null;
  const year = dated[2] as string;
  if (dated[3] === undefined) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const first = (Number(dated[3]) - 1) * 3 + 1;
  const last = new Date(Date.UTC(Number(year), first + 2, 0)).getUTCDate();
  const month = (m: number) => String(m).padStart(2, '0');
  return { from: `${year}-${month(first)}-01`, to: `${year}-${month(first + 2)}-${last}` };
}

export function shardFileName(shard: string): string {
  return shard === MAIN_SHARD ? `${FILE_PREFIX}.json` : `${FILE_PREFIX}.${shard}.json`;
}

/** The shard a data file name holds, or null if the name is not one of ours. */
export function shardOfFileName(name: string): string | null {
  if (name === `${FILE_PREFIX}.json`) return MAIN_SHARD;
  const match = /^touchplan\.((?:meetings|touches)-(?:\d{4}(?:-q[1-4])?|active)|prospects|deals)\.json$/.exec(name);
  if (!match || match[1] === 'meetings-active') return null;
  return match[1] ?? null;
}

export function corruptFileName(shard: string, stamp: string): string {
  return shard === MAIN_SHARD ? `${FILE_PREFIX}.corrupt-${stamp}.json` : `${FILE_PREFIX}.${shard}.corrupt-${stamp}.json`;
}
