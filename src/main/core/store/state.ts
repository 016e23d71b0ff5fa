// The in-memory dataset the store holds, and how it is turned into shard files and back.
import { z } from 'zod';
import {
  COLLECTIONS,
  recordSchemas,
  SCHEMA_VERSION,
  settingsSchema,
  templateSchema,
  type CollectionName,
  type CollectionRecord,
  type Settings,
} from '../../../shared/schema';
import { calendarSyncStateSchema, emptyCalendarSync, type CalendarSyncState } from '../../../shared/syncSchema';
import { recordValidator, type RecordValidator } from './recordCheck';
import { collectionOfShard, MAIN_SHARD, PLACED_SHARDS, shardOf } from './shards';

export type Collections = { [C in CollectionName]: Map<string, CollectionRecord[C]> };

export interface StoreState extends Collections {
  settings: Settings;
  /** Keys of notifications already shown (record id + due instant). */
  notifiedKeys: Set<string>;
  /** Calendar accounts and what sync last read and wrote (sync/); replaced whole, never mutated. */
  calendarSync: CalendarSyncState;
}

export function emptyState(settings: Settings): StoreState {
  return {
    settings,
    prospects: new Map(),
    deals: new Map(),
    meetings: new Map(),
    touches: new Map(),
    templates: new Map(),
    notifiedKeys: new Set(),
    calendarSync: emptyCalendarSync(),
  };
}

export const mainShardFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  shard: z.literal(MAIN_SHARD),
  /** The commit that wrote the file (see manifest.ts); absent in files of earlier versions. */
  generation: z.number().int().nonnegative().optional(),
  settings: settingsSchema,
  templates: z.array(templateSchema),
  notifiedKeys: z.array(z.string()),
  /** Absent in files written before calendar sync. */
  calendarSync: calendarSyncStateSchema.prefault({}),
});
export type MainShardFile = z.infer<typeof mainShardFileSchema>;

/** Told of every record a load puts in memory, with the copy it replaces (if any). */
export type RecordSet = (collection: CollectionName, before: unknown, after: unknown) => void;

export type ShardContent =
  | { kind: 'main'; file: MainShardFile }
  | { kind: 'collection'; collection: CollectionName; records: CollectionRecord[CollectionName][] };

/** One validator per collection: zod's rules, with a fast path for canonical records (see recordCheck.ts). */
export const recordValidators = Object.fromEntries(
  COLLECTIONS.map((collection) => [collection, recordValidator(recordSchemas[collection] as z.ZodType)]),
) as unknown as { [C in CollectionName]: RecordValidator<CollectionRecord[C]> };

/** Validates a parsed shard file. Throws a ZodError (or Error) describing what is wrong. */
export function validateShard(shard: string, parsed: unknown): ShardContent {
  if (shard === MAIN_SHARD) return { kind: 'main', file: mainShardFileSchema.parse(parsed) };
  const collection = collectionOfShard(shard);
  if (!collection) throw new Error(`unknown data file for "${shard}"`);
  const file = parsed as { schemaVersion?: unknown; shard?: unknown; records?: unknown } | null;
  if (typeof file !== 'object' || file === null || Array.isArray(file)) throw new Error('the file is not a JSON object');
  if (file.schemaVersion !== SCHEMA_VERSION) throw new Error(`schemaVersion is ${String(file.schemaVersion)}, expected ${SCHEMA_VERSION}`);
  if (file.shard !== shard) throw new Error(`the file says it holds "${String(file.shard)}", not "${shard}"`);
  if (!Array.isArray(file.records)) throw new Error('records is not a list');
  // A record found in another shard than shardOf says (older rules) is simply moved at the next save.
  const records = (recordValidators[collection] as RecordValidator<CollectionRecord[CollectionName]>).all(file.records, ['records']);
  return { kind: 'collection', collection, records };
}

/**
 * Which records each shard file holds, so a change rewrites only its own files. A record's shard is a pure
 * function of the record (shardOf), so callers pass the records. The ids a file held at load are kept as a
 * plain list and turned into a set only when that shard first changes: most yearly files never do, and
 * opening a ten-year career stays cheap.
 */
export class ShardIndex {
  private readonly members = new Map<string, Set<string>>();
  private readonly loaded = new Map<string, string[]>();

  shards(): string[] {
    return [...new Set([...this.members.keys(), ...this.loaded.keys()])];
  }

  private membersOf(shard: string): Set<string> {
    let members = this.members.get(shard);
    if (!members) {
      members = new Set(this.loaded.get(shard));
      this.loaded.delete(shard);
      this.members.set(shard, members);
    }
    return members;
  }

  /**
   * Places a record that replaces `previous` (if any); returns the shards whose content changed. A prospect or
   * deal stays in the file it sits in (the store moves it with `move`); a new one goes where shardOf says.
   */
  place<C extends CollectionName>(collection: C, record: CollectionRecord[C], previous?: CollectionRecord[C]): string[] {
    const located = PLACED_SHARDS[collection] ? this.locate(collection, record.id) : undefined;
    const target = located ?? shardOf(collection, record);
    const from = previous && !PLACED_SHARDS[collection] ? shardOf(collection, previous) : undefined;
    if (from !== undefined && from !== target) this.membersOf(from).delete(record.id);
    this.membersOf(target).add(record.id);
    return from !== undefined && from !== target ? [from, target] : [target];
  }

  /** Removes a record; returns its shard. */
  remove<C extends CollectionName>(collection: C, record: CollectionRecord[C]): string {
    const shard = (PLACED_SHARDS[collection] ? this.locate(collection, record.id) : undefined) ?? shardOf(collection, record);
    this.membersOf(shard).delete(record.id);
    return shard;
  }

  /** Which of its two files a prospect or deal sits in, among the files in memory (undefined if neither). */
  locate(collection: CollectionName, id: string): string | undefined {
    for (const shard of PLACED_SHARDS[collection] ?? []) {
      if ((this.members.has(shard) || this.loaded.has(shard)) && this.membersOf(shard).has(id)) return shard;
    }
    return undefined;
  }

  /** Moves a prospect or deal to `to`; returns the shards whose content changed (none if it is there). */
  move(collection: CollectionName, id: string, to: string): string[] {
    const from = this.locate(collection, id);
    if (from === to) return [];
    if (from !== undefined) this.membersOf(from).delete(id);
    this.membersOf(to).add(id);
    return from === undefined ? [to] : [from, to];
  }

  /**
   * Loads one file's records into the collection map and the index (the bulk path of opening). Returns the
   * shards whose files must be rewritten: a record that belongs elsewhere, or a duplicate (newest wins).
   */
  loadShard<C extends CollectionName>(
    shard: string,
    collection: C,
    records: CollectionRecord[C][],
    map: Map<string, CollectionRecord[C]>,
    onSet?: RecordSet,
  ): Set<string> {
    const rewrite = new Set<string>();
    let ids = this.loaded.get(shard);
    if (!ids && !this.members.has(shard)) this.loaded.set(shard, (ids = []));
    for (const record of records) {
      const id = record.id;
      const existing = map.get(id);
      if (existing !== undefined && existing.updatedAt >= record.updatedAt) {
        rewrite.add(shard); // an older copy: dropped from this file
        continue;
      }
      map.set(id, record);
      onSet?.(collection, existing, record);
      if (existing === undefined && (PLACED_SHARDS[collection]?.includes(shard) || shardOf(collection, record) === shard)) {
        if (ids) ids.push(id);
        else this.membersOf(shard).add(id); // the shard was changed before its file was loaded
        continue;
      }
      for (const touched of this.place(collection, record, existing)) rewrite.add(touched);
      rewrite.add(shard);
    }
    return rewrite;
  }

  /** True when no record is placed in the shard (its file can be removed). */
  isEmpty(shard: string): boolean {
    return shard !== MAIN_SHARD && (this.members.get(shard)?.size ?? this.loaded.get(shard)?.length ?? 0) === 0;
  }

  /**
   * The shard's file content as UTF-8, written by commit `generation` (kept near the start of the text). Each
   * record's JSON is encoded once and reused until the record is replaced (records are immutable once stored),
   * and the parts are written as they are (one writev), so rewriting a file costs little more than its I/O.
   */
  serialize(shard: string, state: StoreState, generation: number): Buffer | Buffer[] {
    if (shard === MAIN_SHARD) {
      const file: MainShardFile = {
        schemaVersion: SCHEMA_VERSION,
        shard: MAIN_SHARD,
        generation,
        settings: state.settings,
        templates: [...state.templates.values()],
        notifiedKeys: [...state.notifiedKeys],
        calendarSync: state.calendarSync,
      };
      return Buffer.from(JSON.stringify(file), 'utf8');
    }
    const collection = collectionOfShard(shard);
    const parts: Buffer[] = [Buffer.from(`${JSON.stringify({ schemaVersion: SCHEMA_VERSION, shard, generation }).slice(0, -1)},"records":[`, 'utf8')];
    if (collection) {
      const map = state[collection] as Map<string, object>;
      for (const id of this.members.get(shard) ?? this.loaded.get(shard) ?? []) {
        const bytes = jsonOf(map.get(id) as object); // ",{…}": the first record drops its comma (a view, no copy)
        parts.push(parts.length === 1 ? bytes.subarray(1) : bytes);
      }
    }
    parts.push(END_OF_RECORDS);
    return parts;
  }
}

const END_OF_RECORDS = Buffer.from(']}');
const encodedRecords = new WeakMap<object, Buffer>();

function jsonOf(record: object): Buffer {
  let bytes = encodedRecords.get(record);
  if (!bytes) {
    bytes = Buffer.from(`,${JSON.stringify(record)}`, 'utf8');
    encodedRecords.set(record, bytes);
  }
  return bytes;
}
