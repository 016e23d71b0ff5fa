// A lowdb Adapter that never loses an acknowledged write: lowdb's own JSONFile renames a temp file but
// never fsyncs. read() returns the raw text so the store can validate it and quarantine a bad file.
import type { Adapter } from 'lowdb';
import { durableReplace } from './durableWrite';
import type { FsLayer } from './fsLayer';

export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly fs: FsLayer,
  ) {}

  /** The file's text, or null when it does not exist. Parsing is left to the caller, which validates. */
  async readText(): Promise<string | null> {
    try {
      return (await this.fs.readFile(this.path)).toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async read(): Promise<T | null> {
    const text = await this.readText();
    return text === null ? null : (JSON.parse(text) as T);
  }

  async write(data: T): Promise<void> {
    await durableReplace(this.fs, this.path, JSON.stringify(data));
  }
}
