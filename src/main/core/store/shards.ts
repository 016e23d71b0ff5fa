// How records are split across files so that the cost of a change follows the change, not the history:
// settings and templates in touchplan.json; prospects and deals in a file each; meetings by year of their
// start; planned touches in touches-active, finished ones in a yearly archive.
import type { CollectionName, CollectionRecord } from '../../../shared/schema';

export const MAIN_SHARD = 'main';
export const FILE_PREFIX = 'touchplan';

export function shardOf<C extends CollectionName>(collection: C, record: CollectionRecord[C]): string {
  switch (collection) {
    case 'meetings':
      return `meetings-${(record as CollectionRecord['meetings']).start.slice(0, 4)}`;
    case 'touches': {
      const touch = record as CollectionRecord['touches'];
      if (touch.status === 'planned') return 'touches-active';
      const due = touch.due.allDay ? touch.due.date : touch.due.at;
      return `touches-${due.slice(0, 4)}`;
    }
    case 'templates':
      return MAIN_SHARD;
    default:
      return collection;
  }
}

/** The collection a shard file holds, or null for the main file (or an unknown name). */
export function collectionOfShard(shard: string): Exclude<CollectionName, 'templates'> | null {
  if (shard === 'prospects' || shard === 'deals') return shard;
  if (/^meetings-\d{4}$/.test(shard)) return 'meetings';
  if (shard === 'touches-active' || /^touches-\d{4}$/.test(shard)) return 'touches';
  return null;
}

export function shardFileName(shard: string): string {
  return shard === MAIN_SHARD ? `${FILE_PREFIX}.json` : `${FILE_PREFIX}.${shard}.json`;
}

/** The shard a data file name holds, or null if the name is not one of ours. */
export function shardOfFileName(name: string): string | null {
  if (name === `${FILE_PREFIX}.json`) return MAIN_SHARD;
  const match = /^touchplan\.([a-z]+-(?:\d{4}|active)|prospects|deals)\.json$/.exec(name);
  return match?.[1] ?? null;
}

export function corruptFileName(shard: string, stamp: string): string {
  return shard === MAIN_SHARD ? `${FILE_PREFIX}.corrupt-${stamp}.json` : `${FILE_PREFIX}.${shard}.corrupt-${stamp}.json`;
}
