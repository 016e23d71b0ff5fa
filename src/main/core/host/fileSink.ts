// Writing a file the rep chose in a save dialog: the chunks are streamed (with back-pressure) into a temp file
// beside it, which is renamed over the target only once complete, so a failed export never leaves half a file
// or destroys the file it was replacing.
import { randomUUID } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Streams `chunks` into `path`; resolves with the bytes written. */
export async function writeChunksToFile(path: string, chunks: Iterable<string | Uint8Array>): Promise<number> {
  const temp = `${path}.${randomUUID().slice(0, 8)}.partial`;
  const out = createWriteStream(temp, { flags: 'wx' });
  try {
    await pipeline(Readable.from(chunks, { objectMode: false }), out);
    await fs.rename(temp, path);
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  return out.bytesWritten;
}
