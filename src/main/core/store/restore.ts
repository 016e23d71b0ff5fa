// Reading a backup for a restore: every file of it is read and validated before anything changes; the first
// that fails stops the restore with a message in plain words.
import { join } from 'node:path';
import { BACKUPS_FOLDER, listBackups } from './backups';
import type { FsLayer } from './fsLayer';
import type { Migrations } from './migrations';
import { readShardText } from './readShard';
import { MAIN_SHARD, shardFileName, shardOfFileName } from './shards';
import type { ShardContent } from './state';
import { StoreBusyError } from './storeWriteError';

export async function readBackupContents(fs: FsLayer, dataDir: string, name: string, migrations?: Migrations): Promise<Map<string, ShardContent>> {
  const backup = (await listBackups(fs, dataDir)).find((b) => b.name === name);
  if (!backup) throw new StoreBusyError(`There is no backup named ${name}.`);
  if (!backup.complete) throw new StoreBusyError(`The backup ${name} was interrupted while it was taken, so it cannot be restored.`);
  const contents = new Map<string, ShardContent>();
  for (const file of backup.files) {
    const shard = shardOfFileName(file) as string;
    try {
      const text = await fs.readText(join(dataDir, BACKUPS_FOLDER, name, file));
      contents.set(shard, readShardText(shard, text, migrations));
    } catch (error) {
      throw new StoreBusyError(`The backup ${name} cannot be restored: ${file} ${(error as Error).message}. Nothing was changed.`);
    }
  }
  if (!contents.has(MAIN_SHARD)) throw new StoreBusyError(`The backup ${name} has no ${shardFileName(MAIN_SHARD)}. Nothing was changed.`);
  return contents;
}
