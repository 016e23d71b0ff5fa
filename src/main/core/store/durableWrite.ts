// Durable replacement of a file: write a uniquely named temp file in the same folder, fsync it, rename it
// over the target, fsync the folder. After this resolves the new content survives a crash or power loss.
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { FsLayer } from './fsLayer';

export const TEMP_SUFFIX = '.tmp';

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

/** Writes bytes to a fresh temp file and fsyncs it. Returns the temp path; removes it on failure. */
export async function writeTempFile(fs: FsLayer, target: string, bytes: string | Uint8Array): Promise<string> {
  const temp = tempPathFor(target);
  await writeNewFileSynced(fs, temp, bytes);
  return temp;
}

/** Creates `path` (which must not exist), writes bytes and fsyncs it; removes it on failure. */
export async function writeNewFileSynced(fs: FsLayer, path: string, bytes: string | Uint8Array): Promise<void> {
  let handle;
  try {
    handle = await fs.open(path, 'wx');
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(path).catch(() => undefined);
    throw error;
  }
  try {
    await handle.close();
  } catch (error) {
    await fs.unlink(path).catch(() => undefined);
    throw error;
  }
}

/** fsync a folder so a rename in it is durable. Windows cannot open folders for fsync: that is tolerated. */
export async function syncFolder(fs: FsLayer, folder: string): Promise<void> {
  let handle;
  try {
    handle = await fs.open(folder, 'r');
  } catch (error) {
    if (isWindowsFolderSyncError(error)) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!isWindowsFolderSyncError(error)) throw error;
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function isWindowsFolderSyncError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return process.platform === 'win32' && (code === 'EPERM' || code === 'EISDIR' || code === 'EACCES');
}

export async function durableReplace(fs: FsLayer, target: string, bytes: string | Uint8Array): Promise<void> {
  const temp = await writeTempFile(fs, target, bytes);
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(fs, dirname(target));
}
