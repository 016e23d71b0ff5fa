// History on demand: meetings and finished touches of past quarters, closed deals and dormant prospects stay on
// disk until something needs them (a calendar range, a deal's timeline, an export, long-range figures, a record
// asked for by id). Each shard is read once, however many callers ask for it at the same time.
import { addDays, format, isValid, parseISO } from 'date-fns';
import type { StoreNotice } from '../../../shared/api';
import type { CollectionName } from '../../../shared/schema';
import type { ShardedJsonAdapter } from './adapter';
import { CLOSED_DEALS, collectionOfShard, datesOfShard, DORMANT_PROSPECTS } from './shards';
import type { RecordSet, StoreState } from './state';

export class HistoryLoader {
  private readonly loading = new Map<string, Promise<StoreNotice[]>>();

  constructor(
    private readonly adapter: ShardedJsonAdapter,
    private readonly state: () => StoreState,
    private readonly onSet: RecordSet,
    private readonly onLoaded: (notices: StoreNotice[]) => Promise<void>,
  ) {}

  /** True when every record of the collection (all collections when omitted) is in memory. */
  complete(collection?: CollectionName): boolean {
    if (!collection) return this.adapter.history.size === 0;
    for (const shard of this.adapter.history) if (collectionOfShard(shard) === collection) return false;
    return true;
  }

  /** Loads everything still on disk only. */
  loadAll(): Promise<void> {
    return this.loadShards([...this.adapter.history]);
  }

  /** Loads the closed deals and the dormant prospects (a full list of deals or prospects, an import). */
  loadResting(): Promise<void> {
    return this.loadShards([CLOSED_DEALS, DORMANT_PROSPECTS]);
  }

  /**
   * Loads the history of the local dates from..to (YYYY-MM-DD, inclusive). Shards are cut by UTC date, so a
   * day either side is included whatever the rep's time zone.
   */
  loadDates(from: string, to: string): Promise<void> {
    const first = shiftDate(from, -1);
    const last = shiftDate(to, 1);
    return this.loadShards(
      [...this.adapter.history].filter((shard) => {
        const dates = datesOfShard(shard);
        return dates !== null && dates.to >= first && dates.from <= last;
      }),
    );
  }

  /**
   * Loads the given history shards. Meetings and touches of past quarters come with the closed deals and
   * dormant prospects they point at.
   */
  async loadShards(requested: string[]): Promise<void> {
    const shards = requested.some((shard) => datesOfShard(shard) !== null) ? [...requested, CLOSED_DEALS, DORMANT_PROSPECTS] : requested;
    const waiting = shards.filter((shard) => this.loading.has(shard)).map((shard) => this.loading.get(shard));
    const starting = shards.filter((shard) => this.adapter.history.has(shard) && !this.loading.has(shard)).map((shard) => this.start(shard));
    const notices = (await Promise.all(starting)).flat();
    await Promise.all(waiting);
    // Once, after every shard of this call is in memory: references are checked against complete collections.
    if (starting.length > 0) await this.onLoaded(notices);
  }

  private start(shard: string): Promise<StoreNotice[]> {
    const job = this.adapter.loadHistory(this.state(), [shard], this.onSet).finally(() => this.loading.delete(shard));
    this.loading.set(shard, job);
    return job;
  }
}

function shiftDate(date: string, days: number): string {
  const day = parseISO(date.slice(0, 10));
  return isValid(day) ? format(addDays(day, days), 'yyyy-MM-dd') : date;
}
