// A SecretStore kept in one file of encrypted blobs: { "version": 1, "secrets": { key: base64(cipher) } }.
// The cipher is the host's (Electron's safeStorage, bound to the OS keychain); this file only keeps the blobs,
// so the rules (atomic writes, owner-only permissions, a damaged file never losing the others' secrets) are
// tested in plain Node. The file lives beside the data folder, never in it, so backups never carry it.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import type { SecretStore } from '../ports';

export interface SecretCipher {
  encrypt(plain: string): Buffer;
  decrypt(blob: Buffer): string;
}

interface SecretFile {
  version: 1;
  secrets: Record<string, string>;
}

const FILE_VERSION = 1;

function parseSecretFile(text: string): Record<string, string> {
  const parsed = JSON.parse(text) as Partial<SecretFile> | null;
  if (!parsed || parsed.version !== FILE_VERSION || typeof parsed.secrets !== 'object' || parsed.secrets === null) {
    throw new Error('not a Touchplan secrets file');
  }
  const secrets: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of Object.entries(parsed.secrets)) if (typeof value === 'string') secrets[key] = value;
  return secrets;
}

export function encryptedFileSecretStore(file: string, cipher: SecretCipher): SecretStore {
  let blobs: Record<string, string> | null = null;
  // One change at a time: a set racing a delete must not drop either.
  let queue: Promise<unknown> = Promise.resolve();

  const load = async (): Promise<Record<string, string>> => {
    if (blobs !== null) return blobs;
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      blobs = Object.create(null) as Record<string, string>;
      return blobs;
    }
    try {
      blobs = parseSecretFile(text);
    } catch {
      // A damaged file is set aside, never overwritten: the rep re-enters the passwords it held.
      await fs.rename(file, `${file}.damaged-${randomUUID()}`).catch(() => undefined);
      blobs = Object.create(null) as Record<string, string>;
    }
    return blobs;
  };

  const save = async (next: Record<string, string>): Promise<void> => {
    await fs.mkdir(dirname(file), { recursive: true });
    const temp = `${file}.tmp`;
    const body: SecretFile = { version: FILE_VERSION, secrets: next };
    const handle = await fs.open(temp, 'w', 0o600);
    try {
      await handle.writeFile(JSON.stringify(body));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  };

  const change = (apply: (current: Record<string, string>) => Record<string, string> | null): Promise<void> => {
    const run = queue.then(async () => {
      const current = await load();
      const next = apply(current);
      if (next === null) return;
      await save(next);
      blobs = next;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    persistent: true,
    async get(key) {
      await queue;
      const blob = (await load())[key];
      if (blob === undefined) return null;
      try {
        return cipher.decrypt(Buffer.from(blob, 'base64'));
      } catch {
        // Encrypted under another OS account or keychain: as good as absent.
        return null;
      }
    },
    set: (key, value) => change((current) => ({ ...current, [key]: cipher.encrypt(value).toString('base64') })),
    delete: (key) =>
      change((current) => {
        if (!(key in current)) return null;
        const next = { ...current };
        delete next[key];
        return next;
      }),
  };
}
