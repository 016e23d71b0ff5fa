// How records are split across files so that the cost of a change follows the change, not the history, and
// opening loads only what the working day needs: settings and templates in touchplan.json; prospects and deals
// in play in touchplan.prospects / touchplan.deals, the others (closed deals, prospects with nothing open) in
// prospects-dormant / deals-closed; planned touches in touches-active; meetings and finished touches by quarter
// of their date. The quarters before the previous one, dormant prospects and closed deals are history: loaded
// when first needed, not at open. Which of its two files a prospect or deal sits in is decided by the store
// (placement.ts), from the records that refer to it; every other record's file follows from the record alone.
import { endOfQuarter, endOfYear, format, parseISO, startOfQuarter, subQuarters } from 'date-fns';
import { isActiveDeal } from '../../../shared/domain/drifting';
import type { CollectionName, CollectionRecord, Deal } from '../../../shared/schema';

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
    case 'deals':
      return isActiveDeal(record as Deal) ? 'deals' : CLOSED_DEALS;
    default:
      return collection;
  }
}

export const CLOSED_DEALS = 'deals-closed';
export const DORMANT_PROSPECTS = 'prospects-dormant';
/** The two files a prospect or a deal can sit in: in play (loaded at open) first, the other (history) second. */
export const PLACED_SHARDS: Partial<Record<CollectionName, readonly [inPlay: string, resting: string]>> = {
  prospects: ['prospects', DORMANT_PROSPECTS],
  deals: ['deals', CLOSED_DEALS],
};

const DATED_SHARD = /^(meetings|touches)-(\d{4})(?:-q([1-4]))?$/;

/** The collection a shard file holds, or null for the main file (or an unknown name). */
export function collectionOfShard(shard: string): Exclude<CollectionName, 'templates'> | null {
  if (shard === 'prospects' || shard === DORMANT_PROSPECTS) return 'prospects';
  if (shard === 'deals' || shard === CLOSED_DEALS) return 'deals';
  if (shard === 'touches-active') return 'touches';
  const dated = DATED_SHARD.exec(shard);
  return dated ? (dated[1] as 'meetings' | 'touches') : null;
}

/**
 * True for closed deals, dormant prospects and a shard of past quarters: before the quarter preceding `nowMs`'s. The yearly files of earlier
 * versions (meetings-2024) are never history: they are loaded at open and their records moved to quarters.
 */
export function isHistoryShard(shard: string, nowMs: number): boolean {
  if (shard === CLOSED_DEALS || shard === DORMANT_PROSPECTS) return true;
  const dated = DATED_SHARD.exec(shard);
  if (!dated || dated[3] === undefined) return false;
  const now = new Date(nowMs);
  const currentQuarter = now.getUTCFullYear() * 4 + Math.floor(now.getUTCMonth() / 3);
  return Number(dated[2]) * 4 + Number(dated[3]) - 1 < currentQuarter - 1;
}

/** The first instant that is not history at `nowMs`: the start (UTC) of the quarter before the current one. */
export function historyCut(nowMs: number): string {
  // Calendar arithmetic on the UTC date, done by date-fns as a plain calendar date.
  const todayUtc = parseISO(new Date(nowMs).toISOString().slice(0, 10));
  return `${format(startOfQuarter(subQuarters(todayUtc, 1)), 'yyyy-MM-dd')}T00:00:00.000Z`;
}

/** The first and last local dates a dated shard can hold (UTC quarters), or null for undated shards. */
export function datesOfShard(shard: string): { from: string; to: string } | null {
  const dated = DATED_SHARD.exec(shard);
  if (!dated) return null;
  const quarter = dated[3] === undefined ? null : Number(dated[3]);
  const first = new Date(Number(dated[2]), quarter === null ? 0 : (quarter - 1) * 3, 1);
  const last = quarter === null ? endOfYear(first) : endOfQuarter(first);
  return { from: format(first, 'yyyy-MM-dd'), to: format(last, 'yyyy-MM-dd') };
}

export function shardFileName(shard: string): string {
  return shard === MAIN_SHARD ? `${FILE_PREFIX}.json` : `${FILE_PREFIX}.${shard}.json`;
}

/** The shard a data file name holds, or null if the name is not one of ours. */
export function shardOfFileName(name: string): string | null {
  if (name === `${FILE_PREFIX}.json`) return MAIN_SHARD;
  const match = /^touchplan\.((?:meetings|touches)-(?:\d{4}(?:-q[1-4])?|active)|prospects(?:-dormant)?|deals(?:-closed)?)\.json$/.exec(name);
  if (!match || match[1] === 'meetings-active') return null;
  return match[1] ?? null;
}

export function corruptFileName(shard: string, stamp: string): string {
  return shard === MAIN_SHARD ? `${FILE_PREFIX}.corrupt-${stamp}.json` : `${FILE_PREFIX}.${shard}.corrupt-${stamp}.json`;
}
