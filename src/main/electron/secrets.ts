// The SecretStore of the app: calendar passwords encrypted with safeStorage (the OS keychain: Keychain on
// macOS, DPAPI on Windows, the Secret Service / KWallet on Linux) in <userData>/secrets.json, outside the data
// folder so no backup or export carries them. Where the OS offers no real encryption (Linux without a
// keyring, where safeStorage falls back to a fixed key), secrets stay in memory and Settings says so.
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { encryptedFileSecretStore } from '../core/host/encryptedSecretStore';
import { memorySecretStore, type SecretStore } from '../core/ports';

export const SECRETS_FILE_NAME = 'secrets.json';

/** True when safeStorage encrypts with a key the OS keeps for this user. Call after the app is ready. */
export function hasOsEncryption(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (process.platform !== 'linux') return true;
  const backend = safeStorage.getSelectedStorageBackend();
  return backend !== 'basic_text' && backend !== 'unknown';
}

export function createSecretStore(userDataDir: string): SecretStore {
  if (!hasOsEncryption()) return memorySecretStore();
  return encryptedFileSecretStore(join(userDataDir, SECRETS_FILE_NAME), {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (blob) => safeStorage.decryptString(blob),
  });
}
