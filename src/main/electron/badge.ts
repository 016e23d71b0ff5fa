// The BadgePort over the dock (macOS) and launcher (Linux, Unity-compatible) badge: the number of overdue
// touches, as core's reminder scheduler counts them. Where the OS has no count badge (Windows), nothing shows;
// the tray icon still turns to its overdue state.
import { app } from 'electron';
import { type BadgePort } from '../core/ports';

export function createBadgePort(): BadgePort {
  return {
    showOverdueCount(count) {
      // Returns false where unsupported: nothing else to do there.
      app.setBadgeCount(Math.max(0, Math.floor(count)));
    },
  };
}
