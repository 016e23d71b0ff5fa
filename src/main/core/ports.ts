// The ports through which core services reach the outside world. Electron and the browser host each
// provide adapters; tests provide fakes. Nothing in core reads the wall clock or talks to the OS directly.
import type { NotificationRequest, TrayModel } from '../../shared/hostModels';
export type { NotificationRequest, TrayCommand, TrayMenuItem, TrayModel } from '../../shared/hostModels';


export interface Clock {
  /** Milliseconds since the epoch, like Date.now(). */
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Notifier {
  /** False where the OS has no notification service: core then shows an in-app banner instead. */
  isSupported(): boolean;
  show(notification: NotificationRequest): void;
}

export interface TrayPort {
  render(model: TrayModel): void;
}

/** The dock / taskbar badge. The reminder scheduler calls it with the number of overdue touches when it changes. */
export interface BadgePort {
  /** 0 clears the badge. */
  showOverdueCount(count: number): void;
}

/**
 * Where secrets (calendar app passwords) are kept: the OS keychain through Electron's safeStorage in the app,
 * memory only in the browser host. Never in the data files or backups.
 */
export interface SecretStore {
  /** False where secrets cannot outlive the process (the browser host): Settings says so. */
  readonly persistent: boolean;
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Secrets kept in memory only: the browser host and tests. */
export function memorySecretStore(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    persistent: false,
    get: async (key) => secrets.get(key) ?? null,
    set: async (key, value) => void secrets.set(key, value),
    delete: async (key) => void secrets.delete(key),
  };
}
