// Durable replacement of a file: write a uniquely named temp file in the same folder, fsync it, rename it
// over the target, fsync the folder. After this resolves the new content survives a crash or power loss.
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { FileHandleLike, FsLayer } from './fsLayer';
import type { FileBytes } from './manifest';

export const TEMP_SUFFIX = '.tmp';

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
}

/** Writes bytes to a fresh temp file and fsyncs it. Returns the temp path; removes it on failure. */
export async function writeTempFile(fs: FsLayer, target: string, bytes: FileBytes): Promise<string> {
  const temp = tempPathFor(target);
  await writeNewFileSynced(fs, temp, bytes);
  return temp;
}

/** Creates `path` (which must not exist), writes bytes and fsyncs it; removes it on failure. */
export async function writeNewFileSynced(fs: FsLayer, path: string, bytes: FileBytes): Promise<void> {
  let handle;
  try {
    handle = await fs.open(path, 'wx');
    await writeAll(handle, bytes);
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

/**
 * fsync of one folder through a handle kept open between calls (a commit then costs one call, not three).
 * After a failure the handle is dropped and the next sync opens a fresh one.
 */
export class FolderSyncer {
  private handle: FileHandleLike | null = null;

  constructor(
    private readonly fs: FsLayer,
    private readonly folder: string,
  ) {}

  async sync(): Promise<void> {
    if (!this.handle) {
      try {
        this.handle = await this.fs.open(this.folder, 'r');
      } catch (error) {
        if (isWindowsFolderSyncError(error)) return;
        throw error;
      }
    }
    try {
      await this.handle.sync();
    } catch (error) {
      await this.close();
      if (!isWindowsFolderSyncError(error)) throw error;
    }
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close().catch(() => undefined);
  }
}

function isWindowsFolderSyncError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return process.platform === 'win32' && (code === 'EPERM' || code === 'EISDIR' || code === 'EACCES');
}

export async function durableReplace(fs: FsLayer, target: string, bytes: FileBytes): Promise<void> {
  const temp = await writeTempFile(fs, target, bytes);
  try {
    await fs.rename(temp, target);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(fs, dirname(target));
}

const PARTS_PER_WRITE = 1024; // IOV_MAX on Linux and macOS

async function writeAll(handle: FileHandleLike, bytes: FileBytes): Promise<void> {
  if (typeof bytes === 'string' || !Array.isArray(bytes)) {
    await handle.writeFile(bytes as string | Uint8Array);
    return;
  }
  const parts = bytes as readonly Uint8Array[];
  for (let first = 0; first < parts.length; first += PARTS_PER_WRITE) {
    const batch = parts.slice(first, first + PARTS_PER_WRITE);
    const { bytesWritten } = await handle.writev(batch);
    const expected = batch.reduce((sum, part) => sum + part.byteLength, 0);
    // A short write (rare, but allowed): the rest of the batch goes through writeFile, which loops until done.
    if (bytesWritten < expected) await handle.writeFile(Buffer.concat(batch).subarray(bytesWritten));
  }
}
