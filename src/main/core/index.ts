// Builds the main-process core: the store, the services, the dispatch and the event bus. Every host
// (Electron, the browser host, tests) starts Touchplan through createCore and talks to it only through
// dispatch() and the pushed events.
import type { EventName, Events, Result } from '../../shared/api';
import type { AppearancePort, BadgePort, Clock, DocumentPrinter, FileDialogs, HttpFetch, Notifier, SecretStore, TrayCommand, TrayPort } from './ports';

export interface CoreOptions {
  dataDir: string;
  host: 'electron' | 'browser';
  version: string;
  clock?: Clock;
  notifier?: Notifier;
  tray?: TrayPort;
  /** The dock / taskbar badge (overdue touches). */
  badge?: BadgePort;
  /** The OS colour scheme and locale (the desktop host); the browser host leaves the page to the browser's. */
  appearance?: AppearancePort;
  /** Native open/save dialogs (the desktop host); without them the page uses its own file fields. */
  fileDialogs?: FileDialogs;
  /** Printing and PDF of the meeting brief (the desktop host). */
  printer?: DocumentPrinter;
  /** Where calendar account secrets are kept; memory only when absent. */
  secrets?: SecretStore;
  /** How calendar sync reaches servers; the global fetch when absent. */
  fetch?: HttpFetch;
  /** Start calendar sync's timers (a first sync of every account at once); default true. */
  syncTimers?: boolean;
  /** Fill an empty data folder with the demo dataset. */
  demo?: boolean;
}

export type EventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

export interface Core {
  dispatch(channel: string, payload: unknown): Promise<Result<unknown>>;
  /** Subscribe to the events main pushes to the renderer; returns an unsubscribe function. */
  onEvent(listener: EventListener): () => void;
  /** Run a tray menu command (Done, Snooze, Open...). */
  runTrayCommand(command: TrayCommand): Promise<void>;
  /** The OS resumed from sleep or the clock jumped: rescan what is due. */
  resume(): void;
  /** Resolves once every change queued so far (background ones included) is on disk. */
  flushed(): Promise<void>;
  close(): Promise<void>;
}

export { createCore } from './createCore';
