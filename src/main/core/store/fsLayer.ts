// The file-system calls the store makes, behind one seam so tests can inject faults (ENOSPC, EIO, ...)
// into any single call of a save.
import { promises as fs } from 'node:fs';

export type FileHandleLike = Pick<fs.FileHandle, 'writeFile' | 'writev' | 'sync' | 'close'>;

export interface FsLayer {
  open(path: string, flags: string): Promise<FileHandleLike>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  /** The file decoded as UTF-8 (faster than readFile + toString for big files). */
  readText(path: string): Promise<string>;
  readdir(path: string): Promise<string[]>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  copyFile(from: string, to: string): Promise<void>;
  rm(path: string, options: { recursive: true; force: true }): Promise<void>;
}

export const nodeFs: FsLayer = {
  open: (path, flags) => fs.open(path, flags),
  rename: (from, to) => fs.rename(from, to),
  unlink: (path) => fs.unlink(path),
  readFile: (path) => fs.readFile(path),
  readText: (path) => fs.readFile(path, 'utf8'),
  readdir: (path) => fs.readdir(path),
  mkdir: (path, options) => fs.mkdir(path, options),
  copyFile: (from, to) => fs.copyFile(from, to),
  rm: (path, options) => fs.rm(path, options),
};
