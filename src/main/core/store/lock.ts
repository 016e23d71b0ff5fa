// One writer per data folder: an exclusive lock file, so a second process (another build, the browser
// host on the same folder) refuses to open it instead of corrupting it. A lock left by a dead process is
// taken over. (Electron's single-instance lock covers two windows of one build; this covers the rest.)
import { promises as fs } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'touchplan.lock';

export class StoreLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The Touchplan data folder ${dataDir} is already open in another Touchplan process (pid ${holderPid}). ` +
        'Close the other Touchplan window or browser host, then try again. If no other Touchplan is running, ' +
        `delete ${join(dataDir, LOCK_FILE)} and try again.`,
    );
    this.name = 'StoreLockedError';
  }
}

interface LockContent {
  pid: number;
  host: string;
  since: string;
  /** Tells this lock apart from an earlier one of a reused pid. */
  nonce: string;
}

export interface FolderLock {
  release(): Promise<void>;
}

/**
 * Takes the folder's lock file. It is created whole and atomically: the content is written to a temp file,
 * fsynced, then hard-linked to the lock name (link fails if the name exists), so a reader never sees a
 * half-written lock. A lock whose process is gone (same host, dead pid) is taken over.
 */
export async function acquireFolderLock(dataDir: string): Promise<FolderLock> {
  const path = join(dataDir, LOCK_FILE);
  const content: LockContent = { pid: process.pid, host: hostname(), since: new Date().toISOString(), nonce: randomBytes(8).toString('hex') };
  const temp = `${path}.${content.nonce}.tmp`;
  await fs.writeFile(temp, JSON.stringify(content));
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await createWhole(temp, path, content);
        return lockHandle(path, content.nonce);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = await readLock(path);
      if (holder && (holder.pid === process.pid || isAlive(holder))) throw new StoreLockedError(dataDir, holder.pid);
      await takeOver(path, holder);
    }
  } finally {
    await fs.unlink(temp).catch(() => undefined);
  }
  throw new Error(`Could not lock the Touchplan data folder ${dataDir}: another process keeps taking the lock.`);
}

async function createWhole(temp: string, path: string, content: LockContent): Promise<void> {
  try {
    await fs.link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    await fs.writeFile(path, JSON.stringify(content), { flag: 'wx' }); // a file system without hard links
  }
}

function lockHandle(path: string, nonce: string): FolderLock {
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      const holder = await readLock(path);
      if (holder?.nonce === nonce) await fs.unlink(path).catch(() => undefined); // never remove someone else's
    },
  };
}

/** Moves a stale lock away. If another process replaced it meanwhile, its fresh lock is put back. */
async function takeOver(path: string, stale: LockContent | null): Promise<void> {
  const aside = `${path}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await fs.rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else removed it: retry
    throw error;
  }
  const moved = await readLock(aside);
  if (moved && stale && moved.nonce !== stale.nonce) await fs.link(aside, path).catch(() => undefined);
  await fs.unlink(aside).catch(() => undefined);
}

async function readLock(path: string): Promise<LockContent | null> {
  try {
    const parsed = JSON.parse(await fs.readFile(path, 'utf8')) as Partial<LockContent>;
    return typeof parsed.pid === 'number' ? (parsed as LockContent) : null;
  } catch {
    return null; // unreadable: it was not written by this code (locks appear whole), treat as stale
  }
}

function isAlive(lock: LockContent): boolean {
  if (lock.host !== hostname()) return true; // another machine (shared folder): never assume it is dead
  try {
    process.kill(lock.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
