// An FsLayer that counts every call (FileHandle writeFile/writev/sync/close included) and fails the Nth one with a
// given errno, once or from then on.
import { nodeFs, type FileHandleLike, type FsLayer } from '../../../src/main/core/store/fsLayer';

export type FaultCode = 'ENOSPC' | 'EIO' | 'EPERM' | 'EBUSY';

export class FaultyFs implements FsLayer {
  calls: string[] = [];
  private failAt = 0;
  private code: FaultCode = 'EIO';
  private persistent = false;

  /** Fails the nth call from now (1 = the next one); `persistent` fails every call from then on. */
  arm(nth: number, code: FaultCode, persistent: boolean): void {
    this.calls = [];
    this.failAt = nth;
    this.code = code;
    this.persistent = persistent;
  }

  heal(): void {
    this.failAt = 0;
  }

  private async call<T>(name: string, run: () => Promise<T>): Promise<T> {
    this.calls.push(name);
    const n = this.calls.length;
    if (this.failAt > 0 && (n === this.failAt || (this.persistent && n > this.failAt))) {
      throw Object.assign(new Error(`${this.code}: injected failure of ${name}`), { code: this.code });
    }
    return run();
  }

  open = async (path: string, flags: string): Promise<FileHandleLike> => {
    const handle = await this.call(`open ${flags}`, () => nodeFs.open(path, flags));
    return {
      writeFile: (data: Parameters<FileHandleLike['writeFile']>[0]) => this.call('handle.writeFile', () => handle.writeFile(data)),
      writev: (buffers: Parameters<FileHandleLike['writev']>[0]) => this.call('handle.writev', () => handle.writev(buffers)),
      sync: () => this.call('handle.sync', () => handle.sync()),
      close: async () => {
        try {
          await this.call('handle.close', async () => undefined);
        } finally {
          await handle.close(); // the real descriptor is always released, even when the call "fails"
        }
      },
    } as FileHandleLike;
  };
  rename = (from: string, to: string) => this.call('rename', () => nodeFs.rename(from, to));
  unlink = (path: string) => this.call('unlink', () => nodeFs.unlink(path));
  readFile = (path: string) => this.call('readFile', () => nodeFs.readFile(path));
  readText = (path: string) => this.call('readText', () => nodeFs.readText(path));
  readdir = (path: string) => this.call('readdir', () => nodeFs.readdir(path));
  mkdir = (path: string, options: { recursive: true }) => this.call('mkdir', () => nodeFs.mkdir(path, options));
  copyFile = (from: string, to: string) => this.call('copyFile', () => nodeFs.copyFile(from, to));
  rm = (path: string, options: { recursive: true; force: true }) => this.call('rm', () => nodeFs.rm(path, options));
}
