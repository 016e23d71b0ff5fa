// What main asks the OS to show (notifications, the tray), as plain data. The Electron adapters render
// it natively; the browser host pushes it to its developer panel.

/** One notification as core asks the OS to show it. */
export interface NotificationRequest {
  /** Stable key: record id + due instant, so a notification is never shown twice. */
  key: string;
  title: string;
  body: string;
  /** What clicking it opens. */
  target: { kind: 'touch'; id: string } | { kind: 'meeting'; id: string } | { kind: 'today' };
}

/** A pure description of the tray: the adapters only render it. Filled in by the reminders issue. */
export interface TrayModel {
  tooltip: string;
  hasOverdue: boolean;
  items: TrayMenuItem[];
}
export type TrayMenuItem =
  | { kind: 'label'; label: string }
  | { kind: 'separator' }
  | { kind: 'command'; label: string; command: TrayCommand }
  | { kind: 'submenu'; label: string; items: TrayMenuItem[] };
export type TrayCommand =
  | { type: 'touch.done' | 'touch.snoozeHour' | 'touch.tomorrow' | 'touch.open'; touchId: string }
  | { type: 'open.today' | 'meeting.new' | 'notifications.pauseHour' | 'app.quit' };

