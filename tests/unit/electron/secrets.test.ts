import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSecretStore, SECRETS_FILE_NAME } from '../../../src/main/electron/secrets';
import { resetFakeElectron, safeStorage } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

let dir: string;
beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'touchplan-safe-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the safeStorage SecretStore', () => {
  it('encrypts with safeStorage into userData/secrets.json, outside the data folder', async () => {
    const store = createSecretStore(dir);
    expect(store.persistent).toBe(true);
    await store.set('caldav:icloud', 'app-specific-password');
    expect(safeStorage.encryptString).toHaveBeenCalledWith('app-specific-password');
    const stored = readFileSync(join(dir, SECRETS_FILE_NAME), 'utf8');
    expect(stored).not.toContain('app-specific-password');
    await expect(createSecretStore(dir).get('caldav:icloud')).resolves.toBe('app-specific-password');
    expect(safeStorage.decryptString).toHaveBeenCalled();
  });

  it('keeps secrets in memory only where the OS offers no encryption', async () => {
    safeStorage.isEncryptionAvailable.mockReturnValue(false);
    const store = createSecretStore(dir);
    expect(store.persistent).toBe(false);
    await store.set('k', 'v');
    await expect(store.get('k')).resolves.toBe('v');
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
  });

  it.runIf(process.platform === 'linux')('treats the Linux plain-text fallback as no encryption', () => {
    safeStorage.getSelectedStorageBackend.mockReturnValue('basic_text');
    expect(createSecretStore(dir).persistent).toBe(false);
  });
});
