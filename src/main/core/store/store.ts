// The store: the dataset in memory, changed through transactions that resolve only once the change is
// durable on disk. Writes are serialized; transactions arriving while a save runs are coalesced into the
// next save. A save that fails rolls memory back to what is on disk and rejects every caller it covered.
import { join } from 'node:path';
import type { StoreNotice } from '../../../shared/api';
import type { CollectionName, CollectionRecord, Settings, Template } from '../../../shared/schema';
import type { Clock } from '../ports';
import { listBackups, takeBackup, type BackupInfo } from './backups';
import { commitShards, recoverInterruptedCommit } from './commit';
import { nodeFs, type FsLayer } from './fsLayer';
import { loadDataFolder } from './load';
import { acquireFolderLock, type FolderLock } from './lock';
import { MAIN_SHARD, shardFileName } from './shards';
import { emptyState, ShardIndex, type StoreState } from './state';
import { readShardText } from './load';

export class StoreWriteError extends Error {
  constructor(cause: unknown) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const why =
      code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'EACCES' || code === 'EPERM'
          ? 'Touchplan is not allowed to write to its data folder'
          : code === 'EBUSY'
            ? 'the data file is busy (another program may hold it open)'
            : code === 'EIO'
              ? 'the disk reported an input/output error'
              : `of an error (${(cause as Error)?.message ?? String(cause)})`;
    super(`Your change was not saved because ${why}. Nothing was lost; try again.`, { cause });
    this.name = 'StoreWriteError';
  }
}

export interface Transaction {
  put<C extends CollectionName>(collection: C, record: CollectionRecord[C]): void;
  remove(collection: CollectionName, id: string): void;
  setSettings(settings: Settings): void;
  addNotifiedKeys(keys: string[]): void;
}

export type ChangedPart = CollectionName | 'settings' | 'notifiedKeys';

export interface StoreOptions {
  dataDir: string;
  clock: Clock;
  fs?: FsLayer;
  /** What a brand-new data folder starts with. */
  initial: () => { settings: Settings; templates: Template[] };
  /** How often to check whether the daily backup is due, in ms (default one hour). */
  backupCheckMs?: number;
}

type Undo = () => void;

interface Batch {
  shards: Set<string>;
  undo: Undo[];
  changed: Set<ChangedPart>;
  waiters: { resolve: () => void; reject: (error: unknown) => void }[];
}

const newBatch = (): Batch => ({ shards: new Set(), undo: [], changed: new Set(), waiters: [] });
const DAY_MS = 24 * 60 * 60 * 1000;

export class Store {
  readonly notices: StoreNotice[] = [];
  private pending = newBatch();
  private saving: Promise<void> | null = null;
  /** Shards whose on-disk state may differ from memory after a failed save: rewritten by the next save. */
  private readonly unsettled = new Set<string>();
  private readonly listeners = new Set<(changed: Set<ChangedPart>) => void>();
  private lastBackupMs = 0;
  private backupTimer: unknown = null;
  private closed = false;

  private constructor(
    readonly dataDir: string,
    readonly state: StoreState,
    private readonly index: ShardIndex,
    private readonly fs: FsLayer,
    private readonly clock: Clock,
    private readonly lock: FolderLock,
  ) {}

  static async open(options: StoreOptions): Promise<Store> {
    const fs = options.fs ?? nodeFs;
    await fs.mkdir(options.dataDir, { recursive: true });
    const lock = await acquireFolderLock(options.dataDir);
    try {
      await recoverInterruptedCommit(fs, options.dataDir);
      const loaded = await loadDataFolder(fs, options.dataDir, options.clock.now());
      const initial = loaded.contents.has(MAIN_SHARD) ? null : options.initial();
      const state = emptyState(initial?.settings ?? (undefined as unknown as Settings));
      const index = new ShardIndex();
      const rewrite = new Set(loaded.rewrite);
      for (const [shard, content] of loaded.contents) {
        if (content.kind === 'main') {
          state.settings = content.file.settings;
          for (const template of content.file.templates) state.templates.set(template.id, template);
          for (const key of content.file.notifiedKeys) state.notifiedKeys.add(key);
          continue;
        }
        for (const record of content.records) {
          const existing = state[content.collection].get(record.id);
          // The same record in two files (a shard restored from an older backup): the newest version wins.
          if (existing && existing.updatedAt >= record.updatedAt) {
            rewrite.add(shard);
            continue;
          }
          (state[content.collection] as Map<string, typeof record>).set(record.id, record);
          for (const touched of index.place(content.collection, record)) if (touched !== shard) rewrite.add(touched);
        }
      }
      if (initial) {
        for (const template of initial.templates) state.templates.set(template.id, template);
        rewrite.add(MAIN_SHARD);
      }
      const store = new Store(options.dataDir, state, index, fs, options.clock, lock);
      store.notices.push(...loaded.notices);
      for (const shard of rewrite) store.unsettled.add(shard);
      await store.backupNow();
      if (store.unsettled.size > 0) await store.transact(() => undefined);
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
   * memory when it returns, and the promise resolves with its result once they are durable. If fn throws,
   * nothing changes.
   */
  transact<T>(fn: (tx: Transaction) => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The store is closed.'));
    const ops: (() => void)[] = [];
    const batch = this.pending;
    const tx: Transaction = {
      put: (collection, record) => ops.push(() => this.applyPut(batch, collection, record)),
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
    this.kick();
    return durable.then(() => result);
  }

  async listBackups(): Promise<BackupInfo[]> {
    return listBackups(this.fs, this.dataDir);
  }

  /** Takes a backup now, after every queued change is durable. */
  async backupNow(label = ''): Promise<BackupInfo> {
    await this.flushed();
    const info = await takeBackup(this.fs, this.dataDir, this.clock.now(), label);
    this.lastBackupMs = this.clock.now();
    return info;
  }

  /**
   * Replaces the whole dataset with a backup's files (after backing up the current state). Every file of the
   * backup is validated first; if any fails, nothing changes.
   */
  async restoreBackup(name: string): Promise<void> {
    const backup = (await this.listBackups()).find((b) => b.name === name);
    if (!backup) throw new Error(`There is no backup named ${name}.`);
    const texts = new Map<string, string>();
    for (const file of backup.files) {
      const text = (await this.fs.readFile(join(this.dataDir, 'backups', name, file))).toString('utf8');
      const shard = file === shardFileName(MAIN_SHARD) ? MAIN_SHARD : file.slice('touchplan.'.length, -'.json'.length);
      try {
        readShardText(shard, text);
      } catch (error) {
        throw new Error(`The backup ${name} cannot be restored: ${file} ${(error as Error).message}.`);
      }
      texts.set(shard, text);
    }
    if (!texts.has(MAIN_SHARD)) throw new Error(`The backup ${name} has no ${shardFileName(MAIN_SHARD)}.`);
    await this.backupNow('before-restore');
    // Remove data files the backup does not have, then write the backup's files as one commit.
    for (const shard of this.index.shards()) {
      if (!texts.has(shard) && shard !== MAIN_SHARD) texts.set(shard, JSON.stringify({ schemaVersion: 1, shard, records: [] }));
    }
    await commitShards(this.fs, this.dataDir, [...texts].map(([shard, bytes]) => ({ shard, bytes })));
  }

  /** Resolves once everything queued so far is on disk (or has failed). */
  async flushed(): Promise<void> {
    while (this.saving) await this.saving.catch(() => undefined);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.flushed();
    this.closed = true;
    if (this.backupTimer) this.clock.clearTimeout(this.backupTimer);
    await this.lock.release();
  }

  private applyPut<C extends CollectionName>(batch: Batch, collection: C, record: CollectionRecord[C]): void {
    const map = this.state[collection] as Map<string, CollectionRecord[C]>;
    const before = map.get(record.id);
    const beforeShard = this.index.locate(record.id);
    map.set(record.id, record);
    for (const shard of this.index.place(collection, record)) batch.shards.add(shard);
    batch.changed.add(collection);
    batch.undo.push(() => {
      if (before) {
        map.set(record.id, before);
        this.index.place(collection, before);
      } else {
        map.delete(record.id);
        this.index.remove(record.id);
      }
      if (beforeShard) this.unsettled.add(beforeShard);
    });
  }

  private applyRemove(batch: Batch, collection: CollectionName, id: string): void {
    const map = this.state[collection] as Map<string, CollectionRecord[CollectionName]>;
    const before = map.get(id);
    if (!before) return;
    map.delete(id);
    const shard = this.index.remove(id);
    if (shard) batch.shards.add(shard);
    batch.changed.add(collection);
    batch.undo.push(() => {
      map.set(id, before);
      this.index.place(collection, before as never);
    });
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

  private kick(): void {
    if (this.saving) return;
    this.saving = this.saveLoop().finally(() => (this.saving = null));
  }

  private async saveLoop(): Promise<void> {
    while (this.pending.waiters.length > 0 || this.unsettled.size > 0) {
      const batch = this.pending;
      this.pending = newBatch();
      const shards = new Set([...batch.shards, ...this.unsettled]);
      // Serialize now, synchronously, so the bytes hold exactly this batch and nothing queued after it.
      const files = [...shards].map((shard) => ({ shard, bytes: this.index.serialize(shard, this.state) }));
      try {
        await commitShards(this.fs, this.dataDir, files);
        this.unsettled.clear();
      } catch (error) {
        // Memory goes back to what is on disk: undo what was queued after this batch, then the batch itself.
        const later = this.pending;
        this.pending = newBatch();
        for (const undo of [...later.undo].reverse()) undo();
        for (const undo of [...batch.undo].reverse()) undo();
        for (const shard of shards) this.unsettled.add(shard);
        const failure = new StoreWriteError(error);
        for (const waiter of [...batch.waiters, ...later.waiters]) waiter.reject(failure);
        this.notify(new Set([...batch.changed, ...later.changed]));
        return;
      }
      for (const waiter of batch.waiters) waiter.resolve();
      if (batch.changed.size > 0) this.notify(batch.changed);
    }
  }

  private notify(changed: Set<ChangedPart>): void {
    for (const listener of this.listeners) listener(changed);
  }

  private scheduleDailyBackups(checkMs: number): void {
    const check = () => {
      if (this.closed) return;
      if (this.clock.now() - this.lastBackupMs >= DAY_MS) void this.backupNow().catch(() => undefined);
      this.backupTimer = this.clock.setTimeout(check, checkMs);
    };
    this.backupTimer = this.clock.setTimeout(check, checkMs);
  }
}
