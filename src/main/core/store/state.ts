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
import { recordValidator, type RecordValidator } from './recordCheck';
import { collectionOfShard, MAIN_SHARD, shardOf } from './shards';

export type Collections = { [C in CollectionName]: Map<string, CollectionRecord[C]> };

export interface StoreState extends Collections {
  settings: Settings;
  /** Keys of notifications already shown (record id + due instant). */
  notifiedKeys: Set<string>;
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
  };
}

export const mainShardFileSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  shard: z.literal(MAIN_SHARD),
  settings: settingsSchema,
  templates: z.array(templateSchema),
  notifiedKeys: z.array(z.string()),
});
export type MainShardFile = z.infer<typeof mainShardFileSchema>;

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

/** Tracks which shard each record lives in, so a change rewrites only its own files. */
export class ShardIndex {
  private readonly members = new Map<string, Map<string, CollectionName>>();
  private readonly shardOfRecord = new Map<string, string>();

  shards(): string[] {
    return [...this.members.keys()];
  }

  locate(id: string): string | undefined {
    return this.shardOfRecord.get(id);
  }

  /** Places a record; returns the shards whose content changed (old and new). */
  place<C extends CollectionName>(collection: C, record: CollectionRecord[C]): string[] {
    const target = shardOf(collection, record);
    const previous = this.shardOfRecord.get(record.id);
    if (previous && previous !== target) this.members.get(previous)?.delete(record.id);
    let members = this.members.get(target);
    if (!members) this.members.set(target, (members = new Map()));
    members.set(record.id, collection);
    this.shardOfRecord.set(record.id, target);
    return previous && previous !== target ? [previous, target] : [target];
  }

  /**
   * Loads one file's records into the collection map and the index (the bulk path of opening). Returns the
   * shards whose files must be rewritten: a record that belongs elsewhere, or a duplicate (newest wins).
   */
  loadShard<C extends CollectionName>(shard: string, collection: C, records: CollectionRecord[C][], map: Map<string, CollectionRecord[C]>): Set<string> {
    const rewrite = new Set<string>();
    let members = this.members.get(shard);
    if (!members) this.members.set(shard, (members = new Map()));
    for (const record of records) {
      const id = record.id;
      const existing = map.get(id);
      if (existing !== undefined && existing.updatedAt >= record.updatedAt) {
        rewrite.add(shard);
        continue;
      }
      map.set(id, record);
      if (existing === undefined && shardOf(collection, record) === shard) {
        members.set(id, collection);
        this.shardOfRecord.set(id, shard);
        continue;
      }
      for (const touched of this.place(collection, record)) if (touched !== shard) rewrite.add(touched);
      rewrite.add(shard);
    }
    return rewrite;
  }

  remove(id: string): string | undefined {
    const previous = this.shardOfRecord.get(id);
    if (previous) this.members.get(previous)?.delete(id);
    this.shardOfRecord.delete(id);
    return previous;
  }

  serialize(shard: string, state: StoreState): string {
    if (shard === MAIN_SHARD) {
      const file: MainShardFile = {
        schemaVersion: SCHEMA_VERSION,
        shard: MAIN_SHARD,
        settings: state.settings,
        templates: [...state.templates.values()],
        notifiedKeys: [...state.notifiedKeys],
      };
      return JSON.stringify(file);
    }
    const records: unknown[] = [];
    for (const [id, collection] of this.members.get(shard) ?? []) records.push(state[collection].get(id));
    return JSON.stringify({ schemaVersion: SCHEMA_VERSION, shard, records });
  }
}
