// The store: the dataset in memory, made durable through commitShards. transact() applies a change to memory
// at once and resolves only when it is on disk. Saves, backups and restores run one at a time on one queue;
// changes queued while a save runs are coalesced into the next save. A failed save rolls memory back to what
// is on disk and rejects every caller it covered with a StoreWriteError.
import { join } from 'node:path';
import type { StoreNotice } from '../../../shared/api';
import type { CollectionName, CollectionRecord, Settings, Template, Touch } from '../../../shared/schema';
import type { Clock } from '../ports';
import { assembleState } from './assemble';
import { BACKUPS_FOLDER, listBackups, takeBackup, type BackupInfo } from './backups';
import { CommitError, commitShards, recoverInterruptedCommit, removeStaleTemps } from './commit';
import { nodeFs, type FsLayer } from './fsLayer';
import { loadDataFolder, readShardText } from './load';
import { acquireFolderLock, type FolderLock } from './lock';
import type { Migrations } from './migrations';
import { MAIN_SHARD, shardFileName, shardOfFileName } from './shards';
import { recordValidators, type ShardContent, type ShardIndex, type StoreState } from './state';
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
}

export type ChangedPart = CollectionName | 'settings' | 'notifiedKeys';
const ALL_PARTS: ChangedPart[] = ['prospects', 'deals', 'meetings', 'touches', 'templates', 'settings', 'notifiedKeys'];

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
}

const newBatch = (): Batch => ({ shards: new Set(), undo: [], changed: new Set(), waiters: [] });
const DAY_MS = 24 * 60 * 60 * 1000;
const ignore = () => undefined;

export class Store {
  readonly notices: StoreNotice[] = [];
  private pending = newBatch();
  /** The tail of the job queue: saves, backups and restores run one after the other. */
  private queue: Promise<unknown> = Promise.resolve();
  private saveQueued = false;
  /** Shards whose on-disk state may differ from memory after a failed save: rewritten by the next save. */
  private readonly unsettled = new Set<string>();
  /** A commit record of a failed commit may still be on disk: the next commit must supersede it. */
  private recordOutstanding = false;
  private readonly listeners = new Set<(changed: Set<ChangedPart>) => void>();
  private lastBackupMs = 0;
  private dailyQueued = false;
  private backupTimer: unknown = null;
  private closed = false;
  private restoring = false;
  /** Touches by status, meeting and deal; always in step with state.touches. */
  touchIndex: TouchIndex;

  private constructor(
    readonly dataDir: string,
    readonly state: StoreState,
    private index: ShardIndex,
    private readonly fs: FsLayer,
    private readonly options: StoreOptions,
    private readonly lock: FolderLock,
  ) {
    this.touchIndex = TouchIndex.of(state.touches.values());
  }

  /**
   * Locks the folder, rolls forward an interrupted commit, loads and validates every file (recovering bad
   * ones from backups), then queues the start-up backup and any rewrite. Throws StoreLockedError when another
   * process holds the folder.
   */
  static async open(options: StoreOptions): Promise<Store> {
    const fs = options.fs ?? nodeFs;
    await fs.mkdir(options.dataDir, { recursive: true });
    const lock = await acquireFolderLock(options.dataDir);
    try {
      await recoverInterruptedCommit(fs, options.dataDir);
      const loaded = await loadDataFolder(fs, options.dataDir, { nowMs: options.clock.now(), migrations: options.migrations });
      const { state, index, rewrite } = assembleState(loaded.contents, options.initial);
      const store = new Store(options.dataDir, state, index, fs, options, lock);
      store.notices.push(...loaded.notices);
      for (const shard of [...loaded.rewrite, ...rewrite]) store.unsettled.add(shard);
      // In the background, on the queue: rewrite what loading changed, then the start-up backup of the result.
      if (store.unsettled.size > 0) store.scheduleSave();
      void store.backupNow().catch(ignore);
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

  /** Takes a backup on the queue: after every change queued so far is durable, before any later one. */
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

  private applyPut<C extends CollectionName>(batch: Batch, collection: C, record: CollectionRecord[C]): void {
    const map = this.state[collection] as Map<string, CollectionRecord[C]>;
    const before = map.get(record.id);
    map.set(record.id, record);
    this.reindex(collection, before, record);
    for (const shard of this.index.place(collection, record, before)) batch.shards.add(shard);
    batch.changed.add(collection);
    batch.undo.push(() => {
      this.reindex(collection, record, before);
      if (before) {
        map.set(record.id, before);
        for (const shard of this.index.place(collection, before, record)) this.unsettled.add(shard);
      } else {
        map.delete(record.id);
        this.unsettled.add(this.index.remove(collection, record));
      }
    });
  }

  private applyRemove(batch: Batch, collection: CollectionName, id: string): void {
    const map = this.state[collection] as Map<string, CollectionRecord[CollectionName]>;
    const before = map.get(id);
    if (!before) return;
    map.delete(id);
    this.reindex(collection, before, undefined);
    batch.shards.add(this.index.remove(collection, before));
    batch.changed.add(collection);
    batch.undo.push(() => {
      this.reindex(collection, undefined, before);
      map.set(id, before);
      for (const shard of this.index.place(collection, before)) this.unsettled.add(shard);
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

  private applyNotifiedKeys(batch: Batch, keys: string[]): void {
    const added = keys.filter((key) => !this.state.notifiedKeys.has(key));
    for (const key of added) this.state.notifiedKeys.add(key);
    batch.shards.add(MAIN_SHARD);
    batch.changed.add('notifiedKeys');
    batch.undo.push(() => added.forEach((key) => this.state.notifiedKeys.delete(key)));
  }

  private scheduleSave(): void {
    if (this.saveQueued) return;
    this.saveQueued = true;
    void this.enqueue(() => this.saveJob());
  }

  private async saveJob(): Promise<void> {
    this.saveQueued = false;
    const batch = this.pending;
    if (batch.waiters.length === 0 && this.unsettled.size === 0) return;
    this.pending = newBatch();
    const shards = new Set([...batch.shards, ...this.unsettled]);
    // Serialize now, synchronously, so the bytes hold exactly this batch and nothing queued after it.
    const files = [...shards].map((shard) => ({ shard, bytes: this.index.serialize(shard, this.state) }));
    try {
      await commitShards(this.fs, this.dataDir, files, { viaRecord: this.recordOutstanding });
    } catch (error) {
      this.saveFailed(batch, shards, error);
      return;
    }
    this.unsettled.clear();
    if (this.recordOutstanding) {
      this.recordOutstanding = false;
      await removeStaleTemps(this.fs, this.dataDir).catch(ignore); // the superseded commit's temp files
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
    for (const shard of shards) this.unsettled.add(shard);
    const mayBeApplied = error instanceof CommitError && error.mayBeApplied;
    if (mayBeApplied) this.recordOutstanding = true;
    const failure = new StoreWriteError(error instanceof CommitError ? error.cause : error);
    for (const waiter of [...batch.waiters, ...later.waiters]) waiter.reject(failure);
    const changed = new Set([...batch.changed, ...later.changed]);
    if (changed.size > 0) this.notify(changed);
    // The new content may be on disk (or rolled forward at the next start): write memory over it once now,
    // so disk equals memory again as soon as the disk lets us. A failing settle does not retry itself.
    if (mayBeApplied && batch.waiters.length > 0) this.scheduleSave();
  }

  private async restoreJob(name: string): Promise<void> {
    const backup = (await this.listBackups()).find((b) => b.name === name);
    if (!backup) throw new StoreBusyError(`There is no backup named ${name}.`);
    if (!backup.complete) throw new StoreBusyError(`The backup ${name} was interrupted while it was taken, so it cannot be restored.`);
    const contents = new Map<string, ShardContent>();
    for (const file of backup.files) {
      const shard = shardOfFileName(file) as string;
      try {
        const text = await this.fs.readText(join(this.dataDir, BACKUPS_FOLDER, name, file));
        contents.set(shard, readShardText(shard, text, this.options.migrations));
      } catch (error) {
        throw new StoreBusyError(`The backup ${name} cannot be restored: ${file} ${(error as Error).message}. Nothing was changed.`);
      }
    }
    if (!contents.has(MAIN_SHARD)) throw new StoreBusyError(`The backup ${name} has no ${shardFileName(MAIN_SHARD)}. Nothing was changed.`);
    await takeBackup(this.fs, this.dataDir, this.options.clock.now(), 'before-restore');
    const next = assembleState(contents, this.options.initial);
    // Every current file is rewritten: with the backup's records, or empty when the backup has none for it.
    const shards = new Set([...this.index.shards(), ...next.index.shards(), ...contents.keys(), MAIN_SHARD]);
    const files = [...shards].map((shard) => ({ shard, bytes: next.index.serialize(shard, next.state) }));
    try {
      await commitShards(this.fs, this.dataDir, files, { viaRecord: true });
    } catch (error) {
      if (error instanceof CommitError && error.mayBeApplied) {
        this.recordOutstanding = true;
        for (const shard of shards) this.unsettled.add(shard);
        this.scheduleSave();
      }
      throw new StoreWriteError(error instanceof CommitError ? error.cause : error);
    }
    this.recordOutstanding = false;
    this.unsettled.clear();
    Object.assign(this.state, next.state);
    this.index = next.index;
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
          .catch(ignore)
          .finally(() => (this.dailyQueued = false));
      }
      this.backupTimer = this.options.clock.setTimeout(check, checkMs);
    };
    this.backupTimer = this.options.clock.setTimeout(check, checkMs);
  }
}
