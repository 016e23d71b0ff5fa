// Ordered migrations of the stored files. MIGRATIONS[v] turns a version-v shard file into version v+1.
// A file from a newer version than SCHEMA_VERSION is never migrated: it is refused and left as it is.
import { SCHEMA_VERSION } from '../../../shared/schema';

export type Migration = (file: Record<string, unknown>, shard: string) => Record<string, unknown>;
/** MIGRATIONS[v] turns a version-v file into version v+1. Injectable (Store options) so tests can add one. */
export type Migrations = Readonly<Record<number, Migration>>;

export const MIGRATIONS: Migrations = {
  // Example for the next change: 1: (file) => ({ ...file, schemaVersion: 2, ... }),
};

export class FutureVersionError extends Error {
  constructor(readonly found: number) {
    super(
      `it was written by a newer version of Touchplan (data version ${found}; this version reads up to ${SCHEMA_VERSION}), ` +
        'so this version refused it without changing a byte of it',
    );
    this.name = 'FutureVersionError';
  }
}

export function versionOf(file: unknown): number {
  const version = (file as { schemaVersion?: unknown } | null)?.schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) ? version : 0;
}

/** Brings a parsed shard file up to SCHEMA_VERSION. Returns it unchanged when already current. */
export function migrateShardFile(file: unknown, shard: string, migrations: Migrations = MIGRATIONS): unknown {
  let version = versionOf(file);
  if (version > SCHEMA_VERSION) throw new FutureVersionError(version);
  let current = file as Record<string, unknown>;
  while (version < SCHEMA_VERSION) {
    const step = migrations[version];
    if (!step) throw new Error(`there is no migration from data version ${version}`);
    current = step(current, shard);
    version += 1;
  }
  return current;
}
