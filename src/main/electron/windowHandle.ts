// The one main window, created on demand: brought forward, and the target of pushed events.
import { type BrowserWindow } from 'electron';
import { IPC_EVENT, type EventName, type Events } from '../../shared/api';
import { type NotificationRequest } from '../core/ports';

export type OpenTarget = NotificationRequest['target'];

export interface WindowHandle {
  /** The live window, if there is one. */
  current(): BrowserWindow | null;
  /** Show, restore and focus the window, creating it when none is open. */
  reveal(): BrowserWindow;
  /** Push an event to the renderer (after it has loaded); dropped when no window is open. */
  send<E extends EventName>(event: E, payload: Events[E]): void;
  /** Bring the window forward and ask the renderer to open a touch, a meeting or Today (a summary). */
  open(target: OpenTarget): void;
}

export function createWindowHandle(create: () => BrowserWindow): WindowHandle {
  let window: BrowserWindow | null = null;

  const current = (): BrowserWindow | null => (window !== null && !window.isDestroyed() ? window : null);

  const reveal = (): BrowserWindow => {
    const live = current();
    if (live === null) {
      // A new window shows itself once its page is ready (no blank flash).
      const created = create();
      window = created;
      created.on('closed', () => {
        if (window === created) window = null;
      });
      return created;
    }
    if (live.isMinimized()) live.restore();
    live.show();
    live.focus();
    return live;
  };

  const sendTo = (target: BrowserWindow, event: EventName, payload: unknown): void => {
    const contents = target.webContents;
    if (contents.isLoading()) {
      contents.once('did-finish-load', () => {
        if (!target.isDestroyed()) contents.send(IPC_EVENT, event, payload);
      });
    } else {
      contents.send(IPC_EVENT, event, payload);
    }
  };

  return {
    current,
    reveal,
    send(event, payload) {
      const live = current();
      if (live !== null) sendTo(live, event, payload);
    },
    open(target) {
      const live = reveal();
      if (target.kind === 'touch') sendTo(live, 'open.touch', { touchId: target.id });
      else if (target.kind === 'meeting') sendTo(live, 'open.meeting', { meetingId: target.id });
      else sendTo(live, 'open.today', {});
    },
  };
}
