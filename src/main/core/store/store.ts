// The store: the dataset in memory as lowdb's model (`Low<StoreState>`), made durable by lowdb's write through
// the sharded adapter (adapter.ts). transact() applies a change to memory at once and resolves only when it is
// on disk. History (meetings and finished touches of past quarters) is loaded when first needed (history.ts).
// Saves, backups and restores run one at a time on one queue; changes queued while a save runs are coalesced
// into the next save. A failed save rolls memory back to what is on disk and rejects every caller it covered
// with a StoreWriteError.
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { StoreNotice } from '../../../shared/api';
import type { CollectionName, CollectionRecord, Settings, Template, Touch } from '../../../shared/schema';
import { calendarSyncStateSchema, type CalendarSyncState } from '../../../shared/syncSchema';
import type { Clock } from '../ports';
import { ShardedJsonAdapter } from './adapter';
import { assembleState } from './assemble';
import { listBackups, stampOf, takeBackup, type BackupInfo } from './backups';
import { durableReplace } from './durableWrite';
import { HistoryLoader } from './history';
import { findDanglingReferences, referenceNotice } from './references';
import { CommitError } from './commit';
import { nodeFs, type FsLayer } from './fsLayer';
import { acquireFolderLock, type FolderLock } from './lock';
import type { Migrations } from './migrations';
import { placementMayChange, pointsAtMissing, rebalance } from './placement';
import { readBackupContents } from './restore';
import { CLOSED_DEALS, DORMANT_PROSPECTS, historyCut, isHistoryShard, MAIN_SHARD } from './shards';
import { emptyState, recordValidators, type StoreState } from './state';
import { StoreBusyError, StoreWriteError } from './storeWriteError';
import { TouchIndex } from './touchIndex';

export { StoreWriteError, StoreBusyError } from './storeWriteError';
export { StoreLockedError } from './lock';
export type { BackupInfo } from './backups';

export interface Transaction {
  /**
   * Validates the record against its schema (throwing zod's error) and stores it. Records are immutable once
   * stored: never mutate one read from state; put a changed copy (the store caches each record's JSON).
   */
  put<C extends CollectionName>(collection: C, record: CollectionRecord[C]): void;
  remove(collection: CollectionName, id: string): void;
  setSettings(settings: Settings): void;
  addNotifiedKeys(keys: string[]): void;
  /** Replaces the calendar sync state (accounts, read and write marks, questions). */
  setCalendarSync(state: CalendarSyncState): void;
}

export type ChangedPart = CollectionName | 'settings' | 'notifiedKeys' | 'calendarSync';
const ALL_PARTS: ChangedPart[] = ['prospects', 'deals', 'meetings', 'touches', 'templates', 'settings', 'notifiedKeys', 'calendarSync'];

export interface StoreOptions {
  dataDir: string;
  clock: Clock;
  fs?: FsLayer;
  /** What a brand-new data folder starts with. */
  initial: () => { settings: Settings; templates: Template[] };
  /** How often to check whether the daily backup is due, in ms (default one hour). */
  backupCheckMs?: number;
  /** The ordered migrations (default MIGRATIONS); tests inject their own. */
  migrations?: Migrations;
}

interface Batch {
  shards: Set<string>;
  undo: (() => void)[];
  changed: Set<ChangedPart>;
  waiters: { resolve: () => void; reject: (error: unknown) => void }[];
  /** Deals and prospects whose file may change with this batch (placement.ts). */
  placed: { deals: Set<string>; prospects: Set<string> };
}

const newBatch = (): Batch => ({ shards: new Set(), undo: [], changed: new Set(), waiters: [], placed: { deals: new Set(), prospects: new Set() } });
const DAY_MS = 24 * 60 * 60 * 1000;
const ignore = () => undefined;

export class Store {
  readonly notices: StoreNotice[] = [];
  private pending = newBatch();
  /** The tail of the job queue: saves, backups and restores run one after the other. */
  private queue: Promise<unknown> = Promise.resolve();
  private saveQueued = false;
  private readonly listeners = new Set<(changed: Set<ChangedPart>) => void>();
  private readonly noticeListeners = new Set<(notice: StoreNotice) => void>();
  private lastBackupMs = 0;
  private dailyQueued = false;
  private backupTimer: unknown = null;
  private closed = false;
  private restoring = false;
  /** Touches by status, meeting and deal; always in step with state.touches. */
  touchIndex: TouchIndex;
  readonly history: HistoryLoader;

  private constructor(
    readonly dataDir: string,
    private readonly db: Low<StoreState>,
    private readonly adapter: ShardedJsonAdapter,
    private readonly fs: FsLayer,
    private readonly options: StoreOptions,
    private readonly lock: FolderLock,
  ) {
    this.touchIndex = TouchIndex.of(db.data.touches.values());
    this.history = new HistoryLoader(adapter, () => this.state, (collection, before, after) => this.reindex(collection, before, after), async (notices) => {
      for (const notice of notices) this.tell(notice);
      await this.repairReferences();
      if (adapter.staged.size > 0) this.scheduleSave();
    });
  }

  /** The dataset in memory: lowdb's data. */
  get state(): StoreState {
    return this.db.data;
  }

  /**
   * Locks the folder, opens it through lowdb (manifest, recovery, validation; history left on disk), checks
   * references, then queues the start-up backup and any rewrite. Throws StoreLockedError when another process
   * holds the folder.
   */
  static async open(options: StoreOptions): Promise<Store> {
    const fs = options.fs ?? nodeFs;
    await fs.mkdir(options.dataDir, { recursive: true });
    const lock = await acquireFolderLock(options.dataDir);
    try {
      const adapter = new ShardedJsonAdapter({
        fs,
        dataDir: options.dataDir,
        migrations: options.migrations,
        now: () => options.clock.now(),
        initial: options.initial,
        isHistory: (shard) => isHistoryShard(shard, options.clock.now()),
      });
      const fresh = options.initial();
      const initialState = emptyState(fresh.settings);
      for (const template of fresh.templates) initialState.templates.set(template.id, template);
      const db = new Low<StoreState>(adapter, initialState);
      await db.read();
      if (db.data === initialState) adapter.stage([MAIN_SHARD]);
      const store = new Store(options.dataDir, db, adapter, fs, options, lock);
      store.notices.push(...adapter.notices);
      // A record of the working day pointing at a resting prospect or deal: load the resting files first.
      if (pointsAtMissing(store.state)) await store.history.loadShards([CLOSED_DEALS, DORMANT_PROSPECTS]);
      adapter.stage(store.rebalance(store.state.deals.keys(), store.state.prospects.keys()));
      await store.repairReferences();
      // In the background, on the queue: rewrite what loading changed, then the start-up backup of the result.
      if (adapter.staged.size > 0) store.scheduleSave();
      void store.backupNow().catch((error: unknown) => store.tell(backupFailedNotice(error, options.clock.now(), 'start-up')));
      store.scheduleDailyBackups(options.backupCheckMs ?? 60 * 60 * 1000);
      return store;
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /** Subscribe to committed changes (called once per durable save with the parts it changed). */
  onCommitted(listener: (changed: Set<ChangedPart>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Subscribe to notices raised after open (a history file recovered, a failed backup). */
  onNotice(listener: (notice: StoreNotice) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  /**
   * Runs fn against a transaction. fn may read this.state and must not await: its changes are applied to
   * memory when it returns, and the promise resolves with its result once they are durable. If fn throws
   * (a put of a record that fails its schema included), nothing changes.
   */
  transact<T>(fn: (tx: Transaction) => T): Promise<T> {
    const refusal = this.refusal();
    if (refusal) return Promise.reject(refusal);
    const ops: (() => void)[] = [];
    const batch = this.pending;
    const tx: Transaction = {
      put: (collection, record) => {
        const canonical = recordValidators[collection].one(record);
        ops.push(() => this.applyPut(batch, collection, canonical));
      },
      remove: (collection, id) => ops.push(() => this.applyRemove(batch, collection, id)),
      setSettings: (settings) => ops.push(() => this.applySettings(batch, settings)),
      addNotifiedKeys: (keys) => ops.push(() => this.applyNotifiedKeys(batch, keys)),
      setCalendarSync: (sync) => {
        const parsed = calendarSyncStateSchema.parse(sync);
        ops.push(() => this.applyCalendarSync(batch, parsed));
      },
    };
    let result: T;
    try {
      result = fn(tx);
    } catch (error) {
      return Promise.reject(error);
    }
    for (const op of ops) op();
    const durable = new Promise<void>((resolve, reject) => batch.waiters.push({ resolve, reject }));
    this.scheduleSave();
    return durable.then(() => result);
  }

  /** Newest first. */
  async listBackups(): Promise<BackupInfo[]> {
    return listBackups(this.fs, this.dataDir);
  }

  /**
   * Takes a backup on the queue: after every change queued so far is durable, before any later one. A failed
   * backup rejects with a BackupError in plain words (and is not kept).
   */
  backupNow(label = ''): Promise<BackupInfo> {
    return this.enqueue(async () => {
      const info = await takeBackup(this.fs, this.dataDir, this.options.clock.now(), label);
      this.lastBackupMs = this.options.clock.now();
      return info;
    });
  }

  /**
   * Replaces the whole dataset with a backup: every file of it is validated first (if one fails, nothing
   * changes), the current state is backed up ('before-restore'), the files are written as one commit, and
   * memory is reloaded from them. Changes are refused while it runs.
   */
  async restoreBackup(name: string): Promise<void> {
    const refusal = this.refusal();
    if (refusal) throw refusal;
    this.restoring = true;
    try {
      await this.enqueue(() => this.restoreJob(name));
    } finally {
      this.restoring = false;
    }
  }

  /** Resolves once every job queued so far has finished (saved or failed). */
  async flushed(): Promise<void> {
    let tail: Promise<unknown>;
    do {
      tail = this.queue;
      await tail.catch(ignore);
    } while (tail !== this.queue);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flushed();
    this.closed = true;
    // The last commit's renames are durable through its manifest already; this makes them final on disk too.
    await this.adapter.close();
    if (this.backupTimer) this.options.clock.clearTimeout(this.backupTimer);
    await this.lock.release();
  }

  private refusal(): StoreBusyError | null {
    if (this.closed) return new StoreBusyError('Touchplan is closing its data folder; the change was not saved.');
    if (this.restoring) return new StoreBusyError('A backup is being restored; try the change again in a moment.');
    return null;
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job);
    this.queue = run.catch(ignore);
    return run;
  }

  private tell(notice: StoreNotice): void {
    this.notices.push(notice);
    for (const listener of this.noticeListeners) listener(notice);
  }

  /** Notes the deals and prospects whose file a change of `collection` from `before` to `after` may move. */
  private notePlacement(batch: Batch, collection: CollectionName, before: unknown, after: unknown): void {
    if (collection === 'templates' || !placementMayChange(collection, before, after)) return;
    for (const record of [before, after] as ({ id: string; prospectId?: string; dealId?: string | null } | undefined)[]) {
      if (!record) continue;
      if (collection === 'prospects') batch.placed.prospects.add(record.id);
      if (collection === 'deals') batch.placed.deals.add(record.id);
      if (record.prospectId) batch.placed.prospects.add(record.prospectId);
      if (record.dealId) batch.placed.deals.add(record.dealId);
    }
  }

  private rebalance(dealIds: Iterable<string>, prospectIds: Iterable<string>): Set<string> {
    const recentSince = historyCut(this.options.clock.now());
    return rebalance({ state: this.state, touchIndex: this.touchIndex, index: this.adapter.index, recentSince }, dealIds, prospectIds);
  }

  private applyPut<C extends CollectionName>(batch: Batch, collection: C, record: CollectionRecord[C]): void {
    const map = this.state[collection] as Map<string, CollectionRecord[C]>;
    const before = map.get(record.id);
    map.set(record.id, record);
    this.notePlacement(batch, collection, before, record);
    this.reindex(collection, before, record);
    for (const shard of this.adapter.index.place(collection, record, before)) batch.shards.add(shard);
    batch.changed.add(collection);
    batch.undo.push(() => {
      this.reindex(collection, record, before);
      if (before) {
        map.set(record.id, before);
        this.adapter.stage(this.adapter.index.place(collection, before, record));
      } else {
        map.delete(record.id);
        this.adapter.stage([this.adapter.index.remove(collection, record)]);
      }
    });
  }

  private applyRemove(batch: Batch, collection: CollectionName, id: string): void {
    const map = this.state[collection] as Map<string, CollectionRecord[CollectionName]>;
    const before = map.get(id);
    if (!before) return;
    map.delete(id);
    this.reindex(collection, before, undefined);
    this.notePlacement(batch, collection, before, undefined);
    batch.shards.add(this.adapter.index.remove(collection, before));
    batch.changed.add(collection);
    batch.undo.push(() => {
      this.reindex(collection, undefined, before);
      map.set(id, before);
      this.adapter.stage(this.adapter.index.place(collection, before));
    });
  }

  /** Keeps the touch index in step when a record goes from `from` to `to` (either may be absent). */
  private reindex(collection: CollectionName, from: unknown, to: unknown): void {
    if (collection !== 'touches') return;
    if (from) this.touchIndex.delete(from as Touch);
    if (to) this.touchIndex.add(to as Touch);
  }

  private applySettings(batch: Batch, settings: Settings): void {
    const before = this.state.settings;
    this.state.settings = settings;
    batch.shards.add(MAIN_SHARD);
    batch.changed.add('settings');
    batch.undo.push(() => (this.state.settings = before));
  }

  private applyCalendarSync(batch: Batch, sync: CalendarSyncState): void {
    const before = this.state.calendarSync;
    this.state.calendarSync = sync;
    batch.shards.add(MAIN_SHARD);
    batch.changed.add('calendarSync');
    batch.undo.push(() => (this.state.calendarSync = before));
  }

  private applyNotifiedKeys(batch: Batch, keys: string[]): void {
    const added = keys.filter((key) => !this.state.notifiedKeys.has(key));
    for (const key of added) this.state.notifiedKeys.add(key);
    batch.shards.add(MAIN_SHARD);
    batch.changed.add('notifiedKeys');
    batch.undo.push(() => added.forEach((key) => this.state.notifiedKeys.delete(key)));
  }

  /**
   * Repairs or sets aside records whose references point at records that are gone (references.ts). What is set
   * aside is written to a quarantine file first, so nothing is lost; the repaired shards are rewritten.
   */
  private async repairReferences(): Promise<void> {
    const { history } = this;
    const scope = { prospectsComplete: history.complete('prospects'), dealsComplete: history.complete('deals'), meetingsComplete: history.complete('meetings') };
    const changes = findDanglingReferences(this.state, scope);
    if (changes.length === 0) return;
    const setAside = changes.filter((change) => change.after === null).map((change) => ({ collection: change.collection, record: change.before }));
    let file: string | null = null;
    if (setAside.length > 0) {
      file = join(this.dataDir, `touchplan.quarantine-${stampOf(this.options.clock.now())}.json`);
      await durableReplace(this.fs, file, JSON.stringify({ reason: 'references to missing records', records: setAside }, null, 1));
    }
    for (const { collection, before, after } of changes) {
      const map = this.state[collection] as Map<string, CollectionRecord[CollectionName]>;
      if (after) map.set(after.id, after as CollectionRecord[CollectionName]);
      else map.delete(before.id);
      this.reindex(collection, before, after);
      const index = this.adapter.index;
      this.adapter.stage(after ? index.place(collection, after as CollectionRecord[CollectionName], before as CollectionRecord[CollectionName]) : [index.remove(collection, before as CollectionRecord[CollectionName])]);
    }
    this.tell({ id: `references-${this.options.clock.now()}`, level: 'warning', message: referenceNotice(changes, file) });
  }

  private scheduleSave(): void {
    if (this.saveQueued) return;
    this.saveQueued = true;
    void this.enqueue(() => this.saveJob());
  }

  private async saveJob(): Promise<void> {
    // Prospects and deals the batch touched go to the file they now belong in. A change placed in a history
    // shard that is still on disk only loads that shard first, so its file is rewritten whole (the records in
    // memory are newer and win); changes made meanwhile are placed in turn.
    for (;;) {
      const { placed } = this.pending;
      this.adapter.stage(this.rebalance(placed.deals, placed.prospects));
      this.pending.placed = { deals: new Set(), prospects: new Set() };
      const unloaded = [...this.pending.shards, ...this.adapter.staged].filter((shard) => this.adapter.history.has(shard));
      if (unloaded.length === 0) break;
      await this.history.loadShards(unloaded);
    }
    this.saveQueued = false;
    const batch = this.pending;
    if (batch.waiters.length === 0 && this.adapter.staged.size === 0) return;
    this.pending = newBatch();
    this.adapter.stage(batch.shards);
    const shards = new Set(this.adapter.staged);
    try {
      await this.db.write(); // the adapter serializes synchronously, so the bytes hold exactly this batch
    } catch (error) {
      this.saveFailed(batch, shards, error);
      return;
    }
    for (const waiter of batch.waiters) waiter.resolve();
    if (batch.changed.size > 0) this.notify(batch.changed);
  }

  /** Memory goes back to the last durable state: undo what was queued after this batch, then the batch. */
  private saveFailed(batch: Batch, shards: Set<string>, error: unknown): void {
    const later = this.pending;
    this.pending = newBatch();
    for (const undo of [...later.undo].reverse()) undo();
    for (const undo of [...batch.undo].reverse()) undo();
    // Whatever the disk holds now, the next save rewrites these shards from memory.
    this.adapter.stage(shards);
    const failure = new StoreWriteError(error instanceof CommitError ? error.cause : error);
    for (const waiter of [...batch.waiters, ...later.waiters]) waiter.reject(failure);
    const changed = new Set([...batch.changed, ...later.changed]);
    if (changed.size > 0) this.notify(changed);
    // The new content may be on disk (or rolled forward at the next start): write memory over it once now,
    // so disk equals memory again as soon as the disk lets us. A failing settle does not retry itself.
    const mayBeApplied = error instanceof CommitError && error.mayBeApplied;
    if (mayBeApplied && batch.waiters.length > 0) this.scheduleSave();
  }

  private async restoreJob(name: string): Promise<void> {
    const contents = await readBackupContents(this.fs, this.dataDir, name, this.options.migrations);
    await takeBackup(this.fs, this.dataDir, this.options.clock.now(), 'before-restore');
    const next = assembleState(contents, this.options.initial);
    // Every current file is rewritten: with the backup's records, or removed when the backup has none for it.
    const shards = new Set([...this.adapter.index.shards(), ...this.adapter.history, ...next.index.shards(), ...contents.keys(), MAIN_SHARD]);
    try {
      await this.adapter.commit(next.state, next.index, [...shards]);
    } catch (error) {
      if (error instanceof CommitError && error.mayBeApplied) {
        this.adapter.stage(shards);
        this.scheduleSave();
      }
      throw new StoreWriteError(error instanceof CommitError ? error.cause : error);
    }
    this.adapter.history.clear();
    this.adapter.index = next.index;
    Object.assign(this.state, next.state);
    this.touchIndex = TouchIndex.of(this.state.touches.values());
    this.notify(new Set(ALL_PARTS));
  }

  private notify(changed: Set<ChangedPart>): void {
    for (const listener of this.listeners) listener(changed);
  }

  private scheduleDailyBackups(checkMs: number): void {
    const check = () => {
      if (this.closed) return;
      if (!this.dailyQueued && this.options.clock.now() - this.lastBackupMs >= DAY_MS) {
        this.dailyQueued = true;
        void this.backupNow()
          .catch((error: unknown) => this.tell(backupFailedNotice(error, this.options.clock.now(), 'daily')))
          .finally(() => (this.dailyQueued = false));
      }
      this.backupTimer = this.options.clock.setTimeout(check, checkMs);
    };
    this.backupTimer = this.options.clock.setTimeout(check, checkMs);
  }
}

function backupFailedNotice(error: unknown, nowMs: number, which: string): StoreNotice {
  return { id: `backup-failed-${nowMs}`, level: 'error', message: `The ${which} backup failed. ${(error as Error).message}` };
}
