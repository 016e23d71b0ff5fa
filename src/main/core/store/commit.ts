// Makes a set of shard files durable as one unit. One file: temp + fsync + rename + fsync folder. Several
// (or one while an older commit record is outstanding): every temp file is written and fsynced first, then
// a commit record naming the renames is made durable (the commit point), then the renames run. On open a
// leftover commit record is rolled forward, so a crash never leaves half of a change on disk.
//
// After the commit point a commit is decided: if a later step fails, the record and its temps stay so a
// restart rolls it forward (never a mix of old and new files). The error then says `mayBeApplied`: the
// folder holds the old or the new state (the new one once rolled forward), and the caller supersedes it
// with its next commit, whose own record atomically replaces the old one.
import { basename, join } from 'node:path';
import { syncFolder, TEMP_SUFFIX, writeTempFile } from './durableWrite';
import type { FsLayer } from './fsLayer';
import { shardFileName } from './shards';

export const COMMIT_RECORD = 'touchplan.commit.json';

export interface ShardBytes {
  shard: string;
  bytes: string;
}

/** File names inside the data folder (never absolute paths, so a moved or copied folder recovers itself). */
interface CommitRecord {
  renames: [temp: string, target: string][];
}

export class CommitError extends Error {
  constructor(
    override readonly cause: unknown,
    /** True when the failure came after the new content may have become visible (or will be rolled forward). */
    readonly mayBeApplied: boolean,
  ) {
    super((cause as Error)?.message ?? String(cause), { cause });
    this.name = 'CommitError';
  }
}

export interface CommitOptions {
  /** Go through a commit record even for one file (to supersede an outstanding record atomically). */
  viaRecord?: boolean;
}

export async function commitShards(fs: FsLayer, dataDir: string, files: ShardBytes[], options: CommitOptions = {}): Promise<void> {
  if (files.length === 0) return;
  if (files.length === 1 && !options.viaRecord) return commitOne(fs, dataDir, files[0] as ShardBytes);
  const temps: string[] = [];
  let decided = false;
  try {
    for (const file of files) temps.push(await writeTempFile(fs, join(dataDir, shardFileName(file.shard)), file.bytes));
    const record: CommitRecord = {
      renames: files.map((file, index) => [basename(temps[index] as string), shardFileName(file.shard)]),
    };
    const recordTemp = await writeTempFile(fs, join(dataDir, COMMIT_RECORD), JSON.stringify(record));
    temps.push(recordTemp);
    await fs.rename(recordTemp, join(dataDir, COMMIT_RECORD));
    decided = true; // the record is in place: from here on the commit is rolled forward, never back
    await syncFolder(fs, dataDir);
    for (const [temp, target] of record.renames) await fs.rename(join(dataDir, temp), join(dataDir, target));
    await syncFolder(fs, dataDir);
  } catch (error) {
    if (!decided) for (const temp of temps) await fs.unlink(temp).catch(() => undefined);
    throw new CommitError(error, decided);
  }
  // Every rename is durable: the record names only temp files that no longer exist, so removing it is
  // housekeeping (a leftover one is harmless) and its failure does not fail the save.
  await fs.unlink(join(dataDir, COMMIT_RECORD)).catch(() => undefined);
}

async function commitOne(fs: FsLayer, dataDir: string, file: ShardBytes): Promise<void> {
  const target = join(dataDir, shardFileName(file.shard));
  let temp: string;
  try {
    temp = await writeTempFile(fs, target, file.bytes);
  } catch (error) {
    throw new CommitError(error, false);
  }
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw new CommitError(error, false);
  }
  try {
    await syncFolder(fs, dataDir);
  } catch (error) {
    throw new CommitError(error, true); // renamed but not known durable
  }
}

/** Rolls forward a commit that was interrupted after its commit point, then removes stale temp files. */
export async function recoverInterruptedCommit(fs: FsLayer, dataDir: string): Promise<void> {
  let record: CommitRecord | null = null;
  try {
    record = JSON.parse((await fs.readFile(join(dataDir, COMMIT_RECORD))).toString('utf8')) as CommitRecord;
  } catch {
    record = null; // absent (a record is renamed into place whole, so it is never torn)
  }
  if (record && Array.isArray(record.renames)) {
    for (const [temp, target] of record.renames) {
      if (basename(temp) !== temp || basename(target) !== target) continue; // not a record this code wrote
      await fs.rename(join(dataDir, temp), join(dataDir, target)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error; // already renamed before the crash
      });
    }
    await syncFolder(fs, dataDir);
  }
  await fs.unlink(join(dataDir, COMMIT_RECORD)).catch(() => undefined);
  await removeStaleTemps(fs, dataDir);
}

/** Removes temp files left by interrupted writes. Only call when no write is running. */
export async function removeStaleTemps(fs: FsLayer, dataDir: string): Promise<void> {
  for (const name of await fs.readdir(dataDir)) {
    if (name.startsWith('.touchplan') && name.endsWith(TEMP_SUFFIX)) await fs.unlink(join(dataDir, name)).catch(() => undefined);
  }
}
