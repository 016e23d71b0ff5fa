// The Notifier port over OS notifications. Live notifications are kept referenced until clicked or closed,
// so garbage collection never drops a click handler.
import { Notification } from 'electron';
import { type NotificationRequest, type Notifier } from '../core/ports';

/** Oldest references are dropped beyond this, for platforms that never report 'close'. */
const MAX_LIVE = 100;
const live = new Set<Notification>();

/** How many notifications are currently referenced (for tests and diagnostics). */
export const liveNotificationCount = (): number => live.size;

export function createNotifier(onClick: (target: NotificationRequest['target']) => void): Notifier {
  return {
    isSupported: () => Notification.isSupported(),
    show(request) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title: request.title, body: request.body });
      const release = (): void => {
        live.delete(notification);
      };
      notification.on('click', () => {
        release();
        onClick(request.target);
      });
      notification.on('close', release);
      notification.on('failed', release);
      live.add(notification);
      if (live.size > MAX_LIVE) {
        const [oldest] = live;
        if (oldest) live.delete(oldest);
      }
      notification.show();
    },
  };
}
