// The ports through which core services reach the outside world. Electron and the browser host each
// provide adapters; tests provide fakes. Nothing in core reads the wall clock or talks to the OS directly.
import type { AppAppearance } from '../../shared/api';
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

/** One native file dialog as core words it: the adapter only shows it. */
export interface FileDialogRequest {
  title: string;
  /** The file types offered, e.g. { name: 'Calendar files', extensions: ['ics'] }. */
  filters: { name: string; extensions: string[] }[];
  /** Save dialogs: the file name offered. */
  suggestedName?: string;
}

/** Native open and save dialogs (Electron's dialog module). */
export interface FileDialogs {
  /** The chosen file's absolute path, or null when the rep cancelled. */
  chooseFileToOpen(request: FileDialogRequest): Promise<string | null>;
  chooseFileToSave(request: FileDialogRequest): Promise<string | null>;
}

/** Prints a self-contained HTML page (the meeting brief) or renders it as PDF. */
export interface DocumentPrinter {
  /** Shows the OS print dialog; false when the rep cancelled it. */
  print(html: string): Promise<boolean>;
  toPdf(html: string): Promise<Uint8Array>;
}

/** The OS colour scheme and locale (Electron's nativeTheme and app.getLocale()). */
export interface AppearancePort {
  current(): AppAppearance;
  /** Called when the OS switches between light and dark; returns the unsubscribe. */
  onChange(listener: (appearance: AppAppearance) => void): () => void;
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

/** How core reaches HTTP servers (calendar sync): the WHATWG fetch. Tests may wrap it (a server gone offline). */
export type HttpFetch = typeof globalThis.fetch;
