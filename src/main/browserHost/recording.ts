// The browser host's Notifier and TrayPort: instead of the OS, they push what Electron would show to the page
// ('host.notification', 'host.tray'), where the developer panel (and end-to-end tests) can see it.
import type { EventName, Events } from '../../shared/api';
import type { Clock, Notifier, TrayPort } from '../core/ports';

export type HostEventListener = <E extends EventName>(event: E, payload: Events[E]) => void;

export interface RecordingAdapters {
  notifier: Notifier;
  tray: TrayPort;
  /** Subscribe to what the adapters push; returns an unsubscribe function. */
  onEvent(listener: HostEventListener): () => void;
}

export function createRecordingAdapters(clock: Clock, options: { notificationsSupported?: boolean } = {}): RecordingAdapters {
  const listeners = new Set<HostEventListener>();
  const push = <E extends EventName>(event: E, payload: Events[E]) => {
    for (const listener of listeners) listener(event, payload);
  };
  return {
    notifier: {
      isSupported: () => options.notificationsSupported ?? true,
      show: (notification) => push('host.notification', { ...notification, shownAt: new Date(clock.now()).toISOString() }),
    },
    tray: { render: (model) => push('host.tray', model) },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
