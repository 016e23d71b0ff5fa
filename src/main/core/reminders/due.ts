// What is due when: timed touches fire at due − touchLeadMinutes, meetings at start − meetingLeadMinutes.
// All-day touches are never announced one by one; the morning digest carries them (see digest.ts).
// One pass over touches and meetings with string comparisons of canonical instants (no parsing per record),
// so a rescan stays cheap at 60,000 touches.
import type { Meeting, Settings, Touch } from '../../../shared/schema';
import { instantKey, instantMs, MS_PER_MINUTE, toIsoInstant } from '../../../shared/domain/time';
import { meetingKey, touchKey } from './keys';

/** How far back a missed reminder is still announced (in the catch-up summary); older ones stay silent. */
export const CATCH_UP_WINDOW_MS = 4 * 24 * 60 * 60 * 1000;

export type DueItem =
  | { kind: 'touch'; key: string; fireAt: number; dueAt: number; touch: Touch }
  | { kind: 'meeting'; key: string; fireAt: number; dueAt: number; meeting: Meeting };

export interface DueScan {
  /** Reminders whose time has come (within the catch-up window) and that were never shown, oldest first. */
  pending: DueItem[];
  /** The next instant (epoch ms) a reminder fires, or null when none is planned. */
  nextFireAt: number | null;
  /** The next instant a planned timed touch becomes overdue (the tray's counts change then), or null. */
  nextOverdueAt: number | null;
}

export interface DueData {
  touches: Iterable<Touch>;
  meetings: Iterable<Meeting>;
}

export function scanDue(
  data: DueData,
  settings: Pick<Settings, 'touchLeadMinutes' | 'meetingLeadMinutes'>,
  now: number,
  notified: ReadonlySet<string>,
  windowMs = CATCH_UP_WINDOW_MS,
): DueScan {
  const touchLead = settings.touchLeadMinutes * MS_PER_MINUTE;
  const meetingLead = settings.meetingLeadMinutes * MS_PER_MINUTE;
  const nowKey = toIsoInstant(now);
  // A touch fires once now ≥ due − lead, i.e. due ≤ now + lead; it is in the window if due − lead ≥ now − window.
  const touchFireKey = toIsoInstant(now + touchLead);
  const touchWindowKey = toIsoInstant(now - windowMs + touchLead);
  const meetingFireKey = toIsoInstant(now + meetingLead);
  const meetingWindowKey = toIsoInstant(now - windowMs + meetingLead);

  const pending: DueItem[] = [];
  let nextTouchKey: string | null = null;
  let nextOverdueKey: string | null = null;
  for (const touch of data.touches) {
    if (touch.status !== 'planned' || touch.due.allDay) continue;
    const key = instantKey(touch.due.at);
    if (key > touchFireKey) {
      if (nextTouchKey === null || key < nextTouchKey) nextTouchKey = key;
    } else if (key >= touchWindowKey) {
      const notificationKey = touchKey(touch.id, key);
      if (!notified.has(notificationKey)) {
        const dueAt = instantMs(key);
        pending.push({ kind: 'touch', key: notificationKey, fireAt: dueAt - touchLead, dueAt, touch });
      }
    }
    if (key >= nowKey && (nextOverdueKey === null || key < nextOverdueKey)) nextOverdueKey = key;
  }
  let nextMeetingKey: string | null = null;
  for (const meeting of data.meetings) {
    // Cancelled: nothing to remind of. All-day (a fair, a workshop): no start to warn before; like an all-day
    // touch it is on Today and in the morning digest instead of a midnight notification.
    if (meeting.cancelledAt || meeting.allDay) continue;
    const key = instantKey(meeting.start);
    if (key > meetingFireKey) {
      if (nextMeetingKey === null || key < nextMeetingKey) nextMeetingKey = key;
    } else if (key >= meetingWindowKey && meeting.debrief === null) {
      const notificationKey = meetingKey(meeting.id, key);
      if (!notified.has(notificationKey)) {
        const dueAt = instantMs(key);
        pending.push({ kind: 'meeting', key: notificationKey, fireAt: dueAt - meetingLead, dueAt, meeting });
      }
    }
  }
  pending.sort((a, b) => a.fireAt - b.fireAt || (a.key < b.key ? -1 : 1));
  const fires = [
    nextTouchKey === null ? null : instantMs(nextTouchKey) - touchLead,
    nextMeetingKey === null ? null : instantMs(nextMeetingKey) - meetingLead,
  ].filter((v): v is number => v !== null);
  return {
    pending,
    nextFireAt: fires.length > 0 ? Math.min(...fires) : null,
    // A touch due at t counts as overdue from t + 1 ms on (todayView: due < now).
    nextOverdueAt: nextOverdueKey === null ? null : instantMs(nextOverdueKey) + 1,
  };
}
