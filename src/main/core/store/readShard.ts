// Reading one data file: its bytes checked against the manifest entry that names them, then parsed, migrated
// and validated. Every failure is an Error whose message says, in plain words, what is wrong with the file.
import { ZodError } from 'zod';
import { generationInText, matchesEntry, type ManifestEntry } from './manifest';
import { migrateShardFile, MIGRATIONS, type Migrations } from './migrations';
import { validateShard, type ShardContent } from './state';

/** Parses a data file's text. Throws an Error saying, in plain words, what is wrong. */
export function parseShardText(text: string): unknown {
  if (text.length === 0) throw new Error('it is empty');
  if (/^\0+$/.test(text)) throw new Error('it holds only NUL bytes (the disk lost its content)');
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`it is not valid JSON, probably cut short (${(error as Error).message})`);
  }
}

/** Migrates and validates one parsed data file. Throws an Error saying, in plain words, what is wrong. */
export function validateParsed(shard: string, parsed: unknown, migrations: Migrations = MIGRATIONS): ShardContent {
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

/** Throws an Error saying how `text` differs from what the manifest names, or returns when it matches. */
export function checkAgainstEntry(text: string, entry: ManifestEntry): void {
  if (matchesEntry(text, entry)) return;
  const found = generationInText(text);
  if (found !== null && found < entry.generation) {
    throw new Error(`it is an older copy (written by change ${found}; the folder's manifest expects change ${entry.generation})`);
  }
  if (found !== null && found > entry.generation) {
    throw new Error(`it is from another state of the folder (change ${found}, where the folder's manifest expects change ${entry.generation})`);
  }
  throw new Error('its content is not what Touchplan last wrote to it (another program changed it, or it was copied from another folder)');
}
