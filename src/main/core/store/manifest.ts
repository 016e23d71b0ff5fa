// The manifest names every data file of the folder with the generation that last wrote it, its size and its
// hash. It is replaced (renamed into place whole) by every commit, and that rename is the commit point: the
// manifest also lists the commit's pending renames and removals, rolled forward at the next open if a crash
// came first. On open a file that is missing, older than the manifest says, or not the one it names is
// detected instead of silently loaded or dropped.
import { createHash, randomUUID } from 'node:crypto';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { FsLayer } from './fsLayer';
import { MANIFEST_FILE, shardOfFileName } from './shards';

const fileNameSchema = z.string().refine((name) => shardOfFileName(name) !== null, 'not a Touchplan data file name');

export const manifestSchema = z.object({
  format: z.literal(1),
  /** Identifies this data folder: a file copied in from another folder is foreign. */
  storeId: z.uuid(),
  /** Incremented by every commit. */
  generation: z.number().int().nonnegative(),
  files: z.record(fileNameSchema, z.object({ generation: z.number().int().nonnegative(), size: z.number().int().nonnegative(), sha256: z.string() })),
  /** What the last commit still had to do after its commit point (file names inside the data folder). */
  pending: z.object({
    renames: z.array(z.tuple([z.string(), fileNameSchema])),
    removals: z.array(fileNameSchema),
  }),
});
export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = Manifest['files'][string];

export function emptyManifest(): Manifest {
  return { format: 1, storeId: randomUUID(), generation: 0, files: {}, pending: { renames: [], removals: [] } };
}

/** A file's content: text, bytes, or bytes in parts (written with one writev, never joined in memory). */
export type FileBytes = string | Uint8Array | readonly Uint8Array[];

export function sha256(bytes: FileBytes): string {
  const hash = createHash('sha256');
  for (const part of typeof bytes === 'string' || !Array.isArray(bytes) ? [bytes as string | Uint8Array] : bytes) hash.update(part);
  return hash.digest('hex');
}

export function byteLength(bytes: FileBytes): number {
  if (typeof bytes === 'string') return Buffer.byteLength(bytes);
  if (!Array.isArray(bytes)) return (bytes as Uint8Array).byteLength;
  let total = 0;
  for (const part of bytes as readonly Uint8Array[]) total += part.byteLength;
  return total;
}

export function entryFor(bytes: FileBytes, generation: number): ManifestEntry {
  return { generation, size: byteLength(bytes), sha256: sha256(bytes) };
}

/** True when bytes are exactly what the entry names. */
export function matchesEntry(bytes: string | Uint8Array, entry: ManifestEntry): boolean {
  return byteLength(bytes) === entry.size && sha256(bytes) === entry.sha256;
}

export type ManifestRead = { kind: 'absent' } | { kind: 'ok'; manifest: Manifest } | { kind: 'damaged'; reason: string };

export async function readManifest(fs: FsLayer, dataDir: string): Promise<ManifestRead> {
  let text: string;
  try {
    text = await fs.readText(join(dataDir, MANIFEST_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'absent' };
    return { kind: 'damaged', reason: `it cannot be read (${(error as Error).message})` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'damaged', reason: 'it is not valid JSON' };
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) return { kind: 'damaged', reason: `it has the wrong shape (${result.error.issues[0]?.message})` };
  return { kind: 'ok', manifest: result.data };
}

/** The temp name pattern of durableWrite.tempPathFor for a data file of ours. */
export function isTempOf(temp: string, target: string): boolean {
  return basename(temp) === temp && temp.startsWith(`.${target}.`) && /\.[0-9a-f]{12}\.tmp$/.test(temp);
}

/** The generation a data file's text says it was written by (null for files of earlier versions). */
export function generationInText(text: string): number | null {
  const match = /"generation":(\d+)/.exec(text.slice(0, 200));
  return match ? Number(match[1]) : null;
}
