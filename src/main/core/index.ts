// Builds the main-process core: the store, the services, the dispatch and the event bus. Every host
// (Electron, the browser host, tests) starts Touchplan through createCore and talks to it only through
// dispatch() and the pushed events.
import type { EventName, Events, Result } from '../../shared/api';
import type { Clock, Notifier, SecretStore, TrayCommand, TrayPort } from './ports';

export interface CoreOptions {
  dataDir: string;
  host: 'electron' | 'browser';
  version: string;
  /** The OS locale the renderer formats dates in (Electron: app.getLocale()); the browser host leaves it to the page. */
  locale?: string;
  clock?: Clock;
  notifier?: Notifier;
  tray?: TrayPort;
  /** Where calendar account secrets are kept; memory only when absent. */
  secrets?: SecretStore;
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
