// lowdb's Adapter over the data folder: `Low` holds the dataset (StoreState) and this adapter reads and writes
// it as lowdb intends, but durably and split into shard files. read() opens the folder (manifest, recovery,
// validation) and loads what the working day needs; write(state) rewrites only the shards staged since the
// last write, as one commit with the manifest (commit.ts). History shards are loaded on demand.
// lowdb's own JSONFile (steno) is not used: it neither fsyncs nor commits several files as one unit.
import type { Adapter } from 'lowdb';
import type { StoreNotice } from '../../../shared/api';
import type { CollectionName, CollectionRecord, Settings, Template } from '../../../shared/schema';
import { assembleState } from './assemble';
import { FolderSyncer } from './durableWrite';
import { CommitError, commitShards, type ShardBytes } from './commit';
import { openDataFolder, readHistoryShard } from './load';
import type { Manifest } from './manifest';
import type { FolderAccess } from './recover';
import { collectionOfShard, shardFileName } from './shards';
import { ShardIndex, type RecordSet, type StoreState } from './state';

export interface AdapterOptions extends Omit<FolderAccess, 'nowMs'> {
  now: () => number;
  initial: () => { settings: Settings; templates: Template[] };
  isHistory: (shard: string) => boolean;
}

export class ShardedJsonAdapter implements Adapter<StoreState> {
  index = new ShardIndex();
  /** Shards of past quarters still on disk only. */
  readonly history = new Set<string>();
  readonly notices: StoreNotice[] = [];
  /** Shards whose file must be rewritten by the next write (read() fills it with what opening changed). */
  readonly staged = new Set<string>();
  private manifest: Manifest | null = null;
  private readonly folder: FolderSyncer;

  constructor(private readonly options: AdapterOptions) {
    this.folder = new FolderSyncer(options.fs, options.dataDir);
  }

  /** Makes the last commit's renames final on disk and releases the folder handle. */
  async close(): Promise<void> {
    await this.folder.sync().catch(() => undefined);
    await this.folder.close();
  }

  /** Opens the folder. Null for a folder without any data file (lowdb then keeps its default data). */
  async read(): Promise<StoreState | null> {
    const opened = await openDataFolder(this.access(), this.options.isHistory);
    this.manifest = opened.manifest;
    this.notices.push(...opened.notices);
    for (const shard of opened.history) this.history.add(shard);
    for (const shard of opened.rewrite) this.staged.add(shard);
    if (opened.contents.size === 0 && opened.history.size === 0) return null;
    const assembled = assembleState(opened.contents, this.options.initial);
    this.index = assembled.index;
    for (const shard of assembled.rewrite) this.staged.add(shard);
    return assembled.state;
  }

  stage(shards: Iterable<string>): void {
    for (const shard of shards) this.staged.add(shard);
  }

  /** Writes the staged shards of `state` as one durable commit. Serializes before its first await. */
  async write(state: StoreState): Promise<void> {
    const shards = [...this.staged];
    this.staged.clear();
    await this.commit(state, this.index, shards);
  }

  /** Writes `shards` of another state (a restored backup) as one commit; the caller then adopts that state. */
  async commit(state: StoreState, index: ShardIndex, shards: string[]): Promise<void> {
    const manifest = this.manifest as Manifest;
    const files: ShardBytes[] = [];
    const removals: string[] = [];
    for (const shard of shards) {
      if (index.isEmpty(shard)) removals.push(shard);
      else files.push({ shard, bytes: index.serialize(shard, state, manifest.generation + 1) });
    }
    try {
      const gone = removals.filter((shard) => this.isOnDisk(shard));
      this.manifest = await commitShards(this.options.fs, this.options.dataDir, manifest, files, gone, this.folder);
    } catch (error) {
      // A commit decided before its failure is rolled forward at the next open: the next commit builds on it.
      if (error instanceof CommitError && error.manifest) this.manifest = error.manifest;
      throw error;
    }
  }

  private isOnDisk(shard: string): boolean {
    return (this.manifest as Manifest).files[shardFileName(shard)] !== undefined;
  }

  private access(): FolderAccess {
    const { fs, dataDir, migrations, now } = this.options;
    return { fs, dataDir, migrations, nowMs: now() };
  }

  /**
   * Loads history shards into `state` (a record already in memory is newer and wins). Returns notices of
   * shards that had to be recovered; recovered or migrated shards are staged for the next write.
   */
  async loadHistory(state: StoreState, shards: Iterable<string>, onSet: RecordSet): Promise<StoreNotice[]> {
    const notices: StoreNotice[] = [];
    for (const shard of [...shards]) {
      if (!this.history.has(shard)) continue;
      const read = await readHistoryShard(this.access(), this.manifest as Manifest, shard);
      this.history.delete(shard);
      if (read.notice) notices.push(read.notice);
      if (read.rewrite) this.staged.add(shard);
      if (!read.content || read.content.kind !== 'collection') continue;
      const collection = collectionOfShard(shard) as CollectionName;
      const map = state[collection] as Map<string, CollectionRecord[CollectionName]>;
      for (const touched of this.index.loadShard(shard, collection, read.content.records, map, onSet)) this.staged.add(touched);
    }
    this.notices.push(...notices);
    return notices;
  }
}
