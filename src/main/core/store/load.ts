// Opening the data folder: the manifest is read and its pending commit rolled forward; every file the working
// day needs is read, checked against the manifest, parsed, migrated and validated; files of past quarters are
// only listed (loaded when first needed, see history.ts). A file that is missing, damaged, older than the
// manifest says or not named by it is recovered (recover.ts) and the user is told. Before any file is
// migrated a backup is taken.
import { join } from 'node:path';
import type { StoreNotice } from '../../../shared/api';
import { SCHEMA_VERSION } from '../../../shared/schema';
import { takeBackup } from './backups';
import { recoverLegacyCommitRecord, recoverPendingCommit, removeStaleTemps } from './commit';
import { durableReplace } from './durableWrite';
import { emptyManifest, entryFor, generationInText, readManifest, type Manifest } from './manifest';
import { MIGRATIONS, versionOf } from './migrations';
import { checkAgainstEntry, parseShardText, readShardText, validateParsed } from './readShard';
import { moveAside, recoverShard, type FolderAccess } from './recover';
import { corruptFileName, MANIFEST_FILE, shardFileName, shardOfFileName } from './shards';
import type { ShardContent } from './state';

export interface OpenedFolder {
  manifest: Manifest;
  /** The shards read at open. */
  contents: Map<string, ShardContent>;
  /** Shards of past quarters on disk, not read yet. */
  history: Set<string>;
  notices: StoreNotice[];
  /** Shards to rewrite at the first save (migrated, or restored from a backup). */
  rewrite: Set<string>;
}

export async function openDataFolder(access: FolderAccess, isHistory: (shard: string) => boolean): Promise<OpenedFolder> {
  const { fs, dataDir } = access;
  const migrations = access.migrations ?? MIGRATIONS;
  const notices: StoreNotice[] = [];
  const notice = (level: StoreNotice['level'], key: string, message: string) =>
    notices.push({ id: `${key}-${access.nowMs}-${notices.length}`, level, message });

  const read = await readManifest(fs, dataDir);
  let manifest: Manifest | null = null;
  if (read.kind === 'ok') {
    manifest = read.manifest;
    for (const note of await recoverPendingCommit(fs, dataDir, manifest)) notice('warning', 'commit', `${note.file}: ${note.reason}.`);
  } else {
    if (read.kind === 'damaged') {
      const aside = await moveAside(access, MANIFEST_FILE, (stamp) => `touchplan.manifest.corrupt-${stamp}.json`);
      notice('warning', 'manifest', `The data folder's manifest could not be read: ${read.reason}. It was moved aside to ${aside}, and Touchplan rebuilt it from the data files present; a data file missing at the same time could not be detected.`);
    }
    const valid = (target: string, text: string) => {
      try {
        readShardText(shardOfFileName(target) as string, text, migrations);
        return true;
      } catch {
        return false;
      }
    };
    for (const note of await recoverLegacyCommitRecord(fs, dataDir, valid)) notice('warning', 'commit', `${note.file}: ${note.reason}.`);
  }
  await removeStaleTemps(fs, dataDir);

  const present = new Set((await fs.readdir(dataDir)).filter((name) => shardOfFileName(name) !== null));
  const adopting = manifest === null;
  const current = manifest ?? emptyManifest();
  const contents = new Map<string, ShardContent>();
  const history = new Set<string>();
  const rewrite = new Set<string>();
  const texts = new Map<string, { text: string; parsed?: unknown; failure?: string }>();

  if (!adopting) {
    for (const name of Object.keys(current.files)) {
      const shard = shardOfFileName(name) as string;
      if (present.has(name)) continue;
      const recovered = await recoverShard(access, shard, 'was missing from the data folder', false);
      notices.push(recovered.notice);
      if (recovered.content) {
        contents.set(shard, recovered.content);
        rewrite.add(shard);
      } else {
        delete current.files[name];
      }
    }
  }
  for (const name of [...present].sort()) {
    const shard = shardOfFileName(name) as string;
    const entry = current.files[name];
    if (!adopting && !entry) {
      const aside = await moveAside(access, name, (stamp) => corruptFileName(shard, stamp));
      notice('warning', 'foreign', `${name} was not written by Touchplan in this data folder (its manifest does not name it), so it was not loaded. It was moved aside to ${aside}.`);
      continue;
    }
    if (!adopting && isHistory(shard)) {
      history.add(shard);
      continue;
    }
    let text = '';
    try {
      text = await fs.readText(join(dataDir, name));
      texts.set(shard, { text, parsed: parseShardText(text) });
    } catch (error) {
      texts.set(shard, { text, failure: (error as Error).message });
    }
  }
  if (adopting && present.size > 0 && [...texts.values()].some((file) => generationInText(file.text) !== null)) {
    notice('warning', 'manifest', "The data folder's manifest was missing. Touchplan rebuilt it from the data files present; a data file missing at the same time could not be detected.");
  }

  // Parse everything first, so the backup before a migration holds the files exactly as they were.
  const needsMigration = [...texts.values()].some((file) => file.failure === undefined && versionOf(file.parsed) < SCHEMA_VERSION);
  if (needsMigration) await takeBackup(fs, dataDir, access.nowMs, 'before-migration');

  for (const [shard, file] of texts) {
    let failure = file.failure;
    if (failure === undefined) {
      try {
        const content = validateParsed(shard, file.parsed, migrations);
        const entry = current.files[shardFileName(shard)];
        if (entry && !adopting) checkAgainstEntry(file.text, entry);
        contents.set(shard, content);
        if (versionOf(file.parsed) !== SCHEMA_VERSION) rewrite.add(shard);
        if (adopting) current.files[shardFileName(shard)] = entryFor(file.text, generationInText(file.text) ?? 0);
        continue;
      } catch (error) {
        failure = (error as Error).message;
      }
    }
    const recovered = await recoverShard(access, shard, `could not be read: ${failure}`, true);
    notices.push(recovered.notice);
    if (recovered.content) {
      contents.set(shard, recovered.content);
      rewrite.add(shard);
    } else {
      delete current.files[shardFileName(shard)];
    }
  }
  if (adopting && present.size > 0) {
    current.generation = Math.max(0, ...Object.values(current.files).map((entry) => entry.generation));
    await durableReplace(fs, join(dataDir, MANIFEST_FILE), JSON.stringify(current));
  }
  return { manifest: current, contents, history, notices, rewrite };
}

/**
 * Reads one history shard when first needed: checked against the manifest, parsed, migrated, validated; a
 * damaged one is recovered like at open. Returns its content (null when it is lost) and any notice.
 */
export async function readHistoryShard(access: FolderAccess, manifest: Manifest, shard: string): Promise<{ content: ShardContent | null; notice?: StoreNotice; rewrite: boolean }> {
  const name = shardFileName(shard);
  const entry = manifest.files[name];
  let text: string;
  try {
    text = await access.fs.readText(join(access.dataDir, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const recovered = await recoverShard(access, shard, 'was missing from the data folder', false);
    return { ...recovered, rewrite: recovered.content !== null };
  }
  try {
    const parsed = parseShardText(text);
    const content = validateParsed(shard, parsed, access.migrations);
    if (entry) checkAgainstEntry(text, entry);
    return { content, rewrite: versionOf(parsed) !== SCHEMA_VERSION };
  } catch (error) {
    const recovered = await recoverShard(access, shard, `could not be read: ${(error as Error).message}`, true);
    return { ...recovered, rewrite: recovered.content !== null };
  }
}
