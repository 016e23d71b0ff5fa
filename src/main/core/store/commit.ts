// Makes a set of changed data files durable as one unit, with the manifest that names them. Every new file is
// written to a temp file and fsynced while the next manifest (listing the renames still to do) is written the
// same way; renaming the manifest into place and fsyncing the folder is the commit point. Then the renames run.
// A crash before the commit point leaves the previous state; after it, the next open rolls the commit forward
// (recoverPendingCommit), so a change is never half on disk. The renames are not fsynced on their own: the
// next commit's manifest lists them again and its folder fsync makes them durable, so a commit costs one folder
// fsync, not two.
//
// After the commit point a commit is decided: if a later step fails, the error says `mayBeApplied` (the
// folder holds the old or the new state, the new one once rolled forward) and the caller rewrites the same
// files with its next commit.
import { basename, join } from 'node:path';
import { syncFolder, TEMP_SUFFIX, tempPathFor, writeNewFileSynced } from './durableWrite';
import type { FsLayer } from './fsLayer';
import { entryFor, isTempOf, matchesEntry, type FileBytes, type Manifest } from './manifest';
import { MANIFEST_FILE, shardFileName, shardOfFileName } from './shards';

/** A legacy commit record of earlier versions (one rename list, no manifest); rolled forward once. */
export const LEGACY_COMMIT_RECORD = 'touchplan.commit.json';

export interface ShardBytes {
  shard: string;
  bytes: FileBytes;
}

export class CommitError extends Error {
  constructor(
    override readonly cause: unknown,
    /** True when the failure came after the new content may have become visible (or will be rolled forward). */
    readonly mayBeApplied: boolean,
    /** When mayBeApplied: the manifest now in place, which the next commit must start from. */
    readonly manifest?: Manifest,
  ) {
    super((cause as Error)?.message ?? String(cause), { cause });
    this.name = 'CommitError';
  }
}

/**
 * Commits `files` (each already serialized for generation manifest.generation + 1) and removes `removals`
 * (shards whose file is no longer needed). Resolves with the new manifest once everything is durable.
 */
export async function commitShards(
  fs: FsLayer,
  dataDir: string,
  manifest: Manifest,
  files: ShardBytes[],
  removals: string[] = [],
  folder: { sync(): Promise<void> } = { sync: () => syncFolder(fs, dataDir) },
): Promise<Manifest> {
  if (files.length === 0 && removals.length === 0) return manifest;
  const generation = manifest.generation + 1;
  const next: Manifest = { ...manifest, generation, files: { ...manifest.files }, pending: { renames: [], removals: [] } };
  for (const shard of removals) {
    delete next.files[shardFileName(shard)];
    next.pending.removals.push(shardFileName(shard));
  }
  const writes = files.map((file) => {
    const target = shardFileName(file.shard);
    const bytes = typeof file.bytes === 'string' ? Buffer.from(file.bytes, 'utf8') : file.bytes; // encoded once, for the hash and the write
    next.files[target] = entryFor(bytes, generation);
    return { path: tempPathFor(join(dataDir, target)), bytes, target };
  });
  const rewritten = new Set(writes.map((write) => write.target));
  // The previous commit's renames and removals, not fsynced yet, stay listed until this commit's folder fsync.
  const carried = manifest.pending.renames.filter(([, target]) => !rewritten.has(target) && next.files[target] !== undefined);
  next.pending.renames = [...writes.map((write): [string, string] => [basename(write.path), write.target]), ...carried];
  next.pending.removals.push(...manifest.pending.removals.filter((name) => next.files[name] === undefined && !next.pending.removals.includes(name)));
  writes.push({ path: tempPathFor(join(dataDir, MANIFEST_FILE)), bytes: Buffer.from(JSON.stringify(next), 'utf8'), target: MANIFEST_FILE });
  const manifestTemp = (writes.at(-1) as { path: string }).path;

  // Every temp (the manifest's included) is written and fsynced at once: the disk can flush them together.
  const results = await Promise.allSettled(writes.map((write) => writeNewFileSynced(fs, write.path, write.bytes)));
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) {
    for (const write of writes) await fs.unlink(write.path).catch(() => undefined);
    throw new CommitError(failed.reason, false);
  }
  let decided = false;
  try {
    await fs.rename(manifestTemp, join(dataDir, MANIFEST_FILE));
    decided = true; // the manifest is in place: from here on the commit is rolled forward, never back
    await folder.sync();
    for (const write of writes.slice(0, -1)) await fs.rename(write.path, join(dataDir, write.target));
    for (const shard of removals) await fs.unlink(join(dataDir, shardFileName(shard))).catch(ignoreMissing);
  } catch (error) {
    if (!decided) for (const write of writes) await fs.unlink(write.path).catch(() => undefined);
    throw new CommitError(error, decided, decided ? next : undefined);
  }
  return next;
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}

/** What rolling a commit forward at open found that the user must hear about. */
export interface RecoveryNote {
  file: string;
  reason: string;
}

/**
 * Rolls forward the manifest's pending renames and removals. A rename is done only when its names are the
 * store's own and the temp file holds exactly the bytes the manifest names (a half-written or foreign temp
 * never replaces anything: it is reported and left for the load checks to treat the target as damaged).
 */
export async function recoverPendingCommit(fs: FsLayer, dataDir: string, manifest: Manifest): Promise<RecoveryNote[]> {
  const notes: RecoveryNote[] = [];
  let changed = false;
  for (const [temp, target] of manifest.pending.renames) {
    const entry = manifest.files[target];
    if (!entry || !isTempOf(temp, target)) {
      notes.push({ file: target, reason: `the last change named a file that is not Touchplan's (${temp.slice(0, 80)}), so it was not used` });
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(join(dataDir, temp));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // renamed before the crash
      throw error;
    }
    if (!matchesEntry(bytes, entry)) {
      notes.push({ file: target, reason: 'the last change was cut short while it was written, so its half-written copy was not used' });
      continue;
    }
    await fs.rename(join(dataDir, temp), join(dataDir, target));
    changed = true;
  }
  for (const name of manifest.pending.removals) {
    if (manifest.files[name]) continue;
    await fs.unlink(join(dataDir, name)).catch(ignoreMissing);
    changed = true;
  }
  if (changed) await syncFolder(fs, dataDir);
  return notes;
}

/**
 * The commit record of earlier versions: rolled forward once (its names checked, each temp's content
 * validated by `valid` first), then removed. The manifest written by the next commit supersedes it.
 */
export async function recoverLegacyCommitRecord(fs: FsLayer, dataDir: string, valid: (target: string, text: string) => boolean): Promise<RecoveryNote[]> {
  let record: { renames?: unknown };
  try {
    record = JSON.parse((await fs.readFile(join(dataDir, LEGACY_COMMIT_RECORD))).toString('utf8')) as { renames?: unknown };
  } catch {
    return [];
  }
  const notes: RecoveryNote[] = [];
  for (const rename of Array.isArray(record.renames) ? record.renames : []) {
    const [temp, target] = Array.isArray(rename) ? (rename as unknown[]) : [];
    if (typeof temp !== 'string' || typeof target !== 'string' || shardOfFileName(target) === null || !isTempOf(temp, target)) {
      notes.push({ file: String(target).slice(0, 80), reason: 'an interrupted change named a file that is not Touchplan’s, so it was not used' });
      continue;
    }
    let text: string;
    try {
      text = await fs.readText(join(dataDir, temp));
    } catch {
      continue; // renamed before the crash
    }
    if (!valid(target, text)) {
      notes.push({ file: target, reason: 'an interrupted change left a half-written copy, so it was not used' });
      continue;
    }
    await fs.rename(join(dataDir, temp), join(dataDir, target));
  }
  await syncFolder(fs, dataDir);
  await fs.unlink(join(dataDir, LEGACY_COMMIT_RECORD)).catch(() => undefined);
  return notes;
}

/** Removes temp files left by interrupted writes. Only call when no write is running. */
export async function removeStaleTemps(fs: FsLayer, dataDir: string): Promise<void> {
  for (const name of await fs.readdir(dataDir)) {
    if (name.startsWith('.touchplan') && name.endsWith(TEMP_SUFFIX)) await fs.unlink(join(dataDir, name)).catch(() => undefined);
  }
}
