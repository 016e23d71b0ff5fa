// Rotated copies of the data folder: backups/<stamp>/ holds a copy of every data file. One at start, one a
// day while running, 14 kept. Copies are fsynced files written next to the originals, never over them.
import { join } from 'node:path';
import type { FsLayer } from './fsLayer';
import { durableReplace, syncFolder } from './durableWrite';
import { MANIFEST_FILE, shardOfFileName } from './shards';
import { describeFsError } from './storeWriteError';

export const BACKUPS_FOLDER = 'backups';
export const BACKUPS_KEPT = 14;

/** Written last into a backup folder: a backup without it was interrupted and is never restored whole. */
export const BACKUP_MANIFEST = 'backup.json';

export interface BackupInfo {
  /** The folder name under backups/, e.g. 2026-11-22T10-00-00-000Z or 2026-11-22T10-00-00-000Z-before-restore. */
  name: string;
  /** ISO instant the backup was taken. */
  takenAt: string;
  /** Why it was taken when not the start-up or daily copy: 'before-restore', 'before-migration', or ''. */
  label: string;
  /** The data files it holds. */
  files: string[];
  /** False for a backup interrupted before its manifest was written (it cannot be restored as a whole). */
  complete: boolean;
}

function labelOf(name: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z(?:-\d+)?-?(.*)$/.exec(name)?.[1] ?? '';
}

export function stampOf(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[:.]/g, '-');
}

function instantOfStamp(stamp: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z/.exec(stamp);
  return match ? `${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z` : stamp;
}

export async function listBackups(fs: FsLayer, dataDir: string): Promise<BackupInfo[]> {
  const root = join(dataDir, BACKUPS_FOLDER);
  let names: string[];
  try {
    names = await fs.readdir(root);
  } catch {
    return [];
  }
  const backups: BackupInfo[] = [];
  for (const name of names.filter((n) => /^\d{4}-\d{2}-\d{2}T/.test(n)).sort().reverse()) {
    const names = await fs.readdir(join(root, name)).catch(() => [] as string[]);
    const files = names.filter((f) => shardOfFileName(f));
    backups.push({ name, takenAt: instantOfStamp(name), label: labelOf(name), files, complete: names.includes(BACKUP_MANIFEST) });
  }
  return backups;
}

/** A backup that could not be taken, in plain words; its incomplete folder has been removed. */
export class BackupError extends Error {
  constructor(override readonly cause: unknown) {
    super(`The backup could not be taken because ${describeFsError(cause)}. Your data itself is unchanged; the incomplete copy was removed.`, { cause });
    this.name = 'BackupError';
  }
}

/**
 * Copies every data file and the manifest into a new backup folder, fsyncing each copy, then drops the oldest
 * beyond BACKUPS_KEPT. Must not run while a save is running (the store queues it between saves), so the copy
 * is one consistent state of every file. A failure (disk full, permission) removes the incomplete folder and
 * throws a BackupError: an incomplete backup is never counted among those kept.
 */
export async function takeBackup(fs: FsLayer, dataDir: string, nowMs: number, label = ''): Promise<BackupInfo> {
  const root = join(dataDir, BACKUPS_FOLDER);
  let folder: string | null = null;
  let info: BackupInfo;
  try {
    await fs.mkdir(root, { recursive: true });
    const taken = new Set(await fs.readdir(root));
    const base = stampOf(nowMs);
    let name = base + (label ? `-${label}` : '');
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}${label ? `-${label}` : ''}`;
    folder = join(root, name);
    await fs.mkdir(folder, { recursive: true });
    const present = await fs.readdir(dataDir);
    const files = present.filter((f) => shardOfFileName(f)).sort();
    const copies = present.includes(MANIFEST_FILE) ? [...files, MANIFEST_FILE] : files;
    for (const file of copies) {
      await fs.copyFile(join(dataDir, file), join(folder, file));
      const handle = await fs.open(join(folder, file), 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close().catch(() => undefined);
      }
    }
    info = { name, takenAt: instantOfStamp(name), label, files, complete: true };
    await durableReplace(fs, join(folder, BACKUP_MANIFEST), JSON.stringify(info));
    await syncFolder(fs, root);
  } catch (error) {
    if (folder) await fs.rm(folder, { recursive: true, force: true }).catch(() => undefined);
    throw new BackupError(error);
  }
  const all = await listBackups(fs, dataDir);
  for (const old of all.filter((backup) => backup.complete).slice(BACKUPS_KEPT)) await fs.rm(join(root, old.name), { recursive: true, force: true }).catch(() => undefined);
  return info;
}
