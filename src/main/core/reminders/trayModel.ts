// The tray as pure data: tooltip, overdue flag and menu, built from the Today list. The adapters only render it.
import type { TrayMenuItem, TrayModel } from '../../../shared/hostModels';
import type { Settings } from '../../../shared/schema';
import { localTimeOf } from '../../../shared/domain/time';
import type { TodayTouch, TodayView } from '../../../shared/domain/today';
import { shortWhen, todayCounts } from './compose';

/** How many touches the tray lists before "N more…". */
export const TRAY_MAX_TOUCHES = 10;

export interface TrayExtras {
  /** Notifications are paused until this instant (epoch ms). */
  pausedUntil?: number | null;
  /** A message the OS could not show as a notification (no notification service): the tray carries it. */
  message?: string | null;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export function trayTooltip(touches: number, overdue: number): string {
  return `Touchplan — ${plural(touches, 'touch', 'touches')} today (${overdue} overdue)`;
}

function touchLabel(entry: TodayTouch, overdue: boolean, today: string, settings: Settings): string {
  const when = shortWhen(entry.touch.due, today, settings);
  const who = entry.prospect?.company;
  const text = who ? `${entry.touch.title} — ${who}` : entry.touch.title;
  const label = `${overdue ? '⚠ ' : ''}${when === 'today' ? '' : `${when} `}${text}`;
  return label.length > 70 ? `${label.slice(0, 69)}…` : label;
}

export function buildTrayModel(view: TodayView, settings: Settings, extras: TrayExtras = {}): TrayModel {
  const counts = todayCounts(view);
  const items: TrayMenuItem[] = [];
  if (extras.message) items.push({ kind: 'label', label: `🔔 ${extras.message}` }, { kind: 'separator' });

  const countLine = [`${plural(counts.touches, 'touch', 'touches')} today`, `${counts.overdue} overdue`];
  if (counts.meetings > 0) countLine.push(`${plural(counts.meetings, 'meeting', 'meetings')}`);
  items.push({ kind: 'label', label: countLine.join(' · ') });

  const listed = [
    ...view.overdue.map((entry) => ({ entry, overdue: true })),
    ...view.today.map((entry) => ({ entry, overdue: false })),
  ];
  if (listed.length > 0) items.push({ kind: 'separator' });
  for (const { entry, overdue } of listed.slice(0, TRAY_MAX_TOUCHES)) {
    const touchId = entry.touch.id;
    items.push({
      kind: 'submenu',
      label: touchLabel(entry, overdue, view.date, settings),
      items: [
        { kind: 'command', label: 'Done', command: { type: 'touch.done', touchId } },
        { kind: 'command', label: 'Snooze 1 hour', command: { type: 'touch.snoozeHour', touchId } },
        { kind: 'command', label: 'Tomorrow', command: { type: 'touch.tomorrow', touchId } },
        { kind: 'command', label: 'Open', command: { type: 'touch.open', touchId } },
      ],
    });
  }
  if (listed.length > TRAY_MAX_TOUCHES) {
    items.push({ kind: 'command', label: `${listed.length - TRAY_MAX_TOUCHES} more…`, command: { type: 'open.today' } });
  }

  items.push({ kind: 'separator' });
  items.push({ kind: 'command', label: 'Open Today', command: { type: 'open.today' } });
  items.push({ kind: 'command', label: 'New meeting…', command: { type: 'meeting.new' } });
  if (extras.pausedUntil != null) {
    items.push({ kind: 'label', label: `Notifications paused until ${localTimeOf(extras.pausedUntil, settings.timeZone)}` });
  }
  items.push({ kind: 'command', label: 'Pause notifications for 1 hour', command: { type: 'notifications.pauseHour' } });
  items.push({ kind: 'separator' });
  items.push({ kind: 'command', label: 'Quit', command: { type: 'app.quit' } });

  return { tooltip: trayTooltip(counts.touches, counts.overdue), hasOverdue: counts.overdue > 0, items };
}
