// A damaged data file (unreadable, missing, older than the manifest says, or foreign) is moved aside, never
// overwritten, and the newest backup copy that is consistent (complete, matching that backup's own manifest,
// and valid) is put in its place. The notice says in plain words what happened and where the original went.
import { join } from 'node:path';
import type { StoreNotice } from '../../../shared/api';
import { BACKUPS_FOLDER, listBackups, stampOf } from './backups';
import { durableReplace, syncFolder } from './durableWrite';
import type { FsLayer } from './fsLayer';
import { manifestSchema, matchesEntry } from './manifest';
import type { Migrations } from './migrations';
import { readShardText } from './readShard';
import { corruptFileName, MANIFEST_FILE, shardFileName } from './shards';
import type { ShardContent } from './state';

export interface FolderAccess {
  fs: FsLayer;
  dataDir: string;
  nowMs: number;
  migrations?: Migrations;
}

export interface Recovered {
  content: ShardContent | null;
  notice: StoreNotice;
}

/** Moves `name` aside under a corrupt-<time> name (bytes unchanged); returns its new path. */
export async function moveAside(access: FolderAccess, name: string, asideName: (stamp: string) => string): Promise<string> {
  const { fs, dataDir, nowMs } = access;
  const existing = new Set(await fs.readdir(dataDir));
  let aside = asideName(stampOf(nowMs));
  for (let n = 2; existing.has(aside); n++) aside = asideName(`${stampOf(nowMs)}-${n}`);
  await fs.rename(join(dataDir, name), join(dataDir, aside));
  await syncFolder(fs, dataDir);
  return join(dataDir, aside);
}

/**
 * Recovers one shard whose file is damaged (`present`: the file exists and is moved aside) or missing.
 * `reason` completes "touchplan.x.json …" in the notice.
 */
export async function recoverShard(access: FolderAccess, shard: string, reason: string, present: boolean): Promise<Recovered> {
  const name = shardFileName(shard);
  const aside = present ? await moveAside(access, name, (stamp) => corruptFileName(shard, stamp)) : null;
  const restored = await restoreFromBackup(access, shard);
  const where = aside ? ` It was moved aside to ${aside}.` : '';
  const id = `${restored ? 'recovered' : 'lost'}-${shard}-${access.nowMs}`;
  if (restored) {
    return {
      content: restored.content,
      notice: {
        id,
        level: 'warning',
        message: `${name} ${reason}.${where} Touchplan restored it from the backup of ${restored.takenAt}; changes made after that backup are not in it.`,
      },
    };
  }
  const kept = aside ? ' The moved file is kept untouched for recovery.' : '';
  return {
    content: null,
    notice: {
      id,
      level: 'error',
      message: `${name} ${reason}.${where} No backup of it could be read, so Touchplan started without its records.${kept}`,
    },
  };
}

async function restoreFromBackup(access: FolderAccess, shard: string): Promise<{ content: ShardContent; takenAt: string } | null> {
  const { fs, dataDir } = access;
  const name = shardFileName(shard);
  for (const backup of await listBackups(fs, dataDir)) {
    if (!backup.complete || !backup.files.includes(name)) continue;
    try {
      const folder = join(dataDir, BACKUPS_FOLDER, backup.name);
      const text = await fs.readText(join(folder, name));
      if (!(await matchesBackupManifest(fs, folder, name, text))) continue;
      const content = readShardText(shard, text, access.migrations);
      await durableReplace(fs, join(dataDir, name), text);
      return { content, takenAt: backup.takenAt };
    } catch {
      continue; // a damaged (or unreadable) backup: try the next older one
    }
  }
  return null;
}

/** A backup copy is consistent when the backup's own manifest (if it has one) names exactly these bytes. */
async function matchesBackupManifest(fs: FsLayer, folder: string, name: string, text: string): Promise<boolean> {
  let manifestText: string;
  try {
    manifestText = await fs.readText(join(folder, MANIFEST_FILE));
  } catch {
    return true; // a backup of an earlier version, taken before manifests existed
  }
  const manifest = manifestSchema.safeParse(JSON.parse(manifestText));
  const entry = manifest.success ? manifest.data.files[name] : undefined;
  return entry !== undefined && matchesEntry(text, entry);
}
