import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encryptedFileSecretStore, type SecretCipher } from '../../../src/main/core/host/encryptedSecretStore';

/** Reverses the text and marks it: enough to tell that only ciphertext reaches the file. */
const cipher: SecretCipher = {
  encrypt: (plain) => Buffer.from(`x${[...plain].reverse().join('')}`),
  decrypt: (blob) => {
    const text = blob.toString();
    if (!text.startsWith('x')) throw new Error('cannot decrypt');
    return [...text.slice(1)].reverse().join('');
  },
};

let dir: string;
const file = () => join(dir, 'secrets.json');
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'touchplan-secrets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('encryptedFileSecretStore', () => {
  it('keeps secrets across instances, only as ciphertext in the file', async () => {
    const store = encryptedFileSecretStore(file(), cipher);
    expect(store.persistent).toBe(true);
    await store.set('caldav:fastmail', 'hunter2-app-password');
    await expect(store.get('caldav:fastmail')).resolves.toBe('hunter2-app-password');
    expect(readFileSync(file(), 'utf8')).not.toContain('hunter2');

    const reopened = encryptedFileSecretStore(file(), cipher);
    await expect(reopened.get('caldav:fastmail')).resolves.toBe('hunter2-app-password');
    await expect(reopened.get('caldav:other')).resolves.toBeNull();
  });

  it('writes the file for its owner only and leaves no temp file', async () => {
    const store = encryptedFileSecretStore(file(), cipher);
    await store.set('a', '1');
    if (process.platform !== 'win32') expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['secrets.json']);
  });

  it('deletes one secret and keeps the others; deleting an absent key writes nothing', async () => {
    const store = encryptedFileSecretStore(file(), cipher);
    await store.delete('never-set');
    expect(existsSync(file())).toBe(false);
    await store.set('a', '1');
    await store.set('b', '2');
    await store.delete('a');
    const reopened = encryptedFileSecretStore(file(), cipher);
    await expect(reopened.get('a')).resolves.toBeNull();
    await expect(reopened.get('b')).resolves.toBe('2');
  });

  it('runs changes in order: concurrent sets and deletes all land', async () => {
    const store = encryptedFileSecretStore(file(), cipher);
    await Promise.all([store.set('a', '1'), store.set('b', '2'), store.delete('a'), store.set('c', '3')]);
    const reopened = encryptedFileSecretStore(file(), cipher);
    expect(await Promise.all(['a', 'b', 'c'].map((key) => reopened.get(key)))).toEqual([null, '2', '3']);
  });

  it('answers null for a blob it cannot decrypt (another OS account), and keeps it', async () => {
    writeFileSync(file(), JSON.stringify({ version: 1, secrets: { a: Buffer.from('foreign').toString('base64') } }));
    const store = encryptedFileSecretStore(file(), cipher);
    await expect(store.get('a')).resolves.toBeNull();
    await store.set('b', '2');
    expect(JSON.parse(readFileSync(file(), 'utf8')).secrets.a).toBe(Buffer.from('foreign').toString('base64'));
  });

  it('sets a damaged file aside instead of overwriting it', async () => {
    writeFileSync(file(), '{ not json');
    const store = encryptedFileSecretStore(file(), cipher);
    await expect(store.get('a')).resolves.toBeNull();
    await store.set('a', '1');
    const names = readdirSync(dir);
    expect(names.some((name) => name.startsWith('secrets.json.damaged-'))).toBe(true);
    await expect(encryptedFileSecretStore(file(), cipher).get('a')).resolves.toBe('1');
  });

  it('ignores keys that would touch the prototype', async () => {
    writeFileSync(file(), '{"version":1,"secrets":{"__proto__":"eA=="}}');
    const store = encryptedFileSecretStore(file(), cipher);
    await expect(store.get('toString')).resolves.toBeNull();
  });
});
