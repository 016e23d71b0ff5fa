// Reading the data folder on open: every file is parsed, migrated and validated. A file that fails is moved
// aside (never overwritten, bytes unchanged), the newest backup copy that validates is put in its place, and
// the user is told what happened and where the bad file is. Before any file is migrated a backup is taken.
import { join } from 'node:path';
import { ZodError } from 'zod';
import type { StoreNotice } from '../../../shared/api';
import { SCHEMA_VERSION } from '../../../shared/schema';
import { BACKUPS_FOLDER, listBackups, stampOf, takeBackup } from './backups';
import { durableReplace, syncFolder } from './durableWrite';
import type { FsLayer } from './fsLayer';
import { migrateShardFile, MIGRATIONS, versionOf, type Migrations } from './migrations';
import { corruptFileName, shardFileName, shardOfFileName } from './shards';
import { validateShard, type ShardContent } from './state';

export interface LoadedFolder {
  contents: Map<string, ShardContent>;
  notices: StoreNotice[];
  /** Shards to rewrite at the first save (migrated, or restored from an older backup). */
  rewrite: Set<string>;
}

/** Parses a data file's text. Throws an Error saying, in plain words, what is wrong. */
function parseShardText(text: string): unknown {
  if (text.length === 0) throw new Error('it is empty');
  if (/^\0+$/.test(text)) throw new Error('it holds only NUL bytes (the disk lost its content)');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`it is not valid JSON, probably cut short (${(error as Error).message})`);
  }
}

/** Migrates and validates one parsed data file. Throws an Error saying, in plain words, what is wrong. */
function validateParsed(shard: string, parsed: unknown, migrations: Migrations): ShardContent {
  const current = migrateShardFile(parsed, shard, migrations);
  try {
    return validateShard(shard, current);
  } catch (error) {
    if (error instanceof ZodError) {
      const details = error.issues
        .slice(0, 3)
        .map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`)
        .join('; ');
      throw new Error(`its content has the wrong shape (${details})`);
    }
    throw new Error(`its content has the wrong shape (${(error as Error).message})`);
  }
}

/** Parses, migrates and validates one data file's text. */
export function readShardText(shard: string, text: string, migrations: Migrations = MIGRATIONS): ShardContent {
  return validateParsed(shard, parseShardText(text), migrations);
}

export interface LoadOptions {
  nowMs: number;
  migrations?: Migrations;
}

export async function loadDataFolder(fs: FsLayer, dataDir: string, options: LoadOptions): Promise<LoadedFolder> {
  const migrations = options.migrations ?? MIGRATIONS;
  const contents = new Map<string, ShardContent>();
  const notices: StoreNotice[] = [];
  const rewrite = new Set<string>();

  // Parse everything first, so the backup before a migration holds the files exactly as they were.
  const parsed: { shard: string; name: string; value?: unknown; failure?: string }[] = [];
  for (const name of (await fs.readdir(dataDir)).sort()) {
    const shard = shardOfFileName(name);
    if (!shard) continue;
    try {
      parsed.push({ shard, name, value: parseShardText(await fs.readText(join(dataDir, name))) });
    } catch (error) {
      parsed.push({ shard, name, failure: (error as Error).message });
    }
  }
  const needsMigration = parsed.some((file) => file.failure === undefined && versionOf(file.value) < SCHEMA_VERSION);
  if (needsMigration) await takeBackup(fs, dataDir, options.nowMs, 'before-migration');

  for (const file of parsed) {
    let failure = file.failure;
    if (failure === undefined) {
      try {
        contents.set(file.shard, validateParsed(file.shard, file.value, migrations));
        if (versionOf(file.value) !== SCHEMA_VERSION) rewrite.add(file.shard);
        continue;
      } catch (error) {
        failure = (error as Error).message;
      }
    }
    const restored = await quarantineAndRestore(fs, dataDir, file.shard, options.nowMs, migrations);
    notices.push(noticeFor(file.name, failure, restored, options.nowMs, file.shard));
    if (restored.content) {
      contents.set(file.shard, restored.content);
      rewrite.add(file.shard);
    }
  }
  return { contents, notices, rewrite };
}

interface Restored {
  aside: string;
  content?: ShardContent;
  takenAt?: string;
}

async function quarantineAndRestore(fs: FsLayer, dataDir: string, shard: string, nowMs: number, migrations: Migrations): Promise<Restored> {
  const existing = new Set(await fs.readdir(dataDir));
  let asideName = corruptFileName(shard, stampOf(nowMs));
  for (let n = 2; existing.has(asideName); n++) asideName = corruptFileName(shard, `${stampOf(nowMs)}-${n}`);
  const aside = join(dataDir, asideName);
  await fs.rename(join(dataDir, shardFileName(shard)), aside);
  await syncFolder(fs, dataDir);
  const fileName = shardFileName(shard);
  for (const backup of await listBackups(fs, dataDir)) {
    if (!backup.files.includes(fileName)) continue;
    try {
      const text = await fs.readText(join(dataDir, BACKUPS_FOLDER, backup.name, fileName));
      const content = readShardText(shard, text, migrations);
      await durableReplace(fs, join(dataDir, fileName), text);
      return { aside, content, takenAt: backup.takenAt };
    } catch {
      continue; // a damaged (or unreadable) backup: try the next older one
    }
  }
  return { aside };
}

function noticeFor(name: string, reason: string, restored: Restored, nowMs: number, shard: string): StoreNotice {
  if (restored.content) {
    return {
      id: `recovered-${shard}-${nowMs}`,
      level: 'warning',
      message:
        `${name} could not be read: ${reason}. It was moved aside to ${restored.aside}. ` +
        `Touchplan restored it from the backup of ${restored.takenAt}; changes made after that backup are not in it.`,
    };
  }
  return {
    id: `lost-${shard}-${nowMs}`,
    level: 'error',
    message:
      `${name} could not be read: ${reason}. It was moved aside to ${restored.aside}, and no backup of it could be ` +
      'read, so Touchplan started without its records. The moved file is kept untouched for recovery.',
  };
}
